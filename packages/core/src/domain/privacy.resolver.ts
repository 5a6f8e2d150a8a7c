import { Max, Min } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { Customer } from '../entities/customer.entity.js';
import { NotFoundError } from '../errors.js';
import type { GraphQLContext } from '../graphql/context.js';
import { MAX_TAKE } from '../graphql/pagination.js';
import { auditCustomerReads } from './customer.service.js';
import { checkId } from './customer.resolver.js';

@ObjectType({ description: "One entry of a customer's history, from core or a plugin." })
export class TimelineEntryType {
  @Field({ description: 'Unique within its source.' })
  id: string;

  @Field()
  at: Date;

  @Field({ description: '<owner>.<what>, e.g. core.purchase, service-desk.case.opened.' })
  kind: string;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  summary: string | null;

  @Field({ description: 'GraphQL type of the object the entry is about, to link to it.' })
  objectType: string;

  @Field()
  objectId: string;

  @Field({ description: 'The source that contributed it, <owner>.<name>.' })
  source: string;
}

@ObjectType('CustomerTimeline', { description: 'A page of the timeline, newest first.' })
export class CustomerTimelineType {
  @Field(() => [TimelineEntryType])
  items: TimelineEntryType[];

  @Field({ description: "Older entries exist: ask again with `before` set to the last item's `at`." })
  hasMore: boolean;
}

@ArgsType()
class TimelineArgs {
  @Field(() => ID)
  customerId: string;

  @Field(() => Date, { nullable: true, description: 'Only entries strictly older than this (the cursor).' })
  before?: Date | null;

  @Field(() => Int, { defaultValue: 20 })
  @Min(1, { message: 'must be at least 1' })
  @Max(MAX_TAKE, { message: `must be at most ${MAX_TAKE}` })
  take: number;
}

/** The unified customer history, and the rights of access and erasure. */
@Resolver()
export class PrivacyResolver {
  @Authorized('core.customer.read')
  @Query(() => CustomerTimelineType, {
    description: 'Everything about a customer from core and every plugin, newest first; cursor by `before`. Audited.',
  })
  customerTimeline(@Args() { customerId, before, take }: TimelineArgs, @Ctx() ctx: GraphQLContext): Promise<CustomerTimelineType> {
    checkId(customerId, 'Customer');
    return ctx.db.transaction(async (m) => {
      if (!(await m.existsBy(Customer, { id: customerId }))) throw new NotFoundError('Customer', customerId);
      await auditCustomerReads(m, ctx.actor, [customerId], 'customerTimeline');
      return ctx.domain.timeline.page(m, customerId, before ?? null, take);
    });
  }

  @Authorized('core.customer.export')
  @Query(() => GraphQLJSONObject, {
    description: 'Everything core and every enabled plugin holds about the customer, as JSON (right of access). Audited.',
  })
  exportCustomerData(@Arg('customerId', () => ID) customerId: string, @Ctx() ctx: GraphQLContext): Promise<Record<string, unknown>> {
    checkId(customerId, 'Customer');
    return ctx.domain.privacy.export(customerId);
  }

  @Authorized('core.customer.anonymize')
  @Mutation(() => Customer, {
    description:
      "Replace the customer's personal data everywhere (core and every plugin) in one transaction; counts, scores and durations stay. Cannot be undone. Audited.",
  })
  anonymizeCustomer(@Arg('customerId', () => ID) customerId: string, @Ctx() ctx: GraphQLContext): Promise<Customer> {
    checkId(customerId, 'Customer');
    return ctx.domain.privacy.anonymize(customerId);
  }
}
