import type { GraphQLContext } from '@aftercare/core';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Compensation } from '../entities/compensation.entity.js';
import { P } from '../permissions.js';
import type { ServiceDesk } from '../runtime.js';
import { CompensationDecisionKind, CompensationGqlType, DecideCompensationInput, ProposeCompensationInput } from './types.js';

/** Four-eyes compensation on claims. */
@Resolver(() => CompensationGqlType)
export class CompensationResolver {
  constructor(private readonly desk: ServiceDesk) {}

  @Authorized(P.compensationPropose)
  @Mutation(() => CompensationGqlType, { description: 'Propose compensation on a claim; idempotent by idempotencyKey.' })
  proposeCompensation(@Arg('input') input: ProposeCompensationInput, @Ctx() ctx: GraphQLContext): Promise<Compensation> {
    return this.desk.compensations.propose(ctx.actor, input);
  }

  @Authorized(P.compensationApprove)
  @Mutation(() => CompensationGqlType, {
    description:
      'Approve or reject a proposal. Not by its proposer; values above the threshold need service-desk.compensation.approve-high.',
  })
  decideCompensation(@Arg('input') input: DecideCompensationInput, @Ctx() ctx: GraphQLContext): Promise<Compensation> {
    return this.desk.compensations.decide(ctx.actor, {
      compensationId: input.compensationId,
      approve: input.decision === CompensationDecisionKind.APPROVE,
      reason: input.reason,
    });
  }
}
