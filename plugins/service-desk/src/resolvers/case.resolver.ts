import {
  Customer,
  type GraphQLContext,
  PageArgs,
  PageOf,
  Purchase,
  type Page,
  SlaClockType,
  StatusChangeType,
  statusHistory,
  requireStaff,
  actorName,
  customerRef,
  purchaseRef,
  staffRef,
  StaffRefType,
  validId,
  slaClockOf,
} from '@aftercare/core';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CaseSeverityEnum, CaseStatusEnum, type CaseSeverity, type CaseStatus, OPEN_STATUSES } from '../domain.js';
import { Case } from '../entities/case.entity.js';
import type { CaseAttachment } from '../entities/case-attachment.entity.js';
import type { CaseMessage } from '../entities/case-message.entity.js';
import type { Compensation } from '../entities/compensation.entity.js';
import type { Team } from '../entities/team.entity.js';
import { P } from '../permissions.js';
import type { ServiceDesk } from '../runtime.js';
import { caseMachine } from '../services/case-state-machine.js';
import { reference } from '../services/deps.js';
import { duplicatesOf, loaders } from './loaders.js';
import {
  AddCaseAttachmentInput,
  AddCaseNoteInput,
  AssignCaseInput,
  CaseAttachmentContentType,
  CaseAttachmentType,
  CaseFilter,
  CaseMessageType,
  CaseSort,
  CaseType,
  CompensationGqlType,
  CreateCaseInput,
  ReplyToCaseInput,
  ResolveCaseInput,
  TeamType,
} from './types.js';

const CasePage = PageOf(CaseType, 'CasePage');
/** Staff operations on cases. Logic lives in CaseService; this maps GraphQL to it. */
@Resolver(() => CaseType)
export class CaseResolver {
  constructor(private readonly desk: ServiceDesk) {}

  @Authorized(P.caseRead)
  @Query(() => CaseType, { description: 'A case by id.' })
  case(@Arg('id', () => ID) id: string): Promise<Case> {
    return this.desk.cases.get(validId('Case', id));
  }

  @Authorized(P.caseRead)
  @Query(() => CasePage, { description: 'Cases matching the filter; sort DUE_DATE puts the most urgent first.' })
  cases(
    @Args() page: PageArgs,
    @Arg('filter', () => CaseFilter, { nullable: true }) filter: CaseFilter | null,
    @Arg('sort', () => CaseSort, { defaultValue: CaseSort.DUE_DATE }) sort: CaseSort,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Page<Case>> {
    const f = filter ?? {};
    // "Mine" and "my teams" need a staff user (FORBIDDEN for an API key).
    const viewerId = f.mine || f.myTeams ? requireStaff(ctx).userId : null;
    return this.desk.inbox.list(f, sort, viewerId, page);
  }

  @Authorized(P.caseWrite)
  @Mutation(() => CaseType, {
    description: 'Open a case for a customer (phone, e-mail, chat, API). Triage sets the severity when none is given.',
  })
  createCase(@Arg('input') input: CreateCaseInput, @Ctx() ctx: GraphQLContext): Promise<Case> {
    return this.desk.cases.create(ctx.actor, input);
  }

  @Authorized(P.caseWrite)
  @Mutation(() => CaseMessageType, { description: 'A public reply to the customer; counts as a response for the SLA.' })
  replyToCase(@Arg('input') input: ReplyToCaseInput, @Ctx() ctx: GraphQLContext): Promise<CaseMessage> {
    return this.desk.cases.reply(ctx.actor, input.caseId, input);
  }

  @Authorized(P.caseWrite)
  @Mutation(() => CaseMessageType, { description: 'An internal note: never shown to the customer, not a response for the SLA.' })
  addCaseNote(@Arg('input') input: AddCaseNoteInput, @Ctx() ctx: GraphQLContext): Promise<CaseMessage> {
    return this.desk.cases.note(ctx.actor, input.caseId, input.body);
  }

  @Authorized(P.caseAssign)
  @Mutation(() => CaseType, { description: 'Assign to a team and/or an agent, or let the team choose (auto).' })
  assignCase(@Arg('input') input: AssignCaseInput, @Ctx() ctx: GraphQLContext): Promise<Case> {
    return this.desk.cases.assign(ctx.actor, input.caseId, input);
  }

  @Authorized(P.caseWrite)
  @Mutation(() => CaseType, {
    description: 'Move a case to open, waiting_on_customer, waiting_on_third_party or closed. Waiting states pause the SLA.',
  })
  changeCaseStatus(
    @Arg('id', () => ID) id: string,
    @Arg('status', () => CaseStatusEnum) status: CaseStatus,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Case> {
    return this.desk.cases.changeStatus(ctx.actor, validId('Case', id), status);
  }

  @Authorized(P.caseWrite)
  @Mutation(() => CaseType, {
    description: 'Change the severity (the SLA policy is chosen again and serious cases go to a supervisor) and, optionally, the category.',
  })
  triageCase(
    @Arg('id', () => ID) id: string,
    @Arg('severity', () => CaseSeverityEnum) severity: CaseSeverity,
    @Arg('category', () => String, { nullable: true, description: 'One of the configured categories; left unchanged when null.' })
    category: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Case> {
    return this.desk.cases.triage(ctx.actor, validId('Case', id), severity, category ?? undefined);
  }

  @Authorized(P.caseWrite)
  @Mutation(() => CaseType, {
    description: 'Resolve with an outcome; category and root cause are required (except no_action on general cases).',
  })
  resolveCase(@Arg('input') input: ResolveCaseInput, @Ctx() ctx: GraphQLContext): Promise<Case> {
    return this.desk.cases.resolve(ctx.actor, input.caseId, input);
  }

  @Authorized(P.caseWrite)
  @Mutation(() => CaseType, { description: 'Reopen a resolved case within the reopen window.' })
  reopenCase(@Arg('id', () => ID) id: string, @Arg('reason') reason: string, @Ctx() ctx: GraphQLContext): Promise<Case> {
    return this.desk.cases.reopen(ctx.actor, validId('Case', id), reason.slice(0, 2000));
  }

  @Authorized(P.caseWrite)
  @Mutation(() => CaseType, {
    description: 'Merge a duplicate (source) into another case of the same customer (target); returns the target.',
  })
  mergeCases(
    @Arg('sourceId', () => ID) sourceId: string,
    @Arg('targetId', () => ID) targetId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Case> {
    return this.desk.cases.merge(ctx.actor, validId('Case', sourceId), validId('Case', targetId));
  }

  @Authorized(P.caseWrite)
  @Mutation(() => CaseAttachmentType, { description: 'Attach a file (base64) within the configured size and type limits.' })
  addCaseAttachment(@Arg('input') input: AddCaseAttachmentInput, @Ctx() ctx: GraphQLContext): Promise<CaseAttachment> {
    return this.desk.attachments.add(ctx.actor, input);
  }

  @Authorized(P.caseRead)
  @Query(() => CaseAttachmentContentType, { description: 'The bytes of an attachment, base64.' })
  caseAttachmentContent(@Arg('id', () => ID) id: string) {
    return this.desk.attachments.content(validId('Attachment', id));
  }

  @FieldResolver(() => String, { description: 'Human reference, e.g. SD-1042.' })
  reference(@Root() c: Case): string {
    return reference(c);
  }

  @FieldResolver(() => Boolean, { description: 'Open and within the warning lead of its due date, not yet breached.' })
  atRisk(@Root() c: Case, @Ctx() ctx: GraphQLContext): boolean {
    const now = ctx.clock.now();
    return OPEN_STATUSES.includes(c.status) && !c.slaBreached && !!c.slaWarnAt && c.slaWarnAt <= now && !!c.slaDueAt && c.slaDueAt > now;
  }

  @FieldResolver(() => Boolean, { description: 'An SLA target was breached.' })
  breached(@Root() c: Case, @Ctx() ctx: GraphQLContext): boolean {
    return c.slaBreached || (OPEN_STATUSES.includes(c.status) && !!c.slaDueAt && c.slaDueAt <= ctx.clock.now());
  }

  @FieldResolver(() => [CaseStatusEnum], { description: 'States the case can move to now (from its state machine).' })
  allowedTransitions(@Root() c: Case): readonly CaseStatus[] {
    return caseMachine.allowed(c.status);
  }

  @FieldResolver(() => [StatusChangeType], { description: 'Every state change of the case, oldest first: from, to, who, why, when.' })
  history(@Root() c: Case, @Ctx() ctx: GraphQLContext): Promise<StatusChangeType[]> {
    return statusHistory(ctx, caseMachine, c.id);
  }

  @FieldResolver(() => Customer, { nullable: true, description: 'Needs core.customer.read; the read is audited.' })
  customer(@Root() c: Case, @Ctx() ctx: GraphQLContext) {
    return customerRef(ctx, c.customerId);
  }

  @FieldResolver(() => Purchase, { nullable: true, description: 'The purchase the case is about: model, serial number, dates.' })
  purchase(@Root() c: Case, @Ctx() ctx: GraphQLContext) {
    return purchaseRef(ctx, c.purchaseId);
  }

  @FieldResolver(() => StaffRefType, { nullable: true })
  assignee(@Root() c: Case, @Ctx() ctx: GraphQLContext) {
    return staffRef(ctx, c.assigneeId);
  }

  @FieldResolver(() => TeamType, { nullable: true })
  team(@Root() c: Case, @Ctx() ctx: GraphQLContext): Promise<Team | null> | null {
    return c.teamId ? loaders(ctx).team.load(c.teamId) : null;
  }

  @FieldResolver(() => [CaseMessageType], { description: 'Replies, notes and customer messages, oldest first.' })
  messages(@Root() c: Case, @Ctx() ctx: GraphQLContext): Promise<CaseMessage[]> {
    return loaders(ctx).messages.load(c.id);
  }

  @FieldResolver(() => [CaseAttachmentType])
  attachments(@Root() c: Case, @Ctx() ctx: GraphQLContext): Promise<CaseAttachment[]> {
    return loaders(ctx).attachments.load(c.id);
  }

  @FieldResolver(() => [CompensationGqlType])
  compensations(@Root() c: Case, @Ctx() ctx: GraphQLContext): Promise<Compensation[]> {
    return loaders(ctx).compensations.load(c.id);
  }

  @FieldResolver(() => SlaClockType, { nullable: true, description: 'SLA targets evaluated now.' })
  sla(@Root() c: Case, @Ctx() ctx: GraphQLContext) {
    return slaClockOf(ctx, caseMachine.subjectType, c.id);
  }

  @FieldResolver(() => [CaseType], { description: 'Open cases of the same customer (and purchase) that may be the same request.' })
  possibleDuplicates(@Root() c: Case, @Ctx() ctx: GraphQLContext): Promise<Case[]> {
    return duplicatesOf(ctx, this.desk).load(c);
  }
}

/** Who wrote a message, under core's rule for people (a customer's name only for those who may read customers). */
@Resolver(() => CaseMessageType)
export class CaseMessageResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: "The author's name: a staff user or API key; the customer's name needs core.customer.read.",
  })
  authorDisplay(@Root() m: CaseMessage, @Ctx() ctx: GraphQLContext): Promise<string | null> {
    return actorName(ctx, { kind: m.authorKind, id: m.authorId });
  }
}
