import { type GraphQLContext, ProductModel, productModelRef } from '@aftercare/core';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { WarrantyPolicy } from '../entities/warranty-policy.entity.js';

/** Relations of a warranty policy for the policy editor. */
@Resolver(() => WarrantyPolicy)
export class PolicyResolver {
  @FieldResolver(() => ProductModel, { nullable: true, description: 'The model a model policy applies to.' })
  model(@Root() p: WarrantyPolicy, @Ctx() ctx: GraphQLContext) {
    return productModelRef(ctx, p.modelId);
  }
}
