import {
  CUSTOMER,
  CustomerOnly,
  type GraphQLContext,
  NotFoundError,
  PageArgs,
  PageOf,
  type Page,
  ProductModel,
  ProductModelRefType,
  requireCustomer,
  ValidationError,
  validId,
} from '@aftercare/core';
import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { ILike } from 'typeorm';
import { RepairOrder } from '../entities/repair-order.entity.js';
import { WarrantyClaim } from '../entities/warranty-claim.entity.js';
import { WarrantyProofDocument } from '../entities/warranty-proof-document.entity.js';
import { WarrantyRegistration } from '../entities/warranty-registration.entity.js';
import { P } from '../permissions.js';
import type { Warranty } from '../runtime.js';
import { RegisterMyProductInput, SubmitMyWarrantyClaimInput } from './types.js';

const RegistrationPage = PageOf(WarrantyRegistration, 'WarrantyRegistrationPage');
const ClaimPage = PageOf(WarrantyClaim, 'WarrantyClaimPage');
const RepairOrderPage = PageOf(RepairOrder, 'RepairOrderPage');
const PROOF_MAX_BYTES = 700_000;

@ObjectType('WarrantyProofDocumentContent', { description: 'A proof of purchase with its content, base64.' })
class ProofDocumentContent {
  @Field(() => WarrantyProofDocument) document: WarrantyProofDocument;
  @Field() contentBase64: string;
}

/** The customer portal: the signed-in customer's own warranties, claims and repairs only. */
@Resolver()
export class MyWarrantyResolver {
  constructor(private readonly warranty: Warranty) {}

  @CustomerOnly()
  @Query(() => RegistrationPage, { description: 'Your registered items with their coverage, newest first.' })
  async myWarranties(@Args() { skip, take }: PageArgs, @Ctx() ctx: GraphQLContext): Promise<Page<WarrantyRegistration>> {
    const customerId = requireCustomer(ctx);
    const [items, totalCount] = await ctx.db
      .getRepository(WarrantyRegistration)
      .findAndCount({ where: { customerId }, order: { createdAt: 'DESC', id: 'ASC' }, skip, take });
    return { items, totalCount };
  }

  @CustomerOnly()
  @Query(() => ClaimPage, { description: 'Your warranty claims, newest first.' })
  async myWarrantyClaims(@Args() { skip, take }: PageArgs, @Ctx() ctx: GraphQLContext): Promise<Page<WarrantyClaim>> {
    const customerId = requireCustomer(ctx);
    const [items, totalCount] = await ctx.db
      .getRepository(WarrantyClaim)
      .findAndCount({ where: { customerId }, order: { createdAt: 'DESC', id: 'ASC' }, skip, take });
    return { items, totalCount };
  }

  @CustomerOnly()
  @Query(() => RepairOrderPage, { description: 'Your repairs (warranty and paid), newest first.' })
  async myRepairOrders(@Args() { skip, take }: PageArgs, @Ctx() ctx: GraphQLContext): Promise<Page<RepairOrder>> {
    const customerId = requireCustomer(ctx);
    const [items, totalCount] = await ctx.db
      .getRepository(RepairOrder)
      .findAndCount({ where: { customerId }, order: { createdAt: 'DESC', id: 'ASC' }, skip, take });
    return { items, totalCount };
  }

  @CustomerOnly()
  @Query(() => [ProductModelRefType], { description: 'Models you can register an item of, by name or SKU (at most 20).' })
  async registrableModels(
    @Arg('search', () => String, { defaultValue: '' }) search: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ProductModelRefType[]> {
    requireCustomer(ctx);
    const term = search
      .trim()
      .slice(0, 100)
      .replace(/[%_\\]/g, '\\$&');
    const where = term ? [{ name: ILike(`%${term}%`) }, { sku: ILike(`%${term}%`) }] : {};
    const rows = await ctx.db.getRepository(ProductModel).find({ where, order: { name: 'ASC', id: 'ASC' }, take: 20 });
    return rows.map((m) => ({ id: m.id, sku: m.sku, name: m.name }));
  }

  @CustomerOnly()
  @Mutation(() => WarrantyRegistration, {
    description: 'Register an item you bought elsewhere, with its proof of purchase (a photo or PDF of the receipt).',
  })
  registerMyProduct(
    @Arg('input', () => RegisterMyProductInput) input: RegisterMyProductInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<WarrantyRegistration> {
    const customerId = requireCustomer(ctx);
    const content = Buffer.from(input.proof.contentBase64, 'base64');
    if (!content.length || content.length > PROOF_MAX_BYTES) {
      throw new ValidationError([{ field: 'proof.contentBase64', message: `must be a file of 1 byte to ${PROOF_MAX_BYTES / 1000} kB` }]);
    }
    return this.warranty.registrations.register(ctx.actor, {
      customerId,
      modelId: input.modelId,
      serialNumber: input.serialNumber,
      purchasedAt: input.purchasedAt,
      deliveredAt: input.deliveredAt ?? null,
      seller: input.seller.trim(),
      proofOfPurchaseRef: input.receiptNumber?.trim() || `file: ${input.proof.fileName}`,
      proof: { fileName: input.proof.fileName, contentType: input.proof.contentType, content },
    });
  }

  @CustomerOnly()
  @Mutation(() => WarrantyClaim, { description: 'File a warranty claim on one of your registered items or purchases.' })
  submitMyWarrantyClaim(
    @Arg('input', () => SubmitMyWarrantyClaimInput) input: SubmitMyWarrantyClaimInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<WarrantyClaim> {
    requireCustomer(ctx);
    return this.warranty.claims.submit(ctx.actor, input);
  }

  @Authorized(P.registrationRead, CUSTOMER)
  @Query(() => ProofDocumentContent, { description: 'A proof of purchase with its content (customers: only their own).' })
  async warrantyProofDocument(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<ProofDocumentContent> {
    const doc = await ctx.db
      .getRepository(WarrantyProofDocument)
      .createQueryBuilder('d')
      .addSelect('d.content')
      .where('d.id = :id', { id: validId('Proof document', id) })
      .getOne();
    if (!doc || (ctx.actor.kind === 'customer' && doc.customerId !== ctx.actor.customerId)) throw new NotFoundError('Proof document', id);
    return { document: doc, contentBase64: doc.content.toString('base64') };
  }
}

/** The proofs of purchase of a registration (metadata; the content through `warrantyProofDocument`). */
@Resolver(() => WarrantyRegistration)
export class RegistrationProofResolver {
  @FieldResolver(() => [WarrantyProofDocument])
  proofDocuments(@Root() r: WarrantyRegistration, @Ctx() ctx: GraphQLContext): Promise<WarrantyProofDocument[]> {
    return ctx.db.getRepository(WarrantyProofDocument).find({ where: { registrationId: r.id }, order: { createdAt: 'ASC' } });
  }
}
