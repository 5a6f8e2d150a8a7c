import { type GraphQLContext, StaffUser, ValidationError, StaffRefType, staffRef } from '@aftercare/core';
import { Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { LessThan, MoreThan } from 'typeorm';
import { RepairOrder } from '../entities/repair-order.entity.js';
import { RepairVisit } from '../entities/repair-visit.entity.js';
import { P } from '../permissions.js';
import { repairOrderById } from './loaders.js';
import { VisitRangeArgs } from './types.js';

/** Longest range `warrantyVisits` answers: six weeks, enough for a month view. */
export const MAX_VISIT_RANGE_DAYS = 42;
/** Most visits one `warrantyVisits` call returns. */
export const MAX_VISITS = 1000;

/** The technician schedule: visits in a date range and who can be booked. */
@Resolver(() => RepairVisit)
export class ScheduleResolver {
  @Authorized(P.repairRead)
  @Query(() => [RepairVisit], {
    description: `Visits overlapping [from, to) (at most ${MAX_VISIT_RANGE_DAYS} days), of one technician or all, by start time.`,
  })
  async warrantyVisits(@Args() { from, to, technicianId }: VisitRangeArgs, @Ctx() ctx: GraphQLContext): Promise<RepairVisit[]> {
    if (!(to > from)) throw new ValidationError([{ field: 'to', message: 'must be after from' }]);
    if (to.getTime() - from.getTime() > MAX_VISIT_RANGE_DAYS * 86_400_000) {
      throw new ValidationError([{ field: 'to', message: `must be at most ${MAX_VISIT_RANGE_DAYS} days after from` }]);
    }
    return ctx.db.manager.find(RepairVisit, {
      where: { startsAt: LessThan(to), endsAt: MoreThan(from), ...(technicianId ? { technicianId } : {}) },
      order: { startsAt: 'ASC', id: 'ASC' },
      take: MAX_VISITS,
    });
  }

  @Authorized(P.repairRead)
  @Query(() => [StaffRefType], {
    description: 'Active staff users whose roles let them work on repairs (warranty.repair.write; administrators too), by name.',
  })
  async warrantyTechnicians(@Ctx() ctx: GraphQLContext): Promise<StaffRefType[]> {
    return ctx.db.manager
      .createQueryBuilder(StaffUser, 'u')
      .select(['u.id', 'u.name', 'u.email', 'u.active'])
      .where('u.active')
      .andWhere(
        `EXISTS (SELECT 1 FROM staff_user_role ur JOIN role r ON r.id = ur.role_id
                  WHERE ur.staff_user_id = u.id AND (:perm = ANY(r.permissions) OR (r.built_in AND r.name = 'Administrator')))`,
        { perm: P.repairWrite },
      )
      .orderBy('u.name', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .limit(500)
      .getMany();
  }

  @FieldResolver(() => RepairOrder, { nullable: true, description: 'The repair order the visit belongs to.' })
  repairOrder(@Root() v: RepairVisit, @Ctx() ctx: GraphQLContext): Promise<RepairOrder | null> {
    return repairOrderById(ctx).load(v.repairOrderId);
  }

  @FieldResolver(() => StaffRefType, { nullable: true, description: 'The booked technician.' })
  technician(@Root() v: RepairVisit, @Ctx() ctx: GraphQLContext) {
    return staffRef(ctx, v.technicianId);
  }
}
