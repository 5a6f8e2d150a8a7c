import { Arg, Args, Authorized, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { ValidationError } from '../errors.js';
import type { GraphQLContext } from '../graphql/context.js';
import { PageArgs } from '../graphql/pagination.js';
import { pageWindow } from '../webhooks/webhook.service.js';

@ObjectType('EventTypeInfo', { description: 'A domain event type this server publishes.' })
export class EventTypeInfo {
  @Field({ description: '<owner>.<object>.<verb>, e.g. core.customer.created.' })
  type: string;

  @Field({ description: "'core' or the plugin that publishes it." })
  owner: string;

  @Field(() => String, { nullable: true })
  description?: string | null;
}

@ObjectType('EventDelivery', { description: 'Delivery of one event to one in-process subscriber.' })
export class EventDeliveryInfo {
  @Field(() => ID)
  eventId: string;

  @Field()
  eventType: string;

  @Field({ description: '<plugin>.<name> of the subscriber.' })
  subscriber: string;

  @Field({ description: 'pending, delivered or failed (all attempts used; retry with retryEventDelivery).' })
  status: string;

  @Field(() => Int)
  attempts: number;

  @Field(() => String, { nullable: true })
  lastError: string | null;

  @Field(() => Date, { nullable: true })
  deliveredAt: Date | null;

  @Field()
  occurredAt: Date;

  @Field()
  updatedAt: Date;
}

@ObjectType()
export class EventDeliveryPage {
  @Field(() => [EventDeliveryInfo])
  items: EventDeliveryInfo[];

  @Field(() => Int)
  totalCount: number;
}

const STATUSES = ['pending', 'delivered', 'failed'];

@Resolver()
export class EventResolver {
  @Authorized('core.webhook.manage')
  @Query(() => [EventTypeInfo], { description: 'Event types of core and the enabled plugins, for webhook subscriptions.' })
  eventTypes(@Ctx() ctx: GraphQLContext): EventTypeInfo[] {
    return ctx.events.types().map((t) => ({ type: t.type, owner: t.owner, description: t.description ?? null }));
  }

  @Authorized('core.event.read')
  @Query(() => EventDeliveryPage, { description: 'Deliveries to in-process subscribers, most recently changed first.' })
  async eventDeliveries(
    @Arg('status', () => String, { nullable: true, description: 'pending, delivered or failed' }) status: string | null,
    @Args() page: PageArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<EventDeliveryPage> {
    const { skip, take } = pageWindow(page.skip, page.take);
    if (status != null && !STATUSES.includes(status)) {
      throw new ValidationError([{ field: 'status', message: `must be one of ${STATUSES.join(', ')}` }]);
    }
    const filter = status ?? null;
    const rows: Array<Record<string, any>> = await ctx.db.dataSource.query(
      `SELECT d.event_id, e.type, d.subscriber, d.status, d.attempts, d.last_error, d.delivered_at, e.occurred_at, d.updated_at,
              count(*) OVER () AS total
         FROM event_delivery d JOIN event_outbox e ON e.id = d.event_id
        WHERE $1::text IS NULL OR d.status = $1
        ORDER BY d.updated_at DESC, d.event_id, d.subscriber
        OFFSET $2 LIMIT $3`,
      [filter, skip, take],
    );
    return {
      items: rows.map((r) => ({
        eventId: r.event_id,
        eventType: r.type,
        subscriber: r.subscriber,
        status: r.status,
        attempts: r.attempts,
        lastError: r.last_error,
        deliveredAt: r.delivered_at,
        occurredAt: r.occurred_at,
        updatedAt: r.updated_at,
      })),
      totalCount: rows.length ? Number(rows[0]!.total) : skip ? await this.count(ctx, filter) : 0,
    };
  }

  @Authorized('core.event.retry')
  @Mutation(() => Boolean, { description: 'Queue a failed delivery again. False when it is not failed (any more).' })
  retryEventDelivery(
    @Arg('eventId', () => ID) eventId: string,
    @Arg('subscriber') subscriber: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<boolean> {
    return ctx.events.retry(eventId, subscriber);
  }

  private async count(ctx: GraphQLContext, status: string | null): Promise<number> {
    const [r] = await ctx.db.dataSource.query('SELECT count(*) AS n FROM event_delivery WHERE $1::text IS NULL OR status = $1', [status]);
    return Number(r.n);
  }
}
