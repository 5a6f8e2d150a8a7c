import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { requireStaff } from '../access/actor.js';
import { STAFF } from '../access/policy.js';
import { ValidationError } from '../errors.js';
import type { GraphQLContext } from '../graphql/context.js';
import { PageArgs } from '../graphql/pagination.js';
import { StaffNotificationRecord } from './staff-notification.entity.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@ObjectType({ description: 'A page of the notification centre, with the unread count.' })
export class StaffNotificationPage {
  @Field(() => [StaffNotificationRecord])
  items: StaffNotificationRecord[];

  @Field(() => Int)
  totalCount: number;

  @Field(() => Int, { description: 'Unread notifications of the caller (all of them, not only this page).' })
  unreadCount: number;
}

@ObjectType({ description: 'A kind of notification and whether the caller also gets it by e-mail.' })
export class NotificationPreference {
  @Field({ description: 'e.g. service-desk.case-assigned' })
  kind: string;

  @Field()
  description: string;

  @Field()
  email: boolean;
}

@ArgsType()
class MyNotificationsArgs extends PageArgs {
  @Field({ defaultValue: false })
  unreadOnly: boolean;
}

/** The signed-in staff user's notification centre. */
@Resolver()
export class StaffNotificationResolver {
  @Authorized(STAFF)
  @Query(() => StaffNotificationPage, { description: "The caller's notifications, newest first (staff users only)." })
  myNotifications(@Args() args: MyNotificationsArgs, @Ctx() ctx: GraphQLContext) {
    return ctx.staffNotifications.list(requireStaff(ctx).userId, args);
  }

  @Authorized(STAFF)
  @Mutation(() => Int, { description: 'Mark the given notifications (or, without ids, all) of the caller read; answers how many changed.' })
  markNotificationsRead(
    @Arg('ids', () => [ID], { nullable: true })
    ids: string[] | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<number> {
    const staff = requireStaff(ctx);
    if (ids && (ids.length > 500 || ids.some((id) => !UUID.test(id))))
      throw new ValidationError([{ field: 'ids', message: 'must be at most 500 notification ids' }]);
    return ctx.staffNotifications.markRead(staff.userId, ids);
  }

  @Authorized(STAFF)
  @Query(() => [NotificationPreference], { description: 'Every notification kind and whether the caller also gets it by e-mail.' })
  notificationPreferences(@Ctx() ctx: GraphQLContext) {
    return ctx.staffNotifications.preferences(requireStaff(ctx).userId);
  }

  @Authorized(STAFF)
  @Mutation(() => [NotificationPreference], { description: 'Choose whether the caller also gets a kind of notification by e-mail.' })
  setNotificationPreference(
    @Arg('kind', { description: 'e.g. service-desk.case-assigned' }) kind: string,
    @Arg('email') email: boolean,
    @Ctx() ctx: GraphQLContext,
  ) {
    return ctx.staffNotifications.setPreference(requireStaff(ctx).userId, kind, email);
  }
}
