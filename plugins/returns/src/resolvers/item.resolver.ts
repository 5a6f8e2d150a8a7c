import { CustomerRefType, customerRef, type GraphQLContext, type Page, PageOf, StatusChangeType, statusHistory } from '@aftercare/core';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { type ReturnsItemStatus, ReturnsItemStatusEnum, itemMachine } from '../domain.js';
import { ReturnsItem } from '../entities/item.entity.js';
import { P } from '../permissions.js';
import type { ReturnsItems } from '../services/item.service.js';
import { CreateItemInput, ItemsArgs, MoveItemInput } from './types.js';

const ItemPage = PageOf(ReturnsItem, 'ReturnsItemPage');

/** Items: list, read, create, move. Every rule is in the service; each resolver is one call. */
@Resolver(() => ReturnsItem)
export class ReturnsItemResolver {
  constructor(private readonly items: ReturnsItems) {}

  @Authorized(P.itemRead)
  @Query(() => ItemPage, { description: 'Items, newest first; filter by state or customer.' })
  returnsItems(@Args() { status, customerId, skip, take }: ItemsArgs): Promise<Page<ReturnsItem>> {
    return this.items.list({ status, customerId }, { skip, take });
  }

  @Authorized(P.itemRead)
  @Query(() => ReturnsItem, { description: 'One item; NOT_FOUND when there is none.' })
  returnsItem(@Arg('id', () => ID) id: string): Promise<ReturnsItem> {
    return this.items.get(id);
  }

  @Authorized(P.itemWrite)
  @Mutation(() => ReturnsItem, { description: 'Create an item (state OPEN).' })
  createReturnsItem(@Arg('input', () => CreateItemInput) input: CreateItemInput): Promise<ReturnsItem> {
    return this.items.create(input);
  }

  @Authorized(P.itemWrite)
  @Mutation(() => ReturnsItem, {
    description: 'Move an item to one of its allowedTransitions; INVALID_TRANSITION otherwise, CONFLICT on a stale expectedVersion.',
  })
  moveReturnsItem(@Arg('input', () => MoveItemInput) input: MoveItemInput): Promise<ReturnsItem> {
    return this.items.move(input);
  }

  @FieldResolver(() => [ReturnsItemStatusEnum], { description: 'The states the item may move to now.' })
  allowedTransitions(@Root() item: ReturnsItem): readonly ReturnsItemStatus[] {
    return itemMachine.allowed(item.status);
  }

  @FieldResolver(() => [StatusChangeType], { description: 'Every state change, oldest first: from, to, who, why, when.' })
  history(@Root() item: ReturnsItem, @Ctx() ctx: GraphQLContext): Promise<StatusChangeType[]> {
    return statusHistory(ctx, itemMachine, item.id);
  }

  @FieldResolver(() => CustomerRefType, { nullable: true, description: 'Name and e-mail; needs core.customer.read (audited).' })
  customer(@Root() item: ReturnsItem, @Ctx() ctx: GraphQLContext) {
    return customerRef(ctx, item.customerId);
  }
}
