import { ValidationError, PageArgs, PageOf, type Page, validId } from '@aftercare/core';
import { Arg, Args, Authorized, ID, Mutation, Query, Resolver } from 'type-graphql';
import { WarrantyPolicy } from '../entities/warranty-policy.entity.js';
import { P } from '../permissions.js';
import type { Warranty } from '../runtime.js';
import type { CoverageAnswer } from '../services/coverage.service.js';
import { CoverageArgs, CoverageResultType, WarrantyPolicyInput } from './types.js';

const PolicyPage = PageOf(WarrantyPolicy, 'WarrantyPolicyPage');
/** The entitlement check and the policy editor. */
@Resolver()
export class CoverageResolver {
  constructor(private readonly warranty: Warranty) {}

  @Authorized(P.coverageRead)
  @Query(() => CoverageResultType, {
    description:
      'The entitlement check, by serial or purchase: covered or not at `at`, by which policy or contract, until when, what is covered, and why not (expired, excluded, unregistered).',
  })
  warrantyCoverage(@Args() args: CoverageArgs): Promise<CoverageAnswer> {
    return this.warranty.coverage.check(args);
  }

  @Authorized(P.coverageRead)
  @Query(() => PolicyPage, { description: 'Warranty policies, newest first.' })
  warrantyPolicies(@Args() page: PageArgs): Promise<Page<WarrantyPolicy>> {
    return this.warranty.policies.list(page);
  }

  @Authorized(P.policyManage)
  @Mutation(() => WarrantyPolicy, {
    description: 'Create a policy (no id) or replace one. New registrations copy its terms; existing ones keep theirs.',
  })
  saveWarrantyPolicy(
    @Arg('id', () => ID, { nullable: true }) id: string | null,
    @Arg('input', () => WarrantyPolicyInput) input: WarrantyPolicyInput,
  ): Promise<WarrantyPolicy> {
    if (!input.modelId && !input.category) {
      throw new ValidationError([{ field: 'modelId', message: 'give a modelId or a category the policy applies to' }]);
    }
    return this.warranty.policies.save(id ? validId('Warranty policy', id) : null, {
      ...input,
      modelId: input.modelId ?? null,
      category: input.modelId ? null : (input.category ?? null),
      usDesignation: input.usDesignation ?? null,
    });
  }
}
