import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Args, ArgsType, Authorized, Ctx, Field, FieldResolver, InputType, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { canReadCustomer } from '../domain/references.js';
import { AuditEvent } from '../entities/audit-event.entity.js';
import type { GraphQLContext } from '../graphql/context.js';
import { findAuditEvents } from './audit.service.js';

@InputType({ description: 'All given conditions must hold. `from` is inclusive, `to` exclusive.' })
class AuditEventFilter {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  actorId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  objectType?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  objectId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  action?: string | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  from?: Date | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  to?: Date | null;
}

@ArgsType()
class AuditEventsArgs {
  @Field(() => AuditEventFilter, { nullable: true })
  filter?: AuditEventFilter | null;

  @Field(() => Int, { defaultValue: 0 })
  @Min(0)
  skip: number;

  @Field(() => Int, { defaultValue: 20, description: 'At most 100.' })
  @Min(1)
  @Max(100)
  take: number;
}

@ObjectType()
class AuditEventPage {
  @Field(() => [AuditEvent])
  items: AuditEvent[];
  @Field(() => Int)
  totalCount: number;
}

/** Reading the audit trail. */
@Resolver()
export class AuditResolver {
  @Authorized('core.audit.read')
  @Query(() => AuditEventPage, { description: 'Audit entries, newest first.' })
  auditEvents(@Args() { filter, skip, take }: AuditEventsArgs, @Ctx() ctx: GraphQLContext): Promise<AuditEventPage> {
    return findAuditEvents(ctx.db.dataSource, filter ?? {}, skip, take);
  }
}

/** An audit entry's actor as people see it: a customer's e-mail only under core's rule for customers. */
@Resolver(() => AuditEvent)
export class AuditEventResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: "How the actor was shown at the time, e.g. a staff e-mail or key name; a customer's e-mail needs core.customer.read.",
  })
  actorDisplay(@Root() e: AuditEvent, @Ctx() ctx: GraphQLContext): string | null {
    if (e.actorKind === 'customer' && (!e.actorId || !canReadCustomer(ctx, e.actorId))) return null;
    return e.actorDisplay;
  }
}
