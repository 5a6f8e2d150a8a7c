import { type GraphQLContext, ProductModel } from '@aftercare/core';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { WarrantyPolicy } from '../entities/warranty-policy.entity.js';
import { modelById } from './loaders.js';

/** Relations of a warranty policy for the policy editor. */
@Resolver(() => WarrantyPolicy)
export class PolicyResolver {
  @FieldResolver(() => ProductModel, { nullable: true, description: 'The model a model policy applies to.' })
  model(@Root() p: WarrantyPolicy, @Ctx() ctx: GraphQLContext): Promise<ProductModel | null> {
    return p.modelId ? modelById(ctx).load(p.modelId) : Promise.resolve(null);
  }
}
