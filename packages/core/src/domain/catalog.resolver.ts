import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ProductModel } from '../entities/product-model.entity.js';
import { Product } from '../entities/product.entity.js';
import { NotFoundError } from '../errors.js';
import type { GraphQLContext } from '../graphql/context.js';
import type { Page } from '../graphql/pagination.js';
import { checkId } from './customer.resolver.js';
import {
  CreateProductInput,
  CreateProductModelInput,
  ProductModelPage,
  ProductModelsArgs,
  ProductPage,
  ProductsArgs,
  UpdateProductInput,
  UpdateProductModelInput,
} from './domain.types.js';
import { modelsByProductLoader, productLoader } from './loaders.js';

/** Products and their models (SKUs). */
@Resolver(() => Product)
export class ProductResolver {
  @Authorized('core.product.read')
  @Query(() => ProductPage, { description: 'Products by name; `search` matches part of the name.' })
  products(@Args() args: ProductsArgs, @Ctx() ctx: GraphQLContext): Promise<Page<Product>> {
    return ctx.domain.catalog.products(ctx.db.manager, args);
  }

  @Authorized('core.product.read')
  @Query(() => Product)
  async product(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Product> {
    checkId(id, 'Product');
    const row = await ctx.db.manager.findOneBy(Product, { id });
    if (!row) throw new NotFoundError('Product', id);
    return row;
  }

  @Authorized('core.product.read')
  @Query(() => ProductModelPage, { description: 'Models (SKUs) by SKU, of one product or all.' })
  productModels(@Args() args: ProductModelsArgs, @Ctx() ctx: GraphQLContext): Promise<Page<ProductModel>> {
    return ctx.domain.catalog.models(ctx.db.manager, args);
  }

  @Authorized('core.product.read')
  @Query(() => ProductModel)
  async productModel(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<ProductModel> {
    checkId(id, 'Product model');
    const row = await ctx.db.manager.findOneBy(ProductModel, { id });
    if (!row) throw new NotFoundError('Product model', id);
    return row;
  }

  @Authorized('core.product.manage')
  @Mutation(() => Product)
  createProduct(@Arg('input') input: CreateProductInput, @Ctx() ctx: GraphQLContext): Promise<Product> {
    return ctx.db.transaction((m) => ctx.domain.catalog.createProduct(m, input));
  }

  @Authorized('core.product.manage')
  @Mutation(() => Product)
  updateProduct(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateProductInput, @Ctx() ctx: GraphQLContext): Promise<Product> {
    checkId(id, 'Product');
    return ctx.db.transaction((m) => ctx.domain.catalog.updateProduct(m, id, input));
  }

  @Authorized('core.product.manage')
  @Mutation(() => ProductModel)
  createProductModel(@Arg('input') input: CreateProductModelInput, @Ctx() ctx: GraphQLContext): Promise<ProductModel> {
    return ctx.db.transaction((m) => ctx.domain.catalog.createModel(m, input));
  }

  @Authorized('core.product.manage')
  @Mutation(() => ProductModel, { description: 'Change a model; warranty and return terms apply to purchases recorded afterwards.' })
  updateProductModel(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateProductModelInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ProductModel> {
    checkId(id, 'Product model');
    return ctx.db.transaction((m) => ctx.domain.catalog.updateModel(m, id, input));
  }

  @FieldResolver(() => [ProductModel])
  models(@Root() p: Product, @Ctx() ctx: GraphQLContext): Promise<ProductModel[]> {
    return modelsByProductLoader(ctx).load(p.id);
  }
}

@Resolver(() => ProductModel)
export class ProductModelResolver {
  @FieldResolver(() => Product)
  async product(@Root() m: ProductModel, @Ctx() ctx: GraphQLContext): Promise<Product> {
    return (await productLoader(ctx).load(m.productId))!;
  }
}
