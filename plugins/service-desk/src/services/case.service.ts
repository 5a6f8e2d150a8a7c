import {
  type Actor,
  actorFromKey,
  actorRef,
  ConflictError,
  Customer,
  NotFoundError,
  ProductModel,
  Purchase,
  SlaClockRecord,
  type SlaClockView,
  type SlaEventType,
  SlaPolicyRecord,
  StaffUser,
  toCalendar,
  ValidationError,
} from '@aftercare/core';
import { type EntityManager, In, Not } from 'typeorm';
import type { CaseChannel, CaseKind, CaseOutcome, CaseSeverity, CaseStatus, MessageKind } from '../domain.js';
import { OPEN_STATUSES } from '../domain.js';
import { CannedResponse } from '../entities/canned-response.entity.js';
import { CaseAttachment } from '../entities/case-attachment.entity.js';
import { CaseMessage } from '../entities/case-message.entity.js';
import { Case } from '../entities/case.entity.js';
import { Compensation } from '../entities/compensation.entity.js';
import { Team } from '../entities/team.entity.js';
import { caseAssigned, caseBreached, caseOpened, caseResolved, caseStatusChanged } from '../events.js';
import type { ServiceDeskSettings } from '../settings.js';
import { chooseAssignee, isActiveStaff, isSupervisorOf } from './assignment.service.js';
import { openBusinessMinutes } from './business-minutes.js';
import { allowedTransitions, caseMachine, slaEventsFor } from './case-state-machine.js';
import { actorKey, caseSubject, reference, type ServiceDeskDeps } from './deps.js';
import { STATUS_LABELS } from './notifications.service.js';
import { renderPlaceholders } from './placeholders.js';
import { raiseSeverity, routeFor, triageSeverity } from './triage.js';

/** A new case, from staff (any channel) or the API. */
export interface NewCase {
  customerId: string;
  kind: CaseKind;
  channel: CaseChannel;
  subject: string;
  description: string;
  severity?: CaseSeverity | null;
  purchaseId?: string | null;
  teamId?: string | null;
  assigneeId?: string | null;
  category?: string | null;
  /** What opened the case when not a person, e.g. a detractor survey response; carried in `service-desk.case.opened`. */
  source?: { type: string; id: string } | null;
}

/** How a case is resolved. */
export interface Resolution {
  outcome: CaseOutcome;
  category?: string | null;
  rootCause?: string | null;
  note?: string | null;
}

const OPEN = new Set<CaseStatus>(OPEN_STATUSES);

/**
 * Cases: creation with triage, routing and an SLA clock; the conversation; state changes through the
 * transition table; resolution, reopening, merging and escalation. Every change locks the case row,
 * and writes its audit entry and event in the same transaction.
 */
export class CaseService {
  constructor(private readonly d: ServiceDeskDeps) {}

  private tx<T>(fn: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.d.db.transaction(fn);
  }

  /** Load a case for change, locked until the transaction ends. */
  async lock(m: EntityManager, id: string): Promise<Case> {
    const found = await m.getRepository(Case).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!found) throw new NotFoundError('Case', id);
    return found;
  }

  private async settings(): Promise<ServiceDeskSettings> {
    return this.d.settings.get();
  }

  private async sla(m: EntityManager, c: Case, type: SlaEventType, at: Date): Promise<SlaClockView> {
    const view = await this.d.sla.record(m, caseSubject(c.id), type, at);
    this.mirror(c, view);
    return view;
  }

  /** Copy what the inbox sorts and filters by from the SLA clock onto the case. */
  mirror(c: Case, view: SlaClockView): void {
    const targets = Object.values(view.targets);
    const running = targets.filter((t) => t.dueAt && !t.metAt && (t.status === 'running' || t.status === 'breached'));
    c.slaDueAt = running.length ? new Date(Math.min(...running.map((t) => t.dueAt!.getTime()))) : null;
    const warns = running.map((t) => t.warnAt).filter((w): w is Date => !!w);
    c.slaWarnAt = warns.length ? new Date(Math.min(...warns.map((w) => w.getTime()))) : null;
    c.slaBreached = c.slaBreached || targets.some((t) => t.breached);
  }

  private async customerOf(m: EntityManager, c: Case): Promise<Customer> {
    return m.getRepository(Customer).findOneByOrFail({ id: c.customerId });
  }

  private async notifyStatus(m: EntityManager, c: Case, to: CaseStatus): Promise<void> {
    const customer = await this.customerOf(m, c);
    const lang = customer.locale.toLowerCase().startsWith('es') ? 'es' : 'en';
    await this.d.notifications.enqueue(m, {
      to: customer.email,
      template: 'service-desk.case.status_changed',
      locale: customer.locale,
      data: { customerName: customer.name, reference: reference(c), subject: c.subject, statusLabel: STATUS_LABELS[to]![lang] },
    });
  }

  /**
   * Move a case to `to`, telling the SLA clock, recording history, audit and event, and the customer.
   * The caller holds the row lock and saves the case afterwards.
   */
  private async move(
    m: EntityManager,
    c: Case,
    to: CaseStatus,
    actor: string,
    options: { notify?: boolean; reason?: string } = {},
  ): Promise<void> {
    await this.d.states.transition(m, caseMachine, {
      entity: Case,
      id: c.id,
      row: c,
      to,
      actor: actorFromKey(actor),
      reason: options.reason ?? null,
      patch: (_row, _from, at) => (to === 'closed' ? { closedAt: at } : {}),
      beforeSave: async (row, from, at) => {
        for (const type of slaEventsFor(from, to)) await this.sla(m, row, type, at);
      },
      audit: { action: 'case.status' },
      event: {
        type: caseStatusChanged,
        payload: (row, from) => ({ caseId: row.id, reference: reference(row), customerId: row.customerId, from, to }),
      },
    });
    if (options.notify !== false) await this.notifyStatus(m, c, to);
  }

  private async publishResolved(m: EntityManager, c: Case): Promise<void> {
    await this.d.events.publish(
      m,
      caseResolved,
      {
        caseId: c.id,
        reference: reference(c),
        customerId: c.customerId,
        outcome: c.outcome!,
        category: c.category,
        rootCause: c.rootCause,
        resolutionBusinessMinutes: c.resolutionBusinessMinutes,
        agentId: c.assigneeId,
        teamId: c.teamId,
        kind: c.kind,
        channel: c.channel,
      },
      { aggregateId: c.id },
    );
  }

  private save(m: EntityManager, c: Case): Promise<Case> {
    return m.getRepository(Case).save(c);
  }

  private async validateCodes(s: ServiceDeskSettings, values: { category?: string | null; rootCause?: string | null }) {
    const errors = [];
    if (values.category && !s.categories.includes(values.category))
      errors.push({ field: 'category', message: `must be one of the configured categories: ${s.categories.join(', ')}` });
    if (values.rootCause && !s.rootCauses.includes(values.rootCause))
      errors.push({ field: 'rootCause', message: `must be one of the configured root causes: ${s.rootCauses.join(', ')}` });
    if (errors.length) throw new ValidationError(errors);
  }

  /** Open a case: triage, routing, SLA clock, acknowledgement to the customer. */
  async create(actor: Actor, input: NewCase, manager?: EntityManager): Promise<Case> {
    const s = await this.settings();
    await this.validateCodes(s, input);
    // In the caller's transaction when given one (an event handler's, for exactly-once effects).
    const tx = <T>(fn: (m: EntityManager) => Promise<T>) =>
      manager ? (manager.queryRunner?.isTransactionActive ? fn(manager) : manager.transaction(fn)) : this.tx(fn);
    return tx(async (m) => {
      const customer = await m.getRepository(Customer).findOneBy({ id: input.customerId });
      if (!customer) throw new ValidationError([{ field: 'customerId', message: `no customer ${input.customerId}` }]);
      const teamId = input.teamId ?? s.defaultTeamId;
      if (input.teamId && !(await m.getRepository(Team).existsBy({ id: input.teamId })))
        throw new ValidationError([{ field: 'teamId', message: `no team ${input.teamId}` }]);
      if (input.assigneeId && !(await isActiveStaff(m, input.assigneeId)))
        throw new ValidationError([{ field: 'assigneeId', message: `no active staff user ${input.assigneeId}` }]);
      let productId: string | null = null;
      if (input.purchaseId) {
        const purchase = await m.getRepository(Purchase).findOneBy({ id: input.purchaseId, customerId: customer.id });
        if (!purchase) throw new ValidationError([{ field: 'purchaseId', message: `no purchase ${input.purchaseId} of this customer` }]);
        productId = (await m.getRepository(ProductModel).findOneBy({ id: purchase.modelId }))?.productId ?? null;
      }
      const severity = triageSeverity({ ...input, requested: input.severity, seriousKeywords: s.seriousKeywords });
      const now = this.d.now();
      const by = actorKey(actorRef(actor));
      const repo = m.getRepository(Case);
      const assigneeId = input.assigneeId ?? (teamId ? await chooseAssignee(m, teamId, severity) : null);
      const c = repo.create({
        kind: input.kind,
        channel: input.channel,
        severity,
        status: 'new',
        subject: input.subject.trim(),
        description: input.description.trim(),
        customerId: customer.id,
        purchaseId: input.purchaseId ?? null,
        teamId: teamId && (await m.getRepository(Team).existsBy({ id: teamId })) ? teamId : null,
        assigneeId,
        category: input.category ?? null,
        createdBy: by,
        createdAt: now,
        updatedAt: now,
      });
      await repo.save(c);
      await this.d.states.recordCreated(m, caseMachine, c.id, { actor: actorFromKey(by), at: now });
      const view = await this.d.sla.startClock(
        m,
        'service-desk',
        caseSubject(c.id),
        {
          kind: c.kind,
          severity,
          channel: c.channel,
          customerTier: customer.tier,
          productId,
        },
        now,
      );
      this.mirror(c, view);
      await this.d.audit.record(m, {
        action: 'case.create',
        objectType: 'Case',
        objectId: c.id,
        after: { kind: c.kind, channel: c.channel, severity, teamId: c.teamId, assigneeId },
      });
      await this.d.events.publish(
        m,
        caseOpened,
        {
          caseId: c.id,
          reference: reference(c),
          customerId: c.customerId,
          kind: c.kind,
          channel: c.channel,
          severity,
          purchaseId: c.purchaseId,
          source: input.source ?? null,
        },
        { aggregateId: c.id },
      );
      if (c.teamId || assigneeId) {
        await this.d.events.publish(
          m,
          caseAssigned,
          { caseId: c.id, teamId: c.teamId, assigneeId, automatic: !input.assigneeId },
          { aggregateId: c.id },
        );
      }
      await this.d.notifications.enqueue(m, {
        to: customer.email,
        template: 'service-desk.case.acknowledged',
        locale: customer.locale,
        data: { customerName: customer.name, reference: reference(c), subject: c.subject },
      });
      return this.save(m, c);
    });
  }

  private async addMessage(m: EntityManager, c: Case, kind: MessageKind, body: string, actor: Actor): Promise<CaseMessage> {
    const ref = actorRef(actor);
    let display = ref.display;
    if (ref.kind === 'staff' && ref.id) display = (await m.getRepository(StaffUser).findOneBy({ id: ref.id }))?.name ?? display;
    return m.getRepository(CaseMessage).save({
      caseId: c.id,
      kind,
      body,
      authorKind: ref.kind,
      authorId: ref.id,
      authorDisplay: display,
      createdAt: this.d.now(),
    });
  }

  /** A public reply to the customer: counts as a response for the SLA and opens a new case. */
  async reply(actor: Actor, caseId: string, input: { body?: string | null; cannedResponseId?: string | null }): Promise<CaseMessage> {
    return this.tx(async (m) => {
      const c = await this.lock(m, caseId);
      if (!OPEN.has(c.status)) {
        throw new ConflictError(`Case ${reference(c)} is ${c.status}: reopen it before replying.`, { status: c.status });
      }
      const customer = await this.customerOf(m, c);
      const ref = actorRef(actor);
      const agent = ref.kind === 'staff' && ref.id ? await m.getRepository(StaffUser).findOneBy({ id: ref.id }) : null;
      let body = input.body?.trim() ?? '';
      if (input.cannedResponseId) {
        const canned = await m.getRepository(CannedResponse).findOneBy({ id: input.cannedResponseId });
        if (!canned) throw new ValidationError([{ field: 'cannedResponseId', message: `no canned response ${input.cannedResponseId}` }]);
        const filled = renderPlaceholders(canned.body, {
          'customer.name': customer.name,
          'case.reference': reference(c),
          'case.subject': c.subject,
          'agent.name': agent?.name ?? 'Customer service',
        });
        body = body ? `${filled}\n\n${body}` : filled;
      }
      if (!body) throw new ValidationError([{ field: 'body', message: 'write a reply or choose a canned response' }]);
      const message = await this.addMessage(m, c, 'reply', body, actor);
      const now = this.d.now();
      if (c.status === 'new') await this.move(m, c, 'open', actorKey(ref), { notify: false });
      await this.sla(m, c, 'agent_public_reply', now);
      c.staffReplyCount += 1;
      c.firstResponseAt ??= now;
      await this.d.audit.record(m, { action: 'case.reply', objectType: 'Case', objectId: c.id, metadata: { messageId: message.id } });
      await this.d.notifications.enqueue(m, {
        to: customer.email,
        template: 'service-desk.case.replied',
        locale: customer.locale,
        data: { customerName: customer.name, reference: reference(c), body, agentName: agent?.name ?? 'Customer service' },
      });
      await this.save(m, c);
      return message;
    });
  }

  /** An internal note: never shown to the customer, never a response for the SLA. */
  async note(actor: Actor, caseId: string, body: string): Promise<CaseMessage> {
    return this.tx(async (m) => {
      const c = await this.lock(m, caseId);
      if (c.status === 'merged') throw new ConflictError(`Case ${reference(c)} was merged: add the note to the case it was merged into.`);
      const message = await this.addMessage(m, c, 'note', body.trim(), actor);
      if (OPEN.has(c.status)) await this.sla(m, c, 'internal_note', this.d.now());
      await this.d.audit.record(m, { action: 'case.note', objectType: 'Case', objectId: c.id, metadata: { messageId: message.id } });
      await this.save(m, c);
      return message;
    });
  }

  /**
   * The customer writes on their own case. A waiting case opens again; a resolved case within the
   * reopen window is reopened; a closed case is final (the customer submits a new one).
   */
  async customerReply(actor: Actor, customerId: string, caseId: string, body: string): Promise<CaseMessage> {
    const s = await this.settings();
    return this.tx(async (m) => {
      const c = await m.getRepository(Case).findOne({ where: { id: caseId, customerId }, lock: { mode: 'pessimistic_write' } });
      if (!c) throw new NotFoundError('Case', caseId);
      const by = `customer:${customerId}`;
      if (c.status === 'closed' || c.status === 'merged') {
        throw new ConflictError(`Request ${reference(c)} is closed: submit a new request and mention ${reference(c)}.`, {
          status: c.status,
        });
      }
      if (c.status === 'resolved') {
        this.checkReopenWindow(c, s);
        await this.reopenLocked(m, c, by, 'customer replied');
      }
      const message = await this.addMessage(m, c, 'customer', body.trim(), actor);
      if (c.status === 'waiting_on_customer') await this.move(m, c, 'open', by, { notify: false });
      await this.sla(m, c, 'customer_message', this.d.now());
      await this.save(m, c);
      return message;
    });
  }

  /**
   * The customer closes their own case: a resolved case is closed (they accept the resolution); an
   * open one is withdrawn — resolved with the note that the customer closed it, then closed. Final.
   */
  async customerClose(actor: Actor, customerId: string, caseId: string): Promise<Case> {
    return this.tx(async (m) => {
      const c = await m.getRepository(Case).findOne({ where: { id: caseId, customerId }, lock: { mode: 'pessimistic_write' } });
      if (!c || c.status === 'merged') throw new NotFoundError('Case', caseId);
      if (c.status === 'closed') throw new ConflictError(`Request ${reference(c)} is closed already.`, { status: c.status });
      const by = `customer:${customerId}`;
      if (c.status !== 'resolved') {
        const now = this.d.now();
        await this.move(m, c, 'resolved', by, { notify: false });
        c.outcome = 'resolved';
        c.resolutionNote = 'Closed by the customer.';
        c.resolvedAt = now;
        c.firstResolvedAt ??= now;
        c.resolutionBusinessMinutes = await this.openMinutes(m, c.id);
        await this.publishResolved(m, c);
      }
      await this.move(m, c, 'closed', by, { notify: false });
      await this.d.audit.record(m, { action: 'case.closeByCustomer', objectType: 'Case', objectId: c.id });
      return this.save(m, c);
    });
  }

  /** The customer reopens their own resolved case within the reopen window. */
  async customerReopen(actor: Actor, customerId: string, caseId: string): Promise<Case> {
    await this.forCustomer(customerId, caseId);
    return this.reopen(actor, caseId, 'customer reopened');
  }

  /** Until when a resolved case can be reopened (null when it is not resolved). */
  async reopenableUntil(c: Case): Promise<Date | null> {
    if (c.status !== 'resolved' || !c.resolvedAt) return null;
    const s = await this.settings();
    return new Date(c.resolvedAt.getTime() + s.reopenWindowDays * 86_400_000);
  }

  /** Change the state by hand: open, waiting on customer / third party, closed (resolve and reopen have their own operations). */
  async changeStatus(actor: Actor, caseId: string, to: CaseStatus): Promise<Case> {
    if (to === 'resolved')
      throw new ValidationError([{ field: 'status', message: 'use resolveCase, which records the outcome, category and root cause' }]);
    if (to === 'merged') throw new ValidationError([{ field: 'status', message: 'use mergeCases to merge a duplicate into another case' }]);
    return this.tx(async (m) => {
      const c = await this.lock(m, caseId);
      if (c.status === 'resolved' && to === 'open') {
        throw new ValidationError([{ field: 'status', message: 'use reopenCase to reopen a resolved case' }]);
      }
      await this.move(m, c, to, actorKey(actorRef(actor)));
      return this.save(m, c);
    });
  }

  /** Resolve with an outcome; category and root cause come from the configured lists. */
  async resolve(actor: Actor, caseId: string, input: Resolution): Promise<Case> {
    const s = await this.settings();
    await this.validateCodes(s, input);
    return this.tx(async (m) => {
      const c = await this.lock(m, caseId);
      const errors = [];
      if (input.outcome === 'no_action') {
        if (c.severity !== 'general')
          errors.push({ field: 'outcome', message: `only general cases can be closed without action; this one is ${c.severity}` });
        if (!input.note?.trim()) errors.push({ field: 'note', message: 'say why no action is needed' });
      } else {
        if (!(input.category ?? c.category)) errors.push({ field: 'category', message: 'choose a category to resolve the case' });
        if (!input.rootCause) errors.push({ field: 'rootCause', message: 'choose a root cause to resolve the case' });
      }
      if (input.outcome === 'unfounded' && c.staffReplyCount === 0) {
        errors.push({ field: 'outcome', message: 'contact the customer (a public reply) before recording the case as unfounded' });
      }
      if (errors.length) throw new ValidationError(errors);
      const before = { status: c.status, outcome: c.outcome };
      await this.move(m, c, 'resolved', actorKey(actorRef(actor)));
      const now = this.d.now();
      c.outcome = input.outcome;
      c.category = input.category ?? c.category;
      c.rootCause = input.rootCause ?? null;
      c.resolutionNote = input.note?.trim() || null;
      c.resolvedAt = now;
      c.firstResolvedAt ??= now;
      c.resolutionBusinessMinutes = await this.openMinutes(m, c.id);
      await this.d.audit.record(m, {
        action: 'case.resolve',
        objectType: 'Case',
        objectId: c.id,
        before,
        after: { status: c.status, outcome: c.outcome, category: c.category, rootCause: c.rootCause },
      });
      await this.publishResolved(m, c);
      return this.save(m, c);
    });
  }

  /** Business minutes the case has been open so far, from its SLA clock's history and calendar. */
  async openMinutes(m: EntityManager, caseId: string): Promise<number | null> {
    const clock = await m.getRepository(SlaClockRecord).findOneBy(caseSubject(caseId));
    if (!clock) return null;
    const policy = await m.getRepository(SlaPolicyRecord).findOne({ where: { id: clock.policyId }, relations: { calendar: true } });
    if (!policy) return null;
    return openBusinessMinutes(
      toCalendar(policy.calendar),
      clock.events.map((e) => ({ type: e.type, at: new Date(e.at) })),
    );
  }

  private checkReopenWindow(c: Case, s: ServiceDeskSettings): void {
    const limit = c.resolvedAt ? c.resolvedAt.getTime() + s.reopenWindowDays * 86_400_000 : 0;
    if (this.d.now().getTime() > limit) {
      throw new ConflictError(
        `Case ${reference(c)} was resolved more than ${s.reopenWindowDays} days ago and can no longer be reopened: open a new case.`,
        { reopenWindowDays: s.reopenWindowDays },
      );
    }
  }

  private async reopenLocked(m: EntityManager, c: Case, by: string, reason: string): Promise<void> {
    await this.move(m, c, 'open', by, { reason });
    c.reopenCount += 1;
    c.resolvedAt = null;
    c.outcome = null;
    await this.d.audit.record(m, { action: 'case.reopen', objectType: 'Case', objectId: c.id, metadata: { reason } });
  }

  /** Reopen a resolved case within the reopen window; the SLA clock continues with the remaining budget. */
  async reopen(actor: Actor, caseId: string, reason: string): Promise<Case> {
    const s = await this.settings();
    return this.tx(async (m) => {
      const c = await this.lock(m, caseId);
      if (c.status !== 'resolved') {
        // Reopening is the step resolved → open; from a final state that step does not exist at all.
        if (!allowedTransitions(c.status).length) caseMachine.check(c.status, 'open');
        throw new ConflictError(`Case ${reference(c)} is ${c.status}, not resolved: only resolved cases are reopened.`, {
          status: c.status,
        });
      }
      this.checkReopenWindow(c, s);
      await this.reopenLocked(m, c, actorKey(actorRef(actor)), reason);
      return this.save(m, c);
    });
  }

  /** Assign to a team and/or an agent; `auto` lets the team's mode (or supervisor routing) choose the agent. */
  async assign(actor: Actor, caseId: string, input: { teamId?: string | null; assigneeId?: string | null; auto?: boolean }): Promise<Case> {
    return this.tx(async (m) => {
      const c = await this.lock(m, caseId);
      if (!OPEN.has(c.status)) throw new ConflictError(`Case ${reference(c)} is ${c.status}: only open cases can be assigned.`);
      const before = { teamId: c.teamId, assigneeId: c.assigneeId };
      if (input.teamId !== undefined) {
        if (input.teamId && !(await m.getRepository(Team).existsBy({ id: input.teamId })))
          throw new ValidationError([{ field: 'teamId', message: `no team ${input.teamId}` }]);
        c.teamId = input.teamId;
      }
      if (input.auto) {
        if (!c.teamId)
          throw new ValidationError([{ field: 'auto', message: 'give the case a team first: auto-assignment works per team' }]);
        c.assigneeId = await chooseAssignee(m, c.teamId, c.severity);
      } else if (input.assigneeId !== undefined) {
        if (input.assigneeId && !(await isActiveStaff(m, input.assigneeId)))
          throw new ValidationError([{ field: 'assigneeId', message: `no active staff user ${input.assigneeId}` }]);
        c.assigneeId = input.assigneeId;
      }
      await this.d.audit.record(m, {
        action: 'case.assign',
        objectType: 'Case',
        objectId: c.id,
        before,
        after: { teamId: c.teamId, assigneeId: c.assigneeId },
      });
      await this.d.events.publish(
        m,
        caseAssigned,
        { caseId: c.id, teamId: c.teamId, assigneeId: c.assigneeId, automatic: !!input.auto },
        { aggregateId: c.id },
      );
      return this.save(m, c);
    });
  }

  /**
   * Change the severity (the SLA policy is chosen again; a case that becomes serious goes to a
   * supervisor) and, when given, the category, which must be one of the configured ones.
   */
  async triage(actor: Actor, caseId: string, severity: CaseSeverity, category?: string): Promise<Case> {
    if (category !== undefined) {
      if (!category) throw new ValidationError([{ field: 'category', message: 'choose one of the configured categories' }]);
      await this.validateCodes(await this.settings(), { category });
    }
    return this.tx(async (m) => {
      const c = await this.lock(m, caseId);
      if (!OPEN.has(c.status)) throw new ConflictError(`Case ${reference(c)} is ${c.status}: severity can change only while it is open.`);
      await this.setSeverity(m, c, severity);
      if (category !== undefined && category !== c.category) {
        await this.d.audit.record(m, {
          action: 'case.categorize',
          objectType: 'Case',
          objectId: c.id,
          before: { category: c.category },
          after: { category },
        });
        c.category = category;
      }
      return this.save(m, c);
    });
  }

  private async setSeverity(m: EntityManager, c: Case, severity: CaseSeverity): Promise<void> {
    const before = c.severity;
    if (before === severity) return;
    c.severity = severity;
    this.mirror(c, await this.d.sla.changeAttributes(m, caseSubject(c.id), { severity }));
    if (routeFor(severity) === 'supervisors' && c.teamId && !(c.assigneeId && (await isSupervisorOf(m, c.teamId, c.assigneeId)))) {
      c.assigneeId = (await chooseAssignee(m, c.teamId, severity)) ?? c.assigneeId;
    }
    await this.d.audit.record(m, {
      action: 'case.triage',
      objectType: 'Case',
      objectId: c.id,
      before: { severity: before },
      after: { severity },
    });
  }

  /**
   * Merge a duplicate into another case of the same customer: its conversation, attachments and
   * compensation move over, and the duplicate ends as `merged`.
   */
  async merge(actor: Actor, sourceId: string, targetId: string): Promise<Case> {
    if (sourceId === targetId) throw new ValidationError([{ field: 'targetId', message: 'a case cannot be merged into itself' }]);
    return this.tx(async (m) => {
      // Lock in id order so two opposite merges cannot deadlock.
      const [first, second] = [sourceId, targetId].sort();
      const locked = new Map([
        [first!, await this.lock(m, first!)],
        [second!, await this.lock(m, second!)],
      ]);
      const source = locked.get(sourceId)!;
      const target = locked.get(targetId)!;
      if (source.customerId !== target.customerId) {
        throw new ValidationError([{ field: 'targetId', message: 'only cases of the same customer can be merged' }]);
      }
      if (!OPEN.has(target.status)) {
        throw new ConflictError(`Case ${reference(target)} is ${target.status}: merge into an open case.`);
      }
      const by = actorKey(actorRef(actor));
      await this.move(m, source, 'merged', by, { notify: false });
      source.mergedIntoId = target.id;
      await m.getRepository(CaseMessage).update({ caseId: source.id }, { caseId: target.id });
      await m.getRepository(CaseAttachment).update({ caseId: source.id }, { caseId: target.id });
      await m.getRepository(Compensation).update({ caseId: source.id }, { caseId: target.id });
      await this.addMessage(
        m,
        target,
        'note',
        `${reference(source)} ("${source.subject}") was merged into this case.\n\n${source.description}`,
        actor,
      );
      await this.d.audit.record(m, { action: 'case.merge', objectType: 'Case', objectId: source.id, after: { mergedIntoId: target.id } });
      await this.save(m, source);
      return this.save(m, target);
    });
  }

  /** Open cases of the same customer (and the same purchase, when the case has one), other than `c`. */
  async duplicatesOf(m: EntityManager, cases: Case[]): Promise<Map<string, Case[]>> {
    const out = new Map<string, Case[]>(cases.map((c) => [c.id, []]));
    if (!cases.length) return out;
    const candidates = await m.getRepository(Case).find({
      where: { customerId: In([...new Set(cases.map((c) => c.customerId))]), status: In([...OPEN_STATUSES]) },
      order: { createdAt: 'ASC' },
    });
    for (const c of cases) {
      out.set(
        c.id,
        candidates.filter(
          (o) => o.id !== c.id && o.customerId === c.customerId && (!c.purchaseId || !o.purchaseId || o.purchaseId === c.purchaseId),
        ),
      );
    }
    return out;
  }

  /**
   * Escalate a case whose SLA target passed its due date: mark it breached, notify the team's
   * supervisors and optionally raise the severity. Runs on core's `core.sla.breached` event; escalates
   * once per due date however often it runs. Returns whether it escalated.
   */
  async checkBreach(caseId: string): Promise<boolean> {
    const s = await this.settings();
    return this.tx(async (m) => {
      const c = await m.getRepository(Case).findOne({ where: { id: caseId }, lock: { mode: 'pessimistic_write' } });
      if (!c || !OPEN.has(c.status)) return false;
      const view = await this.d.sla.clock(caseSubject(c.id), m);
      if (!view) return false;
      const now = this.d.now();
      const breached = Object.values(view.targets).filter(
        (t) => t.dueAt && !t.metAt && t.dueAt <= now && (t.status === 'running' || t.status === 'breached'),
      );
      if (!breached.length) return false;
      const dueAt = new Date(Math.min(...breached.map((t) => t.dueAt!.getTime())));
      if (c.escalatedAt && c.escalatedAt >= dueAt) return false;
      c.slaBreached = true;
      c.escalatedAt = now;
      if (s.breachRaisesSeverity) await this.setSeverity(m, c, raiseSeverity(c.severity));
      const supervisors: Array<{ email: string }> = c.teamId
        ? await m.query(
            `SELECT u.email FROM service_desk_team_member tm JOIN staff_user u ON u.id = tm.staff_user_id
              WHERE tm.team_id = $1 AND tm.supervisor AND u.active ORDER BY u.email`,
            [c.teamId],
          )
        : [];
      for (const sup of supervisors) {
        await this.d.notifications.enqueue(m, {
          to: sup.email,
          template: 'service-desk.case.breached',
          locale: 'en',
          data: { reference: reference(c), severity: c.severity, dueAt: dueAt.toISOString() },
        });
      }
      await this.d.audit.record(m, {
        action: 'case.escalate',
        objectType: 'Case',
        objectId: c.id,
        actor: { kind: 'system', id: null, display: 'sla' },
        metadata: { dueAt: dueAt.toISOString() },
      });
      await this.d.events.publish(
        m,
        caseBreached,
        { caseId: c.id, reference: reference(c), severity: c.severity, dueAt: dueAt.toISOString() },
        { aggregateId: c.id },
      );
      await m.getRepository(Case).save(c);
      return true;
    });
  }

  /** Close resolved cases whose reopen window has passed (the daily sweep). */
  async closeExpired(): Promise<number> {
    const s = await this.settings();
    const cutoff = new Date(this.d.now().getTime() - s.reopenWindowDays * 86_400_000);
    const rows: Array<{ id: string }> = await this.d.db.manager.query(
      `SELECT id FROM service_desk_case WHERE status = 'resolved' AND resolved_at < $1 LIMIT 1000`,
      [cutoff],
    );
    for (const { id } of rows) {
      await this.tx(async (m) => {
        const c = await this.lock(m, id);
        if (c.status !== 'resolved') return;
        await this.move(m, c, 'closed', 'system', { notify: false });
        await m.getRepository(Case).save(c);
      });
    }
    return rows.length;
  }

  /** Object-level check for customers: their own case or NOT_FOUND. */
  async forCustomer(customerId: string, caseId: string): Promise<Case> {
    const c = await this.d.db.getRepository(Case).findOneBy({ id: caseId, customerId, status: Not('merged') });
    if (!c) throw new NotFoundError('Case', caseId);
    return c;
  }

  /** A case for staff, or NOT_FOUND. */
  async get(caseId: string): Promise<Case> {
    const c = await this.d.db.getRepository(Case).findOneBy({ id: caseId });
    if (!c) throw new NotFoundError('Case', caseId);
    return c;
  }

  /** The states a case can move to from its current one (shown as buttons in the console). */
  nextStates(c: Case): readonly CaseStatus[] {
    return allowedTransitions(c.status);
  }
}
