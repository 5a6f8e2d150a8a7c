import { type GraphQLContext, PageArgs, PageOf, type Page, ProductModel, productModelRef } from '@aftercare/core';
import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { SparePart } from '../entities/spare-part.entity.js';
import { P } from '../permissions.js';
import type { Warranty } from '../runtime.js';
import { AdjustSparePartStockInput, SparePartFilterArgs, SparePartInput } from './types.js';

const PartPage = PageOf(SparePart, 'SparePartPage');

/** The spare-parts catalogue: parts, the models they fit, reorder levels and stock movements. */
@Resolver(() => SparePart)
export class PartsResolver {
  constructor(private readonly warranty: Warranty) {}

  @Authorized(P.repairRead)
  @Query(() => PartPage, { description: 'The spare-parts catalogue with stock, by SKU; filter by text, model or low stock.' })
  spareParts(@Args() page: PageArgs, @Args() f: SparePartFilterArgs): Promise<Page<SparePart>> {
    return this.warranty.parts.list(f, page);
  }

  @Authorized(P.partsManage)
  @Mutation(() => SparePart, {
    description: 'Create a part (with its opening stock), or update one by SKU: name, cost, reorder level, the models it fits.',
  })
  saveSparePart(@Arg('input', () => SparePartInput) input: SparePartInput): Promise<SparePart> {
    return this.warranty.parts.save(input);
  }

  @Authorized(P.partsManage)
  @Mutation(() => SparePart, {
    description: 'Add or remove stock with a reason (audited). CONFLICT when it would go below zero; nothing changes then.',
  })
  adjustSparePartStock(@Arg('input', () => AdjustSparePartStockInput) input: AdjustSparePartStockInput): Promise<SparePart> {
    return this.warranty.parts.adjustStock(input);
  }

  @FieldResolver(() => Boolean, { description: 'Stock is at or below the reorder level (and the level is set).' })
  lowStock(@Root() p: SparePart): boolean {
    return p.reorderLevel > 0 && p.stockQuantity <= p.reorderLevel;
  }

  @FieldResolver(() => [ProductModel], { description: 'The models the part fits.' })
  async models(@Root() p: SparePart, @Ctx() ctx: GraphQLContext): Promise<ProductModel[]> {
    const models = await Promise.all((p.modelIds ?? []).map((id) => productModelRef(ctx, id)));
    return models.filter((m): m is ProductModel => !!m);
  }
}
