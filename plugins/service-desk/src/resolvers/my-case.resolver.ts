import { CustomerOnly, type GraphQLContext, PageArgs, PageOf, type Page, requireCustomer, actorName, validId } from '@aftercare/core';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Not } from 'typeorm';
import { Case } from '../entities/case.entity.js';
import type { CaseMessage } from '../entities/case-message.entity.js';
import type { ServiceDesk } from '../runtime.js';
import { reference } from '../services/deps.js';
import { loaders } from './loaders.js';
import {
  AddMyCaseAttachmentInput,
  CaseAttachmentContentType,
  CaseAttachmentType,
  MyCaseMessageType,
  MyCaseType,
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
    return this.desk.cases.create(ctx.actor, { ...input, customerId, channel: 'portal', severity: null });
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
