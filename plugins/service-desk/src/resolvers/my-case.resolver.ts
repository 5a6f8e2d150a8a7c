import {
  CustomerOnly,
  type GraphQLContext,
  PageArgs,
  PageOf,
  type Page,
  requireCustomer,
  actorName,
  statusHistory,
  validId,
} from '@aftercare/core';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Not } from 'typeorm';
import type { CaseStatus } from '../domain.js';
import { Case } from '../entities/case.entity.js';
import type { CaseMessage } from '../entities/case-message.entity.js';
import type { ServiceDesk } from '../runtime.js';
import { caseMachine } from '../services/case-state-machine.js';
import { reference } from '../services/deps.js';
import { loaders } from './loaders.js';
import {
  AddMyCaseAttachmentInput,
  CaseAttachmentContentType,
  CaseAttachmentType,
  MyCaseMessageType,
  MyCaseStatusChangeType,
  MyCaseType,
  MyCompensationType,
  ReplyToMyCaseInput,
  SubmitCaseInput,
} from './types.js';

const MyCasePage = PageOf(MyCaseType, 'MyCasePage');

/** What a signed-in customer sees of their own cases: no notes, no internal fields. */
@Resolver(() => MyCaseType)
export class MyCaseResolver {
  constructor(private readonly desk: ServiceDesk) {}

  @CustomerOnly()
  @Query(() => MyCasePage, { description: 'Your requests, newest first.' })
  async myCases(@Args() { skip, take }: PageArgs, @Ctx() ctx: GraphQLContext): Promise<Page<Case>> {
    const customerId = requireCustomer(ctx);
    const [items, totalCount] = await ctx.db
      .getRepository(Case)
      .findAndCount({ where: { customerId, status: Not('merged') }, order: { createdAt: 'DESC', id: 'ASC' }, skip, take });
    return { items, totalCount };
  }

  @CustomerOnly()
  @Query(() => MyCaseType, { description: 'One of your requests.' })
  myCase(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Case> {
    return this.desk.cases.forCustomer(requireCustomer(ctx), validId('Case', id));
  }

  @CustomerOnly()
  @Mutation(() => MyCaseType, { description: 'Send a new request to customer service; you get an acknowledgement by e-mail.' })
  submitCase(@Arg('input') input: SubmitCaseInput, @Ctx() ctx: GraphQLContext): Promise<Case> {
    const customerId = requireCustomer(ctx);
    const { productDescription, ...rest } = input;
    // A product the customer describes (not one of their purchases) travels with the description.
    const description = productDescription?.trim()
      ? `${rest.description.trim()}\n\nProduct: ${productDescription.trim()}`
      : rest.description;
    return this.desk.cases.create(ctx.actor, { ...rest, description, customerId, channel: 'portal', severity: null });
  }

  @CustomerOnly()
  @Mutation(() => MyCaseType, {
    description: 'Close one of your requests: accept its resolution, or withdraw it while open. A closed request cannot be reopened.',
  })
  closeMyCase(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Case> {
    return this.desk.cases.customerClose(ctx.actor, requireCustomer(ctx), validId('Case', id));
  }

  @CustomerOnly()
  @Mutation(() => MyCaseType, { description: 'Reopen one of your resolved requests within the reopen window (see reopenableUntil).' })
  reopenMyCase(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Case> {
    return this.desk.cases.customerReopen(ctx.actor, requireCustomer(ctx), validId('Case', id));
  }

  @CustomerOnly()
  @Mutation(() => MyCaseMessageType, { description: 'Write on one of your requests; a resolved request is reopened.' })
  async replyToMyCase(@Arg('input') input: ReplyToMyCaseInput, @Ctx() ctx: GraphQLContext) {
    const message = await this.desk.cases.customerReply(ctx.actor, requireCustomer(ctx), input.caseId, input.body);
    return toMyMessage(ctx, message);
  }

  @CustomerOnly()
  @Mutation(() => CaseAttachmentType, { description: 'Attach a file (base64) to one of your requests, within the size and type limits.' })
  addMyCaseAttachment(@Arg('input') input: AddMyCaseAttachmentInput, @Ctx() ctx: GraphQLContext) {
    return this.desk.attachments.add(ctx.actor, { ...input, public: true }, requireCustomer(ctx));
  }

  @CustomerOnly()
  @Query(() => CaseAttachmentContentType, { description: 'A file of one of your requests, base64.' })
  myCaseAttachmentContent(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return this.desk.attachments.content(validId('Attachment', id), requireCustomer(ctx));
  }

  @FieldResolver(() => String)
  reference(@Root() c: Case): string {
    return reference(c);
  }

  @FieldResolver(() => [MyCaseMessageType], { description: 'Your messages and the replies of customer service, oldest first.' })
  async messages(@Root() c: Case, @Ctx() ctx: GraphQLContext) {
    const all = await loaders(ctx).messages.load(c.id);
    return Promise.all(all.filter((m) => m.kind !== 'note').map((m) => toMyMessage(ctx, m)));
  }

  @FieldResolver(() => Date, { nullable: true, description: 'A resolved request can be reopened until then; null otherwise.' })
  reopenableUntil(@Root() c: Case): Promise<Date | null> {
    return this.desk.cases.reopenableUntil(c);
  }

  @FieldResolver(() => [MyCaseStatusChangeType], { description: 'The states your request went through, oldest first.' })
  async statusHistory(@Root() c: Case, @Ctx() ctx: GraphQLContext): Promise<MyCaseStatusChangeType[]> {
    // Core's history is in the order the moves were made (also for moves made at the same instant).
    return (await statusHistory(ctx, caseMachine, c.id)).map((h) => ({ status: h.toStatus as CaseStatus, at: h.at }));
  }

  @FieldResolver(() => [MyCompensationType], { description: 'Decided compensations on your claim.' })
  async compensations(@Root() c: Case, @Ctx() ctx: GraphQLContext): Promise<MyCompensationType[]> {
    return (await loaders(ctx).compensations.load(c.id))
      .filter((x) => x.status !== 'proposed')
      .map((x) => ({
        id: x.id,
        type: x.type,
        valueMinor: x.valueMinor,
        currency: x.currency,
        description: x.description,
        status: x.status,
        decisionReason: x.decisionReason,
        decidedAt: x.decidedAt,
      }));
  }

  @FieldResolver(() => [CaseAttachmentType])
  async attachments(@Root() c: Case, @Ctx() ctx: GraphQLContext) {
    return (await loaders(ctx).attachments.load(c.id)).filter((a) => a.public);
  }
}

async function toMyMessage(ctx: GraphQLContext, m: CaseMessage): Promise<MyCaseMessageType> {
  const fromSupport = m.kind === 'reply';
  const authorName = fromSupport ? await actorName(ctx, { kind: m.authorKind, id: m.authorId }) : null;
  return { id: m.id, fromSupport, authorName, body: m.body, createdAt: m.createdAt };
}
