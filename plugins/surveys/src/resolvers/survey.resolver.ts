import {
  CustomerOnly,
  defineLoader,
  defineServiceLoader,
  CustomerRefType,
  customerRef,
  type GraphQLContext,
  type Page,
  PageArgs,
  PageOf,
  Public,
  productModelRef,
  requireCustomer,
  StaffRefType,
  StatusChangeType,
  staffRef,
  statusHistory,
} from '@aftercare/core';
import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { asks, localize, type SurveyContent } from '../content.js';
import { DIMENSIONS, type FollowUpStatus, followUpMachine, SCALES, SurveyFollowUpStatusEnum } from '../domain.js';
import { SurveyResponse } from '../entities/response.entity.js';
import { Survey } from '../entities/survey.entity.js';
import { SurveyTrigger } from '../entities/trigger.entity.js';
import { P } from '../permissions.js';
import type { InvitationView, Surveys } from '../services/surveys.service.js';
import {
  AnalyticsInput,
  AnalyticsType,
  AnswerSurveyInput,
  AnswerType,
  FollowUpInput,
  FollowUpQuestionType,
  InvitationViewType,
  LocalizedTextType,
  MySurveyType,
  ResponseFilterInput,
  SaveSurveyInput,
  SaveSurveyTriggerInput,
  TriggerEventType,
} from './types.js';

const SurveyPage = PageOf(Survey, 'SurveyPage');

/** Answer counts of a page of surveys in one statement. */
const responseCounts = defineLoader<string, number, GraphQLContext>(async (ids, ctx) => {
  const rows: Array<{ id: string; n: number }> = await ctx.db.manager.query(
    `SELECT survey_id AS id, count(*)::int AS n FROM surveys_response WHERE survey_id = ANY($1::uuid[]) GROUP BY 1`,
    [[...ids]],
  );
  return ids.map((id) => rows.find((r) => r.id === id)?.n ?? 0);
});
const ResponsePage = PageOf(SurveyResponse, 'SurveyResponsePage');

@ObjectType('SurveyContextValue', { description: 'A context value of the moment surveyed (agent, team, model, channel...).' })
class ContextValue {
  @Field() field: string;
  @Field() value: string;
}

/** Version contents of a page of responses in one statement (answers show their version's questions). */
const versionContents = defineServiceLoader<string, SurveyContent | null, Surveys, GraphQLContext>(async (keys, _ctx, svc) => {
  const found = await svc.contentsOf(keys);
  return keys.map((k) => found.get(k) ?? null);
});

/** Turn a service view into the public shape: nothing but the state unless the link is open. */
function publicView(v: InvitationView): InvitationViewType {
  const empty = {
    locale: null,
    kind: null,
    scaleMin: null,
    scaleMax: null,
    question: null,
    thankYou: null,
    followUps: [],
    score: null,
    answers: [],
    locales: [],
  };
  if (v.state !== 'open' || !v.content || !v.survey) return { state: v.state, ...empty };
  const c = v.content;
  const locale = v.locale ?? c.defaultLocale;
  const score = v.response?.score ?? null;
  const answers = v.response?.answers ?? {};
  return {
    state: 'open',
    locale,
    kind: v.survey.kind,
    scaleMin: SCALES[v.survey.kind].min,
    scaleMax: SCALES[v.survey.kind].max,
    question: localize(c.question, locale, c.defaultLocale),
    thankYou: localize(c.thankYou, locale, c.defaultLocale) || null,
    followUps: c.followUps.map((f) => ({
      key: f.key,
      type: f.type,
      label: localize(f.label, locale, c.defaultLocale),
      options: f.options.map((o) => ({ key: o.key, label: localize(o.label, locale, c.defaultLocale) })),
      minScore: f.minScore,
      maxScore: f.maxScore,
      ratingMax: f.ratingMax,
    })),
    score,
    answers: c.followUps
      .filter((f) => answers[f.key] != null && asks(f, score))
      .map((f) => {
        const a = answers[f.key];
        return {
          key: f.key,
          text: typeof a === 'string' ? a : null,
          choices: Array.isArray(a) ? a : null,
          rating: typeof a === 'number' ? a : null,
        };
      }),
    locales: [...new Set(c.question.map((q) => q.locale))],
  };
}

/** Survey definitions and triggers (staff). */
@Resolver(() => Survey)
export class SurveyResolver {
  constructor(private readonly svc: Surveys) {}

  @Authorized(P.surveyRead)
  @Query(() => SurveyPage, { description: 'Surveys, by name.' })
  surveys(@Args() { skip, take }: PageArgs): Promise<Page<Survey>> {
    return this.svc.list({ skip, take });
  }

  @Authorized(P.surveyRead)
  @Query(() => Survey, { description: 'One survey; NOT_FOUND when there is none.' })
  survey(@Arg('id', () => ID) id: string): Promise<Survey> {
    return this.svc.get(id);
  }

  @Authorized(P.surveyManage)
  @Mutation(() => Survey, { description: 'Create a survey, or change one (a new version when it already has answers).' })
  saveSurvey(@Arg('input', () => SaveSurveyInput) input: SaveSurveyInput): Promise<Survey> {
    return this.svc.save(input);
  }

  @Authorized(P.surveyRead)
  @Query(() => [TriggerEventType], { description: 'Events of the enabled plugins that can trigger a survey, with their context fields.' })
  surveyTriggerEvents(): TriggerEventType[] {
    return this.svc.triggerEvents().map((t) => ({
      type: t.type,
      owner: t.owner,
      label: t.trigger!.label,
      context: t.trigger!.context.map((f) => ({ field: f.field, label: f.label, kind: f.kind })),
    }));
  }

  @Authorized(P.surveyRead)
  @Query(() => [SurveyTrigger], { description: 'Survey triggers, oldest first; optionally of one survey.' })
  surveyTriggers(@Arg('surveyId', () => ID, { nullable: true }) surveyId: string | null): Promise<SurveyTrigger[]> {
    return this.svc.triggers(surveyId);
  }

  @Authorized(P.surveyManage)
  @Mutation(() => SurveyTrigger, { description: 'Create or change a survey trigger: event, delay, sampling, conditions.' })
  saveSurveyTrigger(@Arg('input', () => SaveSurveyTriggerInput) input: SaveSurveyTriggerInput): Promise<SurveyTrigger> {
    return this.svc.saveTrigger(input);
  }

  @FieldResolver(() => String)
  defaultLocale(@Root() s: Survey): string {
    return s.content.defaultLocale;
  }

  @FieldResolver(() => [LocalizedTextType], { description: 'The main question per language.' })
  question(@Root() s: Survey): LocalizedTextType[] {
    return s.content.question;
  }

  @FieldResolver(() => [LocalizedTextType])
  thankYou(@Root() s: Survey): LocalizedTextType[] {
    return s.content.thankYou;
  }

  @FieldResolver(() => [FollowUpQuestionType])
  followUps(@Root() s: Survey): FollowUpQuestionType[] {
    return s.content.followUps;
  }

  @FieldResolver(() => Int, { description: 'Answers over all versions.' })
  responseCount(@Root() s: Survey, @Ctx() ctx: GraphQLContext): Promise<number> {
    return responseCounts(ctx).load(s.id);
  }
}

/** The response inbox, follow-up and analytics (staff). */
@Resolver(() => SurveyResponse)
export class SurveyResponseResolver {
  constructor(private readonly svc: Surveys) {}

  @Authorized(P.responseRead)
  @Query(() => ResponsePage, {
    description: 'Survey responses, newest first: filter by survey, kind, status, detractors, comment words, tag.',
  })
  surveyResponses(
    @Arg('filter', () => ResponseFilterInput, { nullable: true }) filter: ResponseFilterInput | null,
    @Args() { skip, take }: PageArgs,
  ): Promise<Page<SurveyResponse>> {
    return this.svc.responses(filter ?? {}, { skip, take });
  }

  @Authorized(P.responseRead)
  @Query(() => SurveyResponse, { description: 'One response; NOT_FOUND when there is none.' })
  surveyResponse(@Arg('id', () => ID) id: string): Promise<SurveyResponse> {
    return this.svc.response(id);
  }

  @Authorized(P.responseRead)
  @Query(() => String, { description: 'The responses of the filter as CSV (at most 10,000).' })
  surveyResponsesCsv(@Arg('filter', () => ResponseFilterInput, { nullable: true }) filter: ResponseFilterInput | null): Promise<string> {
    return this.svc.csv(filter ?? {});
  }

  @Authorized(P.responseFollowUp)
  @Mutation(() => SurveyResponse, { description: 'Change the follow-up status, owner or tags of a response.' })
  updateSurveyResponseFollowUp(@Arg('input', () => FollowUpInput) input: FollowUpInput): Promise<SurveyResponse> {
    return this.svc.followUp(input);
  }

  @Authorized(P.analyticsRead)
  @Query(() => AnalyticsType, {
    description: 'CSAT, NPS, CES and response rate with sample sizes and intervals, break-down, trend, distribution.',
  })
  async surveyAnalytics(@Arg('input', () => AnalyticsInput) input: AnalyticsInput, @Ctx() ctx: GraphQLContext): Promise<AnalyticsType> {
    const a = await this.svc.analytics(input);
    const dim = input.groupBy ? DIMENSIONS[input.groupBy] : null;
    const groups = await Promise.all(
      a.groups.map(async (g) => {
        let label: string | null = null;
        if (g.key && dim && (input.groupBy === 'agent' || input.groupBy === 'technician'))
          label = (await staffRef(ctx, g.key))?.name ?? null;
        else if (g.key && input.groupBy === 'model') label = (await productModelRef(ctx, g.key))?.name ?? null;
        return { ...g, label };
      }),
    );
    return { ...a, groups };
  }

  @FieldResolver(() => [AnswerType], { description: 'Follow-up answers with their questions.' })
  async answers(
    @Root() r: SurveyResponse,
    @Arg('locale', () => String, { nullable: true }) locale: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AnswerType[]> {
    const content = await versionContents(ctx, this.svc).load(`${r.surveyId}@${r.surveyVersion}`);
    return this.svc.answersOf(r, locale?.slice(0, 20) ?? 'en', content ?? undefined);
  }

  @FieldResolver(() => [ContextValue], { description: 'Context of the moment surveyed (agentId, teamId, modelId, channel, kind...).' })
  context(@Root() r: SurveyResponse): ContextValue[] {
    return Object.entries(r.context).map(([field, value]) => ({ field, value }));
  }

  @FieldResolver(() => CustomerRefType, { nullable: true, description: 'Name and e-mail; needs core.customer.read (audited).' })
  customer(@Root() r: SurveyResponse, @Ctx() ctx: GraphQLContext) {
    return customerRef(ctx, r.customerId);
  }

  @FieldResolver(() => StaffRefType, { nullable: true })
  owner(@Root() r: SurveyResponse, @Ctx() ctx: GraphQLContext) {
    return staffRef(ctx, r.ownerId);
  }

  @FieldResolver(() => [SurveyFollowUpStatusEnum], { description: 'The follow-up states it may move to now.' })
  allowedTransitions(@Root() r: SurveyResponse): readonly FollowUpStatus[] {
    return followUpMachine.allowed(r.status);
  }

  @FieldResolver(() => [StatusChangeType])
  history(@Root() r: SurveyResponse, @Ctx() ctx: GraphQLContext): Promise<StatusChangeType[]> {
    return statusHistory(ctx, followUpMachine, r.id);
  }
}

/** The public answer page (signed link, no sign-in) and the customer portal. */
@Resolver()
export class SurveyAnswerResolver {
  constructor(private readonly svc: Surveys) {}

  @Public()
  @Query(() => InvitationViewType, { description: 'What a survey link opens; a tampered, expired or used link shows only its state.' })
  async surveyInvitation(
    @Arg('token') token: string,
    @Arg('locale', () => String, { nullable: true }) locale: string | null,
  ): Promise<InvitationViewType> {
    return publicView(await this.svc.view(token, locale?.slice(0, 20)));
  }

  @Public()
  @Mutation(() => InvitationViewType, {
    description: 'Answer through a survey link: the score (one click records it; again changes it), follow-up answers, complete.',
  })
  async answerSurvey(
    @Arg('token') token: string,
    @Arg('input', () => AnswerSurveyInput) input: AnswerSurveyInput,
  ): Promise<InvitationViewType> {
    return publicView(await this.svc.answer(token, input));
  }

  @CustomerOnly()
  @Query(() => [MySurveyType], { description: 'Surveys sent to you, newest first; pending ones carry their answer-page token.' })
  mySurveys(@Ctx() ctx: GraphQLContext): Promise<MySurveyType[]> {
    return this.svc.ofCustomer(requireCustomer(ctx));
  }
}
