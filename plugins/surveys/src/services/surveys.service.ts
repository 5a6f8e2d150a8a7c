import {
  ConflictError,
  Customer,
  type DeliveredEvent,
  NotFoundError,
  type Page,
  type PageWindow,
  type PluginContext,
  queryPage,
  ValidationError,
  validId,
} from '@aftercare/core';
import type { EntityManager } from 'typeorm';
import { asks, type FollowUpAnswer, localize, type SurveyContent, validateAnswers, validateContent } from '../content.js';
import { DIMENSIONS, type Dimension, type FollowUpStatus, followUpMachine, isDetractor, SCALES, type SurveyKind } from '../domain.js';
import { SurveyInvitation, SurveySigningKey } from '../entities/invitation.entity.js';
import { SurveyResponse } from '../entities/response.entity.js';
import { Survey, SurveyVersion } from '../entities/survey.entity.js';
import { SurveyTrigger, type TriggerCondition } from '../entities/trigger.entity.js';
import { detractorDetected, responseSubmitted, type SurveyAnswerPayload } from '../events.js';
import type { SurveysSettings } from '../settings.js';
import { inSample, nextAllowedSend } from './contact-rules.js';
import { type Estimate, mean, nps, wilson } from './stats.js';
import { newSigningKey, signToken, verifyToken } from './tokens.js';

const DAY = 86_400_000;
const NAME_MAX = 120;
const TAG = /^[\p{L}\p{N}][\p{L}\p{N} _-]{0,39}$/u;

/** What saveSurvey takes. */
export interface SurveyFields extends SurveyContent {
  id?: string | null;
  name: string;
  kind: SurveyKind;
  active?: boolean | null;
  expectedVersion?: number | null;
}

/** What saveSurveyTrigger takes. */
export interface TriggerFields {
  id?: string | null;
  surveyId: string;
  eventType: string;
  delayMinutes: number;
  samplingPercent: number;
  conditions: TriggerCondition[];
  active?: boolean | null;
}

/** Which responses the inbox shows. */
export interface ResponseFilter {
  surveyId?: string | null;
  kind?: SurveyKind | null;
  status?: FollowUpStatus | null;
  detractorOnly?: boolean | null;
  search?: string | null;
  tag?: string | null;
  customerId?: string | null;
  from?: Date | null;
  to?: Date | null;
}

/** A follow-up change on a response. */
export interface FollowUpFields {
  id: string;
  status?: FollowUpStatus | null;
  ownerId?: string | null;
  clearOwner?: boolean | null;
  tags?: string[] | null;
  expectedVersion?: number | null;
}

/** What the public answer page shows for a token. */
export interface InvitationView {
  state: 'open' | 'answered' | 'expired' | 'invalid';
  invitation?: SurveyInvitation;
  survey?: Survey;
  content?: SurveyContent;
  response?: SurveyResponse | null;
  locale?: string;
}

/** Analytics filter. */
export interface AnalyticsFilter {
  from: Date;
  to: Date;
  surveyId?: string | null;
  groupBy?: Dimension | null;
  interval?: 'day' | 'week' | 'month' | null;
  timeZone?: string | null;
}

/** One row of the analytics: the whole period, a group, or a trend bucket. */
export interface ScoreRow {
  key: string | null;
  nps: Estimate;
  csat: Estimate;
  ces: Estimate;
  responses: number;
  /** A person's scores below the minimum sample are hidden (values null). */
  hidden: boolean;
}

type Raw = Record<string, string | number | null>;

/** Whether PostgreSQL and Intl both know the zone (an unknown one makes Intl throw). */
function validZone(tz: string): boolean {
  if (!/^[A-Za-z0-9_+\-/]+$/.test(tz)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const AGG = `count(*) FILTER (WHERE r.kind = 'nps')::int AS nps_n,
  count(*) FILTER (WHERE r.kind = 'nps' AND r.score >= 9)::int AS nps_pro,
  count(*) FILTER (WHERE r.kind = 'nps' AND r.score <= 6)::int AS nps_det,
  count(*) FILTER (WHERE r.kind = 'csat')::int AS csat_n,
  count(*) FILTER (WHERE r.kind = 'csat' AND r.score >= 4)::int AS csat_sat,
  count(*) FILTER (WHERE r.kind = 'ces')::int AS ces_n,
  avg(r.score) FILTER (WHERE r.kind = 'ces')::float8 AS ces_avg,
  stddev_samp(r.score) FILTER (WHERE r.kind = 'ces')::float8 AS ces_sd,
  count(*)::int AS n`;

function scoreRow(r: Raw, key: string | null): ScoreRow {
  const n = (k: string) => Number(r[k] ?? 0);
  return {
    key,
    nps: nps(n('nps_pro'), n('nps_det'), n('nps_n')),
    csat: wilson(n('csat_sat'), n('csat_n')),
    ces: mean(r.ces_avg == null ? null : Number(r.ces_avg), r.ces_sd == null ? null : Number(r.ces_sd), n('ces_n')),
    responses: n('n'),
    hidden: false,
  };
}

/**
 * Surveys: definitions with versions, triggers on declared events, the contact rules, delivery with
 * signed links, answers (one click, then the follow-up page), closing the loop and analytics.
 */
export class Surveys {
  private signingKey: string | null = null;

  constructor(private readonly ctx: PluginContext<SurveysSettings>) {}

  private now(): Date {
    return this.ctx.clock.now();
  }

  // ---------------------------------------------------------------- definitions

  /** Every survey, by name. */
  async list(window: PageWindow): Promise<Page<Survey>> {
    return queryPage(this.ctx.db.getRepository(Survey).createQueryBuilder('s').orderBy('s.name', 'ASC'), window);
  }

  /** One survey; NOT_FOUND for an unknown or malformed id. */
  async get(id: string): Promise<Survey> {
    const s = await this.ctx.db.getRepository(Survey).findOneBy({ id: validId('Survey', id) });
    if (!s) throw new NotFoundError('Survey', id);
    return s;
  }

  /**
   * Create or edit a survey. Editing one whose current version has answers writes a new version, so
   * every answer keeps the questions it answered; otherwise the current version is changed in place.
   */
  async save(fields: SurveyFields): Promise<Survey> {
    const name = fields.name.trim();
    const errors = [];
    if (!name) errors.push({ field: 'name', message: 'must not be empty' });
    if (name.length > NAME_MAX) errors.push({ field: 'name', message: `at most ${NAME_MAX} characters` });
    if (errors.length) throw new ValidationError(errors);
    const content = validateContent(fields.kind, fields);
    return this.ctx.db.transaction(async (m) => {
      const at = this.now();
      const clash = await m.findOneBy(Survey, { name });
      if (!fields.id) {
        if (clash) throw new ValidationError([{ field: 'name', message: 'another survey has this name' }]);
        const survey = await m.save(
          m.create(Survey, {
            name,
            kind: fields.kind,
            active: fields.active ?? true,
            currentVersion: 1,
            content,
            createdAt: at,
            updatedAt: at,
          }),
        );
        await m.insert(SurveyVersion, { surveyId: survey.id, version: 1, content, createdAt: at });
        await this.ctx.audit.record(m, {
          action: 'survey.create',
          objectType: 'Survey',
          objectId: survey.id,
          after: { name, kind: fields.kind },
        });
        return survey;
      }
      const id = validId('Survey', fields.id);
      const survey = await m.findOne(Survey, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!survey) throw new NotFoundError('Survey', fields.id);
      if (fields.expectedVersion != null && fields.expectedVersion !== survey.version)
        throw new ConflictError(`The survey changed since you opened it (version ${survey.version}); reload and edit again.`);
      if (clash && clash.id !== id) throw new ValidationError([{ field: 'name', message: 'another survey has this name' }]);
      const answered = await m.existsBy(SurveyResponse, { surveyId: id, surveyVersion: survey.currentVersion });
      if (answered && fields.kind !== survey.kind)
        throw new ValidationError([{ field: 'kind', message: 'the survey has answers; create a new survey for another kind' }]);
      const before = { name: survey.name, kind: survey.kind, active: survey.active, currentVersion: survey.currentVersion };
      if (answered) {
        survey.currentVersion += 1;
        await m.insert(SurveyVersion, { surveyId: id, version: survey.currentVersion, content, createdAt: at });
      } else {
        await m.update(SurveyVersion, { surveyId: id, version: survey.currentVersion }, { content });
      }
      Object.assign(survey, { name, kind: fields.kind, active: fields.active ?? survey.active, content, updatedAt: at });
      const saved = await m.save(survey);
      await this.ctx.audit.record(m, {
        action: 'survey.update',
        objectType: 'Survey',
        objectId: id,
        before,
        after: { name, kind: saved.kind, active: saved.active, currentVersion: saved.currentVersion },
      });
      return saved;
    });
  }

  /** Number of answers a survey has (all versions). */
  responseCount(surveyId: string): Promise<number> {
    return this.ctx.db.getRepository(SurveyResponse).countBy({ surveyId });
  }

  // ---------------------------------------------------------------- triggers

  /** The declared events that can trigger a survey, with their context fields. */
  triggerEvents() {
    return this.ctx.events.triggers();
  }

  /** Triggers, optionally of one survey. */
  async triggers(surveyId?: string | null): Promise<SurveyTrigger[]> {
    return this.ctx.db.getRepository(SurveyTrigger).find({
      where: surveyId ? { surveyId: validId('Survey', surveyId) } : {},
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** Create or change a trigger; the event must be a declared trigger and conditions name its context fields. */
  async saveTrigger(fields: TriggerFields): Promise<SurveyTrigger> {
    const errors = [];
    const decl = this.triggerEvents().find((t) => t.type === fields.eventType);
    if (!decl?.trigger)
      errors.push({ field: 'eventType', message: 'not a survey trigger event of an enabled plugin (see surveyTriggerEvents)' });
    if (!Number.isInteger(fields.delayMinutes) || fields.delayMinutes < 0 || fields.delayMinutes > 60 * 24 * 60)
      errors.push({ field: 'delayMinutes', message: 'must be from 0 to 86400 minutes (60 days)' });
    if (!Number.isInteger(fields.samplingPercent) || fields.samplingPercent < 0 || fields.samplingPercent > 100)
      errors.push({ field: 'samplingPercent', message: 'must be from 0 to 100' });
    if (fields.conditions.length > 10) errors.push({ field: 'conditions', message: 'at most 10 conditions' });
    const conditions = fields.conditions.slice(0, 10).map((c, i) => {
      if (decl?.trigger && !decl.trigger.context.some((f) => f.field === c.field))
        errors.push({
          field: `conditions.${i}.field`,
          message: `must be one of ${decl.trigger.context.map((f) => f.field).join(', ')}`,
        });
      const values = [...new Set(c.values.map((v) => v.trim()).filter(Boolean))];
      if (!values.length || values.length > 50) errors.push({ field: `conditions.${i}.values`, message: 'give 1 to 50 values' });
      if (values.some((v) => v.length > 200))
        errors.push({ field: `conditions.${i}.values`, message: 'values have at most 200 characters' });
      return { field: c.field, negate: !!c.negate, values };
    });
    if (errors.length) throw new ValidationError(errors);
    return this.ctx.db.transaction(async (m) => {
      const surveyId = validId('Survey', fields.surveyId);
      if (!(await m.existsBy(Survey, { id: surveyId }))) throw new ValidationError([{ field: 'surveyId', message: 'no such survey' }]);
      const at = this.now();
      let trigger: SurveyTrigger;
      if (fields.id) {
        const found = await m.findOne(SurveyTrigger, {
          where: { id: validId('SurveyTrigger', fields.id) },
          lock: { mode: 'pessimistic_write' },
        });
        if (!found) throw new NotFoundError('SurveyTrigger', fields.id);
        trigger = found;
      } else {
        trigger = m.create(SurveyTrigger, { createdAt: at });
      }
      Object.assign(trigger, {
        surveyId,
        eventType: fields.eventType,
        delayMinutes: fields.delayMinutes,
        samplingPercent: fields.samplingPercent,
        conditions,
        active: fields.active ?? trigger.active ?? true,
        updatedAt: at,
      });
      const saved = await m.save(trigger);
      await this.ctx.audit.record(m, {
        action: fields.id ? 'surveyTrigger.update' : 'surveyTrigger.create',
        objectType: 'SurveyTrigger',
        objectId: saved.id,
        after: {
          surveyId,
          eventType: saved.eventType,
          delayMinutes: saved.delayMinutes,
          samplingPercent: saved.samplingPercent,
          conditions,
        },
      });
      return saved;
    });
  }

  /**
   * An event was delivered: when it is a declared trigger with an active survey trigger whose
   * conditions match, schedule one invitation for the request (at most one per request, across all
   * surveys), after the delay and outside the customer's quiet hours.
   */
  async onEvent(event: DeliveredEvent, m: EntityManager): Promise<void> {
    const decl = this.triggerEvents().find((t) => t.type === event.type)?.trigger;
    if (!decl) return;
    const triggers = await m
      .createQueryBuilder(SurveyTrigger, 't')
      .innerJoin(Survey, 's', 's.id = t.survey_id AND s.active')
      .where('t.event_type = :type AND t.active', { type: event.type })
      .orderBy('t.created_at', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .getMany();
    if (!triggers.length) return;
    const payload = (event.payload ?? {}) as Record<string, unknown>;
    const customerId = payload[decl.customerField];
    const subjectId = payload[decl.subjectField];
    if (typeof customerId !== 'string' || typeof subjectId !== 'string') return;
    const context: Record<string, string> = {};
    for (const f of decl.context) {
      const v = payload[f.field];
      if (v != null && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')) context[f.field] = String(v);
    }
    const trigger = triggers.find((t) =>
      t.conditions.every((c) => {
        const v = context[c.field];
        const hit = v != null && c.values.includes(v);
        return c.negate ? !hit : hit;
      }),
    );
    if (!trigger) return;
    const customer = await m.findOneBy(Customer, { id: customerId });
    if (!customer) return;
    const s = await this.ctx.settings.get();
    const at = this.now();
    const sampled = inSample(trigger.id, subjectId, trigger.samplingPercent);
    const sendAt = nextAllowedSend(new Date(at.getTime() + trigger.delayMinutes * 60_000), customer.timeZone, {
      start: s.quietHoursStart,
      end: s.quietHoursEnd,
    });
    const inserted = await m
      .createQueryBuilder()
      .insert()
      .into(SurveyInvitation)
      .values({
        surveyId: trigger.surveyId,
        triggerId: trigger.id,
        customerId,
        triggerEvent: event.type,
        subjectId,
        context,
        status: sampled ? 'scheduled' : 'skipped',
        skipReason: sampled ? null : 'sampling',
        sendAt,
        createdAt: at,
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    const id = (inserted.raw as Array<{ id: string }>)[0]?.id;
    if (id && sampled)
      await this.ctx.jobs.sendAfter('send', { invitationId: id }, sendAt, { manager: m, key: `${id}:${sendAt.getTime()}` });
  }

  // ---------------------------------------------------------------- sending

  private async key(m: EntityManager): Promise<string> {
    if (this.signingKey) return this.signingKey;
    let row = await m.findOneBy(SurveySigningKey, { id: 'links' });
    if (!row) {
      await m
        .createQueryBuilder()
        .insert()
        .into(SurveySigningKey)
        .values({ id: 'links', sealed: this.ctx.secrets.seal(newSigningKey()) })
        .orIgnore()
        .execute();
      row = await m.findOneByOrFail(SurveySigningKey, { id: 'links' });
    }
    this.signingKey = this.ctx.secrets.open(row.sealed);
    return this.signingKey;
  }

  /** The signed link token of a sent invitation. */
  async tokenFor(m: EntityManager, inv: SurveyInvitation): Promise<string> {
    return signToken(await this.key(m), inv.id, inv.expiresAt!);
  }

  private link(token: string, score?: number): string {
    const base = this.ctx.links.portal() ?? '/';
    return `${base}survey/${encodeURIComponent(token)}${score != null ? `?score=${score}` : ''}`;
  }

  /**
   * Send a scheduled invitation when its time comes, after the contact rules: survey consent,
   * one survey per cooldown across all surveys, quiet hours in the customer's time zone (which move
   * the send to the next allowed time). Runs in one transaction with the customer's sends serialised.
   */
  async send(invitationId: string): Promise<void> {
    await this.ctx.db.transaction(async (m) => {
      const inv = await m.findOne(SurveyInvitation, { where: { id: invitationId }, lock: { mode: 'pessimistic_write' } });
      if (!inv || inv.status !== 'scheduled') return;
      const now = this.now();
      if (inv.sendAt.getTime() > now.getTime() + 1000) return; // moved later: its own job sends it
      await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`surveys.customer:${inv.customerId}`]);
      const skip = async (reason: string) =>
        void (await m.update(SurveyInvitation, { id: inv.id }, { status: 'skipped', skipReason: reason }));
      const survey = await m.findOneBy(Survey, { id: inv.surveyId });
      if (!survey?.active) return skip('inactive');
      const customer = await m.findOneBy(Customer, { id: inv.customerId });
      if (!customer || customer.anonymizedAt) return skip('no-customer');
      if (!customer.surveyConsent) return skip('no-consent');
      const s = await this.ctx.settings.get();
      const recent = await m
        .createQueryBuilder(SurveyInvitation, 'i')
        .where('i.customer_id = :c AND i.id <> :id AND i.sent_at > :since', {
          c: inv.customerId,
          id: inv.id,
          since: new Date(now.getTime() - s.cooldownDays * DAY),
        })
        .getExists();
      if (recent) return skip('cooldown');
      const allowed = nextAllowedSend(now, customer.timeZone, { start: s.quietHoursStart, end: s.quietHoursEnd });
      if (allowed.getTime() > now.getTime()) {
        await m.update(SurveyInvitation, { id: inv.id }, { sendAt: allowed });
        await this.ctx.jobs.sendAfter('send', { invitationId: inv.id }, allowed, { manager: m, key: `${inv.id}:${allowed.getTime()}` });
        return;
      }
      inv.status = 'sent';
      inv.sentAt = now;
      inv.lastContactAt = now;
      // Whole seconds: the link carries the expiry in seconds and must match it exactly.
      inv.expiresAt = new Date(Math.floor((now.getTime() + s.linkValidDays * DAY) / 1000) * 1000);
      await m.save(inv);
      await this.mail(m, inv, survey, customer, 'invitation');
    });
  }

  private async mail(m: EntityManager, inv: SurveyInvitation, survey: Survey, customer: Customer, template: 'invitation' | 'reminder') {
    const token = await this.tokenFor(m, inv);
    const content = await this.contentOf(m, survey.id, survey.currentVersion);
    const scale = SCALES[survey.kind];
    const links: string[] = [];
    for (let score = scale.min; score <= scale.max; score++) links.push(`  ${score}: ${this.link(token, score)}`);
    await this.ctx.notify.enqueue(
      m,
      {
        to: customer.email,
        template,
        locale: customer.locale,
        data: {
          name: customer.name,
          question: localize(content.question, customer.locale, content.defaultLocale),
          links: links.join('\n'),
          link: this.link(token),
          expires: inv.expiresAt!.toISOString().slice(0, 10),
        },
      },
      { sensitive: true },
    );
  }

  /**
   * Remind customers who have not answered: at most `maxReminders` per invitation, each at least
   * `reminderGapDays` after the last contact, while the link is valid and consent holds.
   */
  async sendDueReminders(): Promise<number> {
    const s = await this.ctx.settings.get();
    if (s.maxReminders <= 0) return 0;
    const now = this.now();
    const due = await this.ctx.db
      .getRepository(SurveyInvitation)
      .createQueryBuilder('i')
      .where(`i.status = 'sent' AND i.reminders_sent < :max AND i.last_contact_at <= :before AND i.expires_at > :now`, {
        max: s.maxReminders,
        before: new Date(now.getTime() - s.reminderGapDays * DAY),
        now,
      })
      .andWhere('NOT EXISTS (SELECT 1 FROM surveys_response r WHERE r.invitation_id = i.id AND r.completed)')
      .limit(500)
      .getMany();
    let sent = 0;
    for (const candidate of due) {
      sent += await this.ctx.db.transaction(async (m) => {
        const inv = await m.findOne(SurveyInvitation, { where: { id: candidate.id }, lock: { mode: 'pessimistic_write' } });
        if (!inv || inv.status !== 'sent' || inv.remindersSent >= s.maxReminders) return 0;
        if (inv.lastContactAt && inv.lastContactAt.getTime() > now.getTime() - s.reminderGapDays * DAY) return 0;
        const customer = await m.findOneBy(Customer, { id: inv.customerId });
        const survey = await m.findOneBy(Survey, { id: inv.surveyId });
        if (!customer?.surveyConsent || customer.anonymizedAt || !survey) return 0;
        if (nextAllowedSend(now, customer.timeZone, { start: s.quietHoursStart, end: s.quietHoursEnd }).getTime() > now.getTime()) return 0;
        await m.update(SurveyInvitation, { id: inv.id }, { remindersSent: inv.remindersSent + 1, lastContactAt: now });
        await this.mail(m, inv, survey, customer, 'reminder');
        return 1;
      });
    }
    return sent;
  }

  // ---------------------------------------------------------------- answering

  /** The contents of several survey versions in one statement, keyed `<survey id>@<version>`. */
  async contentsOf(keys: readonly string[]): Promise<Map<string, SurveyContent>> {
    const pairs = keys.map((k) => k.split('@') as [string, string]);
    const rows: Array<{ survey_id: string; version: number; content: SurveyContent }> = await this.ctx.db.manager.query(
      `SELECT survey_id, version, content FROM surveys_survey_version v
        WHERE (v.survey_id, v.version) IN (SELECT * FROM unnest($1::uuid[], $2::int[]))`,
      [pairs.map((p) => p[0]), pairs.map((p) => Number(p[1]))],
    );
    return new Map(rows.map((r) => [`${r.survey_id}@${r.version}`, r.content]));
  }

  private async contentOf(m: EntityManager, surveyId: string, version: number): Promise<SurveyContent> {
    const v = await m.findOneBy(SurveyVersion, { surveyId, version });
    if (!v) throw new NotFoundError('Survey version', `${surveyId}@${version}`);
    return v.content;
  }

  /** The version an invitation answers: the one already answered, else the survey's current one. */
  private async versionFor(
    m: EntityManager,
    inv: SurveyInvitation,
    response: SurveyResponse | null,
  ): Promise<{ survey: Survey; version: number }> {
    const survey = await m.findOneByOrFail(Survey, { id: inv.surveyId });
    return { survey, version: response?.surveyVersion ?? survey.currentVersion };
  }

  /** What a token opens, or why it does not (tampered, expired, already used), without throwing. */
  async view(token: string, locale?: string | null): Promise<InvitationView> {
    const m = this.ctx.db.manager;
    const check = verifyToken(await this.key(m), token, this.now());
    if (!check.ok) return { state: check.problem };
    const inv = await m.findOneBy(SurveyInvitation, { id: check.invitationId });
    if (!inv || !inv.expiresAt || Math.floor(inv.expiresAt.getTime() / 1000) !== check.expiresAt.getTime() / 1000)
      return { state: 'invalid' };
    if (inv.status === 'answered') return { state: 'answered' };
    const response = await m.findOneBy(SurveyResponse, { invitationId: inv.id });
    const { survey, version } = await this.versionFor(m, inv, response);
    const content = await this.contentOf(m, survey.id, version);
    const customer = await m.findOneBy(Customer, { id: inv.customerId });
    return { state: 'open', invitation: inv, survey, content, response, locale: locale || customer?.locale || content.defaultLocale };
  }

  /**
   * Answer through a signed link: record (or change) the main score, follow-up answers, and finish.
   * One response per invitation whatever the number of clicks (the invitation row is locked); the
   * submitted and detractor events are published once. A finished survey's link is used up.
   */
  async answer(
    token: string,
    input: { score?: number | null; answers?: FollowUpAnswer[] | null; complete?: boolean | null; locale?: string | null },
  ): Promise<InvitationView> {
    const key = await this.key(this.ctx.db.manager);
    const check = verifyToken(key, token, this.now());
    if (!check.ok)
      throw new ValidationError([
        { field: 'token', message: check.problem === 'expired' ? 'this survey link has expired' : 'this survey link is not valid' },
      ]);
    const s = await this.ctx.settings.get();
    await this.ctx.db.transaction(async (m) => {
      const inv = await m.findOne(SurveyInvitation, { where: { id: check.invitationId }, lock: { mode: 'pessimistic_write' } });
      if (!inv || !inv.expiresAt || Math.floor(inv.expiresAt.getTime() / 1000) !== check.expiresAt.getTime() / 1000)
        throw new ValidationError([{ field: 'token', message: 'this survey link is not valid' }]);
      if (inv.status === 'answered') throw new ValidationError([{ field: 'token', message: 'this survey was already answered' }]);
      let response = await m.findOneBy(SurveyResponse, { invitationId: inv.id });
      const { survey, version } = await this.versionFor(m, inv, response);
      const content = await this.contentOf(m, survey.id, version);
      const scale = SCALES[survey.kind];
      const score = input.score;
      if (score != null && (!Number.isInteger(score) || score < scale.min || score > scale.max))
        throw new ValidationError([{ field: 'score', message: `must be a whole number from ${scale.min} to ${scale.max}` }]);
      if (!response && score == null) throw new ValidationError([{ field: 'score', message: 'answer the main question first' }]);
      const answers = validateAnswers(content, input.answers ?? []);
      const at = this.now();
      const publish = async (r: SurveyResponse, type: typeof responseSubmitted) => {
        const payload: SurveyAnswerPayload = {
          responseId: r.id,
          surveyId: r.surveyId,
          customerId: r.customerId,
          kind: r.kind,
          score: r.score,
          triggerEvent: r.triggerEvent,
          subjectId: r.subjectId,
        };
        await this.ctx.events.publish(m, type, payload, { aggregateId: r.id });
      };
      if (!response) {
        response = m.create(SurveyResponse, {
          invitationId: inv.id,
          surveyId: survey.id,
          surveyVersion: version,
          customerId: inv.customerId,
          kind: survey.kind,
          score: score!,
          detractor: isDetractor(survey.kind, score!, s),
          answers: {},
          comment: null,
          tags: [],
          status: 'new',
          triggerEvent: inv.triggerEvent,
          subjectId: inv.subjectId,
          context: inv.context,
          completed: false,
          answeredAt: at,
          updatedAt: at,
        });
        response = await m.save(response);
        await this.ctx.states.recordCreated(m, followUpMachine, response.id, { at });
        await publish(response, responseSubmitted);
        if (response.detractor) await publish(response, detractorDetected);
      } else if (score != null && score !== response.score) {
        const wasDetractor = response.detractor;
        response.score = score;
        response.detractor = isDetractor(survey.kind, score, s);
        response.updatedAt = at;
        // A customer who changes their mind to a detractor's score is followed up once, like any detractor.
        if (response.detractor && !wasDetractor && !response.caseId) await publish(response, detractorDetected);
      }
      // Branching: only questions asked for the current score keep their answers.
      const merged = { ...response.answers, ...answers };
      for (const f of content.followUps) if (!asks(f, response.score)) delete merged[f.key];
      response.answers = merged;
      const texts = content.followUps
        .filter((f) => f.type === 'text')
        .map((f) => merged[f.key])
        .filter((v): v is string => typeof v === 'string' && !!v);
      response.comment = texts.length ? texts.join('\n\n') : null;
      if (input.complete) {
        response.completed = true;
        inv.status = 'answered';
        inv.completedAt = at;
        await m.save(inv);
      }
      response.updatedAt = at;
      await m.save(response);
    });
    if (input.complete) return { state: 'answered' };
    return this.view(token, input.locale);
  }

  // ---------------------------------------------------------------- the customer's surveys

  /** The signed-in customer's sent surveys, newest first, with a link token while they can answer. */
  async ofCustomer(customerId: string) {
    const m = this.ctx.db.manager;
    const rows = await m
      .createQueryBuilder(SurveyInvitation, 'i')
      .where(`i.customer_id = :c AND i.status IN ('sent', 'answered')`, { c: customerId })
      .orderBy('i.sent_at', 'DESC')
      .addOrderBy('i.id', 'ASC')
      .limit(50)
      .getMany();
    const customer = await m.findOneBy(Customer, { id: customerId });
    const now = this.now();
    const out = [];
    for (const inv of rows) {
      const survey = await m.findOneByOrFail(Survey, { id: inv.surveyId });
      const response = await m.findOneBy(SurveyResponse, { invitationId: inv.id });
      const content = await this.contentOf(m, survey.id, response?.surveyVersion ?? survey.currentVersion);
      const open = inv.status === 'sent' && inv.expiresAt != null && inv.expiresAt.getTime() > now.getTime();
      out.push({
        id: inv.id,
        kind: survey.kind,
        question: localize(content.question, customer?.locale, content.defaultLocale),
        sentAt: inv.sentAt!,
        expiresAt: inv.expiresAt,
        answered: inv.status === 'answered',
        score: response?.score ?? null,
        token: open ? await this.tokenFor(m, inv) : null,
      });
    }
    return out;
  }

  // ---------------------------------------------------------------- closing the loop

  /** A page of responses, newest first: the inbox (filters, comment search, tags). */
  async responses(filter: ResponseFilter, window: PageWindow): Promise<Page<SurveyResponse>> {
    const qb = this.ctx.db.getRepository(SurveyResponse).createQueryBuilder('r');
    if (filter.surveyId) qb.andWhere('r.survey_id = :sid', { sid: validId('Survey', filter.surveyId) });
    if (filter.customerId) qb.andWhere('r.customer_id = :cid', { cid: validId('Customer', filter.customerId) });
    if (filter.kind) qb.andWhere('r.kind = :kind', { kind: filter.kind });
    if (filter.status) qb.andWhere('r.status = :status', { status: filter.status });
    if (filter.detractorOnly) qb.andWhere('r.detractor');
    if (filter.tag) qb.andWhere(':tag = ANY(r.tags)', { tag: filter.tag.trim() });
    if (filter.from) qb.andWhere('r.answered_at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('r.answered_at < :to', { to: filter.to });
    const term = filter.search?.trim();
    if (term) qb.andWhere(`r.comment ILIKE :term ESCAPE '\\'`, { term: `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    qb.orderBy('r.answered_at', 'DESC').addOrderBy('r.id', 'ASC');
    return queryPage(qb, window);
  }

  /** One response; NOT_FOUND for an unknown id. */
  async response(id: string): Promise<SurveyResponse> {
    const r = await this.ctx.db.getRepository(SurveyResponse).findOneBy({ id: validId('SurveyResponse', id) });
    if (!r) throw new NotFoundError('SurveyResponse', id);
    return r;
  }

  /** The follow-up answers of a response in the version's order, with their questions in `locale`. */
  async answersOf(r: SurveyResponse, locale = 'en', content?: SurveyContent) {
    content ??= await this.contentOf(this.ctx.db.manager, r.surveyId, r.surveyVersion);
    return content.followUps
      .filter((f) => r.answers[f.key] != null)
      .map((f) => {
        const v = r.answers[f.key];
        return {
          key: f.key,
          question: localize(f.label, locale, content.defaultLocale),
          text: typeof v === 'string' ? v : null,
          choices: Array.isArray(v) ? v : null,
          rating: typeof v === 'number' ? v : null,
        };
      });
  }

  /** Change the follow-up status (through the state machine), the owner and the tags in one transaction. */
  async followUp(fields: FollowUpFields): Promise<SurveyResponse> {
    const id = validId('SurveyResponse', fields.id);
    const tags = fields.tags?.map((t) => t.trim()).filter(Boolean);
    if (tags) {
      const bad = tags.findIndex((t) => !TAG.test(t));
      if (bad >= 0)
        throw new ValidationError([{ field: `tags.${bad}`, message: 'letters, digits, spaces, - and _ (up to 40 characters)' }]);
      if (tags.length > 20) throw new ValidationError([{ field: 'tags', message: 'at most 20 tags' }]);
    }
    return this.ctx.db.transaction(async (m) => {
      let r = await m.findOne(SurveyResponse, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!r) throw new NotFoundError('SurveyResponse', fields.id);
      if (fields.expectedVersion != null && fields.expectedVersion !== r.version)
        throw new ConflictError(`The response changed since you opened it (version ${r.version}); reload it.`);
      const before = { ownerId: r.ownerId, tags: r.tags };
      if (fields.ownerId) {
        const ownerId = validId('StaffUser', fields.ownerId);
        const [{ ok }] = await m.query(`SELECT EXISTS (SELECT 1 FROM staff_user WHERE id = $1 AND active) AS ok`, [ownerId]);
        if (!ok) throw new ValidationError([{ field: 'ownerId', message: 'no active staff user with this id' }]);
        r.ownerId = ownerId;
      } else if (fields.clearOwner) r.ownerId = null;
      if (tags) r.tags = [...new Set(tags)];
      r.updatedAt = this.now();
      r = await m.save(r);
      if (fields.status && fields.status !== r.status) {
        ({ row: r } = await this.ctx.states.transition(m, followUpMachine, { entity: SurveyResponse, id, row: r, to: fields.status }));
      }
      if (before.ownerId !== r.ownerId || before.tags.join() !== r.tags.join())
        await this.ctx.audit.record(m, {
          action: 'surveyResponse.followUp',
          objectType: 'SurveyResponse',
          objectId: id,
          before,
          after: { ownerId: r.ownerId, tags: r.tags },
        });
      return r;
    });
  }

  /** The service desk opened a case for a detractor response: link it (idempotent). */
  async linkCase(m: EntityManager, responseId: string, caseId: string): Promise<void> {
    await m.query(`UPDATE surveys_response SET case_id = $2 WHERE id = $1 AND case_id IS NULL`, [responseId, caseId]);
  }

  // ---------------------------------------------------------------- analysis

  private where(f: AnalyticsFilter, params: unknown[]): string {
    params.push(f.from, f.to);
    let sql = `r.answered_at >= $1 AND r.answered_at < $2`;
    if (f.surveyId) {
      params.push(validId('Survey', f.surveyId));
      sql += ` AND r.survey_id = $${params.length}`;
    }
    return sql;
  }

  /**
   * CSAT, NPS and CES (docs/domain.md) over the period, each with its sample size and 95 % interval,
   * the response rate (responses to the surveys sent in the period / surveys sent), an optional
   * break-down (a person's scores hidden below the minimum sample), a trend and the distribution.
   */
  async analytics(f: AnalyticsFilter) {
    if (!(f.from instanceof Date) || !(f.to instanceof Date) || f.to.getTime() <= f.from.getTime())
      throw new ValidationError([{ field: 'to', message: 'must be after from' }]);
    if (f.to.getTime() - f.from.getTime() > 3 * 366 * DAY)
      throw new ValidationError([{ field: 'from', message: 'at most 3 years at once' }]);
    const tz = f.timeZone?.trim() || 'UTC';
    if (tz.length > 64 || !validZone(tz))
      throw new ValidationError([{ field: 'timeZone', message: 'must be an IANA time zone such as Europe/Madrid' }]);
    const m = this.ctx.db.manager;
    const s = await this.ctx.settings.get();
    const params: unknown[] = [];
    const where = this.where(f, params);
    const [total] = (await m.query(`SELECT ${AGG} FROM surveys_response r WHERE ${where}`, params)) as Raw[];
    const overall = scoreRow(total!, null);
    const sentParams: unknown[] = [f.from, f.to];
    let sentWhere = `i.sent_at >= $1 AND i.sent_at < $2`;
    if (f.surveyId) {
      sentParams.push(f.surveyId);
      sentWhere += ` AND i.survey_id = $3`;
    }
    const [rate] = (await m.query(
      `SELECT count(*)::int AS sent, count(r.id)::int AS answered
         FROM surveys_invitation i LEFT JOIN surveys_response r ON r.invitation_id = i.id
        WHERE ${sentWhere}`,
      sentParams,
    )) as Array<{ sent: number; answered: number }>;
    const responseRate = wilson(rate!.answered, rate!.sent);

    let groups: ScoreRow[] = [];
    if (f.groupBy) {
      const dim = DIMENSIONS[f.groupBy];
      const rows = (await m.query(
        `SELECT r.context ->> '${dim.field}' AS g, ${AGG} FROM surveys_response r WHERE ${where} GROUP BY 1 ORDER BY n DESC, g NULLS LAST LIMIT 200`,
        params,
      )) as Raw[];
      groups = rows.map((r) => {
        const row = scoreRow(r, r.g == null ? null : String(r.g));
        if (dim.person && row.responses < s.minPersonSample) {
          const hide = (e: Estimate): Estimate => ({ value: null, sampleSize: e.sampleSize, low: null, high: null });
          return { ...row, nps: hide(row.nps), csat: hide(row.csat), ces: hide(row.ces), hidden: true };
        }
        return row;
      });
    }
    const interval = f.interval ?? 'week';
    const trendParams = [...params, tz];
    const trendRows = (await m.query(
      `SELECT (date_trunc('${interval}', r.answered_at AT TIME ZONE $${trendParams.length}) AT TIME ZONE $${trendParams.length}) AS g, ${AGG}
         FROM surveys_response r WHERE ${where} GROUP BY 1 ORDER BY 1`,
      trendParams,
    )) as Raw[];
    const trend = trendRows.map((r) => ({ ...scoreRow(r, null), bucket: new Date(r.g as unknown as string) }));
    const distribution = (await m.query(
      `SELECT r.kind, r.score, count(*)::int AS count FROM surveys_response r WHERE ${where} GROUP BY 1, 2 ORDER BY 1, 2`,
      params,
    )) as Array<{ kind: SurveyKind; score: number; count: number }>;
    return { ...overall, responseRate, sent: rate!.sent, groups, trend, distribution, minPersonSample: s.minPersonSample };
  }

  /** The responses of the filter as CSV (scores, status, tags, comment), at most 10,000 rows. */
  async csv(filter: ResponseFilter): Promise<string> {
    const page = await this.responses(filter, { skip: 0, take: 100 });
    const rows: SurveyResponse[] = [...page.items];
    for (let skip = 100; skip < Math.min(page.totalCount, 10_000); skip += 100) {
      const qbPage = await this.responsesRaw(filter, skip);
      rows.push(...qbPage);
    }
    const cell = (v: unknown) => {
      const t = v == null ? '' : String(v);
      // Quote every cell and neutralise formulas so a spreadsheet never runs a customer's text.
      return `"${(/^[=+\-@\t\r]/.test(t) ? `'${t}` : t).replace(/"/g, '""')}"`;
    };
    const head = [
      'id',
      'answeredAt',
      'surveyId',
      'kind',
      'score',
      'detractor',
      'status',
      'tags',
      'triggerEvent',
      'agentId',
      'technicianId',
      'teamId',
      'modelId',
      'channel',
      'requestKind',
      'comment',
    ];
    const lines = rows.map((r) =>
      [
        r.id,
        r.answeredAt.toISOString(),
        r.surveyId,
        r.kind,
        r.score,
        r.detractor,
        r.status,
        r.tags.join(' '),
        r.triggerEvent,
        r.context.agentId,
        r.context.technicianId,
        r.context.teamId,
        r.context.modelId,
        r.context.channel,
        r.context.kind,
        r.comment,
      ]
        .map(cell)
        .join(','),
    );
    return [head.join(','), ...lines].join('\r\n') + '\r\n';
  }

  private async responsesRaw(filter: ResponseFilter, skip: number): Promise<SurveyResponse[]> {
    // findPage clamps take to 100: page through.
    return (await this.responses(filter, { skip, take: 100 })).items;
  }

  // ---------------------------------------------------------------- privacy and timeline

  /** A customer's responses for the privacy export. */
  async exportOf(m: EntityManager, customerId: string) {
    const rows = await m.find(SurveyResponse, { where: { customerId }, order: { answeredAt: 'ASC', id: 'ASC' } });
    return rows.map((r) => ({
      surveyId: r.surveyId,
      kind: r.kind,
      score: r.score,
      answers: r.answers,
      comment: r.comment,
      answeredAt: r.answeredAt.toISOString(),
    }));
  }

  /** Anonymisation keeps the scores (and choices, ratings) for statistics and removes what the customer wrote. */
  async anonymize(m: EntityManager, customerId: string): Promise<void> {
    const rows = await m.find(SurveyResponse, { where: { customerId } });
    for (const r of rows) {
      const content = await this.contentOf(m, r.surveyId, r.surveyVersion);
      const answers = { ...r.answers };
      for (const f of content.followUps) if (f.type === 'text') delete answers[f.key];
      await m.update(SurveyResponse, { id: r.id }, { comment: null, answers });
    }
    await m.update(SurveyInvitation, { customerId, status: 'scheduled' }, { status: 'skipped', skipReason: 'no-customer' });
  }
}
