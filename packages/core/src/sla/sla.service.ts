import type { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '../db/transaction.js';
import type { Events } from '../events/event-bus.js';
import type { JobQueue } from '../jobs/job-queue.js';
import { BusinessCalendarRecord } from '../entities/business-calendar.entity.js';
import { SlaClockRecord } from '../entities/sla-clock.entity.js';
import { type SlaPolicyConditions, SlaPolicyRecord } from '../entities/sla-policy.entity.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { type BusinessCalendar, validateCalendar } from './business-calendar.js';
import { slaBreached, slaWarning } from './sla.events.js';
import {
  computeSlaClock,
  evaluateAt,
  type SlaEventType,
  type SlaTargetEvaluation,
  SLA_TARGET_KINDS,
  type SlaTargetKind,
  type SlaTargets,
} from './sla-clock.js';

/** The job that publishes a clock's warning and breach events at their moments. */
export const SLA_CHECK_JOB = 'core.sla.check';

/** What a policy is chosen by. Plugins pass what they know; missing values match only unconditioned policies. */
export interface SlaAttributes {
  kind?: string | null;
  severity?: string | null;
  channel?: string | null;
  productId?: string | null;
  customerTier?: string | null;
}

/** The request an SLA clock belongs to. */
export interface SlaSubject {
  subjectType: string;
  subjectId: string;
}

/** A clock as its request's users see it: per target, evaluated now. */
export interface SlaClockView {
  subjectType: string;
  subjectId: string;
  policyId: string;
  policyName: string;
  paused: boolean;
  closed: boolean;
  targets: Record<SlaTargetKind, SlaTargetEvaluation & { metAt: Date | null; breachedAt: Date | null }>;
}

const CONDITION_KEYS: Array<[keyof SlaPolicyConditions, keyof SlaAttributes]> = [
  ['kinds', 'kind'],
  ['severities', 'severity'],
  ['channels', 'channel'],
  ['productIds', 'productId'],
  ['customerTiers', 'customerTier'],
];

/** Does a policy's condition set match these attributes? Every non-empty list must contain the attribute's value. */
export function policyMatches(conditions: SlaPolicyConditions, attributes: SlaAttributes): boolean {
  return CONDITION_KEYS.every(([list, attr]) => {
    const allowed = conditions[list];
    if (!allowed?.length) return true;
    const value = attributes[attr];
    return value != null && allowed.includes(value);
  });
}

/** The calendar value the arithmetic works on. */
export function toCalendar(record: BusinessCalendarRecord): BusinessCalendar {
  return { timeZone: record.timeZone, week: record.week, holidays: record.holidays };
}

function targetsOf(policy: SlaPolicyRecord): SlaTargets {
  return {
    ...(policy.firstResponseMinutes != null ? { firstResponse: policy.firstResponseMinutes } : {}),
    ...(policy.nextResponseMinutes != null ? { nextResponse: policy.nextResponseMinutes } : {}),
    ...(policy.resolutionMinutes != null ? { resolution: policy.resolutionMinutes } : {}),
  };
}

/**
 * SLA clocks on requests, with policies and calendars from the database. Plugins call it inside
 * the transaction of the change that moves the clock (creation, reply, pause, resolution…), so the
 * clock and the request never disagree. Every write locks the clock row: concurrent events on one
 * request are applied one after the other, none lost.
 */
export class SlaService {
  private alerts?: { jobs: JobQueue; events: Events };

  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Publish warning and breach events at their moments. Every change of a clock enqueues (in the
   * same transaction) one job for the clock's next alert moment; the job re-reads the clock, so a
   * change made since (a reply, a pause) simply makes it do nothing but schedule the next one.
   * No polling of every clock: work is proportional to alerts.
   */
  enableAlerts(jobs: JobQueue, events: Events): void {
    this.alerts = { jobs, events };
    jobs.define(
      SLA_CHECK_JOB,
      (data: { clockId: string; at?: string }) => this.checkAlerts(data.clockId, data.at ? new Date(data.at) : undefined),
      {
        retryLimit: 5,
        batchSize: 10,
      },
    );
  }

  /** Reject a calendar that the arithmetic cannot use, naming each bad field. */
  validateCalendar(calendar: BusinessCalendar): void {
    const errors = validateCalendar(calendar);
    if (errors.length) throw new ValidationError(errors);
  }

  /** The first active policy by priority whose conditions match; the default policy otherwise. */
  async choosePolicy(manager: EntityManager, attributes: SlaAttributes): Promise<SlaPolicyRecord> {
    const policies = await manager.getRepository(SlaPolicyRecord).find({
      where: { active: true },
      relations: { calendar: true },
      order: { priority: 'ASC', createdAt: 'ASC' },
    });
    const chosen = policies.find((p) => !p.isDefault && policyMatches(p.conditions, attributes)) ?? policies.find((p) => p.isDefault);
    if (!chosen) throw new ConflictError('No SLA policy applies and there is no active default policy: mark one policy as default.');
    return chosen;
  }

  /** Start the clock of a new request at `at` (default now). Starting twice is a conflict. */
  async startClock(
    manager: EntityManager,
    owner: string,
    subject: SlaSubject,
    attributes: SlaAttributes,
    at = this.now(),
  ): Promise<SlaClockView> {
    const policy = await this.choosePolicy(manager, attributes);
    const repo = manager.getRepository(SlaClockRecord);
    if (await repo.existsBy({ subjectType: subject.subjectType, subjectId: subject.subjectId })) {
      throw new ConflictError(`${subject.subjectType} ${subject.subjectId} already has an SLA clock.`);
    }
    const clock = repo.create({
      owner,
      ...subject,
      attributes: { ...attributes } as Record<string, string | null>,
      policyId: policy.id,
      events: [{ type: 'created', at: at.toISOString() }],
    });
    this.recompute(clock, policy);
    await repo.save(clock);
    await this.scheduleAlert(manager, clock, policy);
    return this.view(clock, policy);
  }

  /** Append an event (reply, customer message, pause, resume, resolve, reopen) and recompute the due dates. */
  async record(manager: EntityManager, subject: SlaSubject, type: SlaEventType, at = this.now()): Promise<SlaClockView> {
    return inTransaction(manager, (m) => this.recordLocked(m, subject, type, at));
  }

  private async recordLocked(manager: EntityManager, subject: SlaSubject, type: SlaEventType, at: Date): Promise<SlaClockView> {
    const { clock, policy } = await this.lockClock(manager, subject);
    const last = clock.events[clock.events.length - 1];
    // Events are history: one stamped before the last recorded one would rewrite it.
    const when = last && new Date(last.at) > at ? new Date(last.at) : at;
    clock.events = [...clock.events, { type, at: when.toISOString() }];
    this.recompute(clock, policy);
    await manager.getRepository(SlaClockRecord).save(clock);
    await this.scheduleAlert(manager, clock, policy);
    return this.view(clock, policy);
  }

  /** The request's attributes changed (e.g. severity raised): choose the policy again and recompute. */
  async changeAttributes(manager: EntityManager, subject: SlaSubject, attributes: SlaAttributes): Promise<SlaClockView> {
    return inTransaction(manager, (m) => this.changeAttributesLocked(m, subject, attributes));
  }

  private async changeAttributesLocked(manager: EntityManager, subject: SlaSubject, attributes: SlaAttributes): Promise<SlaClockView> {
    const { clock } = await this.lockClock(manager, subject);
    clock.attributes = { ...clock.attributes, ...attributes } as Record<string, string | null>;
    const policy = await this.choosePolicy(manager, clock.attributes);
    clock.policyId = policy.id;
    this.recompute(clock, policy);
    await manager.getRepository(SlaClockRecord).save(clock);
    await this.scheduleAlert(manager, clock, policy);
    return this.view(clock, policy);
  }

  /** The clock of a request, evaluated now; null if it has none. */
  async clock(subject: SlaSubject, manager: EntityManager = this.dataSource.manager): Promise<SlaClockView | null> {
    const clock = await manager.getRepository(SlaClockRecord).findOne({
      where: { subjectType: subject.subjectType, subjectId: subject.subjectId },
      relations: { policy: { calendar: true } },
    });
    return clock ? this.view(clock, clock.policy) : null;
  }

  /**
   * Open clocks whose next due date comes soonest (overdue first), evaluated now: what a
   * supervisor watches to act before targets are breached. Paused clocks are left out.
   */
  async dueSoonest(take: number, manager: EntityManager = this.dataSource.manager): Promise<Array<SlaClockView & { nextDueAt: Date }>> {
    const clocks = await manager
      .getRepository(SlaClockRecord)
      .createQueryBuilder('c')
      .innerJoinAndSelect('c.policy', 'p')
      .innerJoinAndSelect('p.calendar', 'cal')
      .where('c.closed = false AND c.paused = false AND c.nextDueAt IS NOT NULL')
      .orderBy('c.nextDueAt', 'ASC')
      .addOrderBy('c.id', 'ASC')
      // Every join is many-to-one, so a plain LIMIT cannot cut an entity's rows.
      .limit(take)
      .getMany();
    return clocks.map((c) => ({ ...this.view(c, c.policy), nextDueAt: c.nextDueAt! }));
  }

  /**
   * Recompute open clocks after a policy or calendar changed, so due dates follow the new rules.
   * Returns how many clocks were recomputed.
   */
  async recalculate(manager: EntityManager, filter: { policyId?: string; calendarId?: string }): Promise<number> {
    return inTransaction(manager, (m) => this.recalculateLocked(m, filter));
  }

  private async recalculateLocked(manager: EntityManager, filter: { policyId?: string; calendarId?: string }): Promise<number> {
    const qb = manager
      .getRepository(SlaClockRecord)
      .createQueryBuilder('c')
      .innerJoinAndSelect('c.policy', 'p')
      .innerJoinAndSelect('p.calendar', 'cal')
      .where('c.closed = false')
      .setLock('pessimistic_write', undefined, ['c']);
    if (filter.policyId) qb.andWhere('p.id = :policyId', { policyId: filter.policyId });
    if (filter.calendarId) qb.andWhere('cal.id = :calendarId', { calendarId: filter.calendarId });
    const clocks = await qb.getMany();
    for (const clock of clocks) {
      this.recompute(clock, clock.policy);
      const { policy: _policy, ...columns } = clock;
      await manager.getRepository(SlaClockRecord).update({ id: clock.id }, columns);
      await this.scheduleAlert(manager, clock, clock.policy);
    }
    return clocks.length;
  }

  private async lockClock(manager: EntityManager, subject: SlaSubject) {
    const clock = await manager.getRepository(SlaClockRecord).findOne({
      where: { subjectType: subject.subjectType, subjectId: subject.subjectId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!clock) throw new NotFoundError('SLA clock of', `${subject.subjectType} ${subject.subjectId}`);
    const policy = await manager
      .getRepository(SlaPolicyRecord)
      .findOneOrFail({ where: { id: clock.policyId }, relations: { calendar: true } });
    return { clock, policy };
  }

  /**
   * Publish the warnings and breaches that are due for one clock (each once per due date), then
   * schedule its next alert. The job handler; safe to run late, twice or concurrently.
   *
   * @param dueMoment - the moment the job was scheduled for. The clock is evaluated at the later of
   *   it and now, so a server clock slightly behind the database's never makes an alert slip.
   */
  async checkAlerts(clockId: string, dueMoment?: Date): Promise<void> {
    if (!this.alerts) return;
    const { events } = this.alerts;
    await this.dataSource.transaction(async (manager) => {
      const clock = await manager.getRepository(SlaClockRecord).findOne({ where: { id: clockId }, lock: { mode: 'pessimistic_write' } });
      if (!clock || clock.closed) return;
      const policy = await manager
        .getRepository(SlaPolicyRecord)
        .findOneOrFail({ where: { id: clock.policyId }, relations: { calendar: true } });
      const now = dueMoment && dueMoment > this.now() ? dueMoment : this.now();
      const alerts = structuredClone(clock.alerts ?? {});
      for (const target of this.evaluate(clock, policy, now)) {
        if (!target.dueAt) continue;
        const due = target.dueAt.toISOString();
        const sent = (alerts[target.kind] ??= {});
        const payload = {
          clockId: clock.id,
          owner: clock.owner,
          subjectType: clock.subjectType,
          subjectId: clock.subjectId,
          target: target.kind,
          dueAt: due,
          policyId: policy.id,
          policyName: policy.name,
        };
        if (target.status === 'breached' && sent.breached !== due) {
          sent.breached = due;
          sent.warned = due; // a breach found late makes its warning moot
          await events.publish(manager, slaBreached, payload, { aggregateId: clock.subjectId });
        } else if (target.status === 'running' && target.warnAt && target.warnAt <= now && sent.warned !== due) {
          sent.warned = due;
          await events.publish(manager, slaWarning, payload, { aggregateId: clock.subjectId });
        }
      }
      await manager.getRepository(SlaClockRecord).update({ id: clock.id }, { alerts });
      clock.alerts = alerts;
      await this.scheduleAlert(manager, clock, policy, now);
    });
  }

  /** Running targets evaluated at `now`, with their warning moments. */
  private evaluate(clock: SlaClockRecord, policy: SlaPolicyRecord, now: Date) {
    const state = this.state(clock, policy, now);
    const at = state.asOf > now ? state.asOf : now;
    const evaluated = evaluateAt(state, at, policy.warningLeadMinutes != null ? { warningLeadMinutes: policy.warningLeadMinutes } : {});
    return SLA_TARGET_KINDS.map((k) => evaluated[k]).filter((t) => (t.status === 'running' || t.status === 'breached') && t.dueAt);
  }

  /** Enqueue the job for the clock's next alert moment (the earliest unsent warning or breach). */
  private async scheduleAlert(manager: EntityManager, clock: SlaClockRecord, policy: SlaPolicyRecord, now = this.now()): Promise<void> {
    if (!this.alerts || clock.closed) return;
    let next: Date | null = null;
    for (const t of this.evaluate(clock, policy, now)) {
      const due = t.dueAt!.toISOString();
      const sent = clock.alerts?.[t.kind] ?? {};
      const candidates = [
        sent.warned !== due && t.status === 'running' ? t.warnAt : null,
        sent.breached !== due ? new Date(t.dueAt!.getTime() + 1000) : null,
      ];
      for (const c of candidates) if (c && (!next || c < next)) next = c;
    }
    if (!next) return;
    // Keyed by clock and moment: rescheduling to the same moment (many edits) enqueues one job.
    const at = next.toISOString();
    await this.alerts.jobs.send(SLA_CHECK_JOB, { clockId: clock.id, at }, { startAfter: next, key: `${clock.id}@${at}`, manager });
  }

  private state(clock: SlaClockRecord, policy: SlaPolicyRecord, now: Date) {
    const events = clock.events.map((e) => ({ type: e.type, at: new Date(e.at) }));
    const lastAt = events.length ? events[events.length - 1]!.at : now;
    // The state is computed as of now, or of the last event if that is later (a clock-skewed caller).
    return computeSlaClock(toCalendar(policy.calendar), targetsOf(policy), events, lastAt > now ? lastAt : now);
  }

  /** Derive the stored due-date columns from the history. */
  private recompute(clock: SlaClockRecord, policy: SlaPolicyRecord) {
    const state = this.state(clock, policy, this.now());
    const t = state.targets;
    clock.firstResponseDueAt = t.firstResponse.dueAt;
    clock.firstResponseStatus = t.firstResponse.status;
    clock.nextResponseDueAt = t.nextResponse.dueAt;
    clock.nextResponseStatus = t.nextResponse.status;
    clock.resolutionDueAt = t.resolution.dueAt;
    clock.resolutionStatus = t.resolution.status;
    const running = Object.values(t).filter((x) => (x.status === 'running' || x.status === 'breached') && x.dueAt && !x.metAt);
    clock.nextDueAt = running.length ? new Date(Math.min(...running.map((x) => x.dueAt!.getTime()))) : null;
    clock.paused = t.resolution.status === 'paused';
    const lastIndex = (type: SlaEventType) => clock.events.map((e) => e.type).lastIndexOf(type);
    clock.closed = lastIndex('resolved') > lastIndex('reopened');
  }

  private view(clock: SlaClockRecord, policy: SlaPolicyRecord): SlaClockView {
    const now = this.now();
    const state = this.state(clock, policy, now);
    const evaluated = evaluateAt(
      state,
      state.asOf,
      policy.warningLeadMinutes != null ? { warningLeadMinutes: policy.warningLeadMinutes } : {},
    );
    const targets = Object.fromEntries(
      (Object.keys(evaluated) as SlaTargetKind[]).map((k) => [
        k,
        { ...evaluated[k], metAt: state.targets[k].metAt, breachedAt: state.targets[k].breachedAt },
      ]),
    ) as SlaClockView['targets'];
    return {
      subjectType: clock.subjectType,
      subjectId: clock.subjectId,
      policyId: policy.id,
      policyName: policy.name,
      paused: clock.paused,
      closed: clock.closed,
      targets,
    };
  }
}
