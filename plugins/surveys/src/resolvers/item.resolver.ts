import { CustomerRefType, customerRef, type GraphQLContext, type Page, PageOf, StatusChangeType, statusHistory } from '@aftercare/core';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { type SurveysItemStatus, SurveysItemStatusEnum, itemMachine } from '../domain.js';
import { SurveysItem } from '../entities/item.entity.js';
import { P } from '../permissions.js';
import type { SurveysItems } from '../services/item.service.js';
import { CreateItemInput, ItemsArgs, MoveItemInput } from './types.js';

const ItemPage = PageOf(SurveysItem, 'SurveysItemPage');

/** Items: list, read, create, move. Every rule is in the service; each resolver is one call. */
@Resolver(() => SurveysItem)
export class SurveysItemResolver {
  constructor(private readonly items: SurveysItems) {}

  @Authorized(P.itemRead)
  @Query(() => ItemPage, { description: 'Items, newest first; filter by state or customer.' })
  surveysItems(@Args() { status, customerId, skip, take }: ItemsArgs): Promise<Page<SurveysItem>> {
    return this.items.list({ status, customerId }, { skip, take });
  }

  @Authorized(P.itemRead)
  @Query(() => SurveysItem, { description: 'One item; NOT_FOUND when there is none.' })
  surveysItem(@Arg('id', () => ID) id: string): Promise<SurveysItem> {
    return this.items.get(id);
  }

  @Authorized(P.itemWrite)
  @Mutation(() => SurveysItem, { description: 'Create an item (state OPEN).' })
  createSurveysItem(@Arg('input', () => CreateItemInput) input: CreateItemInput): Promise<SurveysItem> {
    return this.items.create(input);
  }

  @Authorized(P.itemWrite)
  @Mutation(() => SurveysItem, {
    description: 'Move an item to one of its allowedTransitions; INVALID_TRANSITION otherwise, CONFLICT on a stale expectedVersion.',
  })
  moveSurveysItem(@Arg('input', () => MoveItemInput) input: MoveItemInput): Promise<SurveysItem> {
    return this.items.move(input);
  }

  @FieldResolver(() => [SurveysItemStatusEnum], { description: 'The states the item may move to now.' })
  allowedTransitions(@Root() item: SurveysItem): readonly SurveysItemStatus[] {
    return itemMachine.allowed(item.status);
  }

  @FieldResolver(() => [StatusChangeType], { description: 'Every state change, oldest first: from, to, who, why, when.' })
  history(@Root() item: SurveysItem, @Ctx() ctx: GraphQLContext): Promise<StatusChangeType[]> {
    return statusHistory(ctx, itemMachine, item.id);
  }

  @FieldResolver(() => CustomerRefType, { nullable: true, description: 'Name and e-mail; needs core.customer.read (audited).' })
  customer(@Root() item: SurveysItem, @Ctx() ctx: GraphQLContext) {
    return customerRef(ctx, item.customerId);
  }
}
