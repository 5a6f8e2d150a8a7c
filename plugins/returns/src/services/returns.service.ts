import {
  type Actor,
  BusinessCalendarRecord,
  clampWindow,
  ConflictError,
  Customer,
  findPage,
  NotFoundError,
  type Page,
  type PageWindow,
  type PluginContext,
  Product,
  ProductModel,
  Purchase,
  SlaPolicyRecord,
  actorRef,
  idempotent,
  InvalidTransitionError,
  ValidationError,
  validId,
} from '@aftercare/core';
import { DateTime } from 'luxon';
import { type EntityManager, In, IsNull, Not } from 'typeorm';
import {
  type ConditionGrade,
  type DeclineReason,
  type Disposition,
  type LegalBasis,
  REFUND_DEADLINE_SUBJECT,
  type RefundMethod,
  type Resolution,
  type ReturnStatus,
  type ShippingPayer,
  returnMachine,
} from '../domain.js';
import { ReturnsCustomerSignal } from '../entities/customer-signal.entity.js';
import { ReturnLine } from '../entities/return-line.entity.js';
import { ReturnPolicy } from '../entities/return-policy.entity.js';
import { ReturnReason } from '../entities/return-reason.entity.js';
import { ReturnRefund } from '../entities/return-refund.entity.js';
import { ReturnRequest } from '../entities/return-request.entity.js';
import {
  lineNonconformityReported,
  refundResultRecorded,
  returnClosed,
  returnRefunded,
  returnRequested,
  returnStatusChanged,
} from '../events.js';
import type { ReturnsSettings } from '../settings.js';
import { type BasisResult, choosePolicy, computeBasis, computeRefund, safeZone } from './rules.js';
import { returnSlipPdf } from './slip.js';

/** One line of a new return request. */
export interface NewLineFields {
  purchaseId: string;
  quantity?: number | null;
  reasonId?: string | null;
  comment?: string | null;
  requestedResolution?: Resolution | null;
  exchangeModelId?: string | null;
}

/** A new return request (staff give the customer; customers are taken from the session). */
export interface NewReturnFields {
  customerId?: string | null;
  lines: NewLineFields[];
  /** The customer withdraws from the contract (EU withdrawal function). */
  withdrawal?: boolean;
  /** Contract details the customer gave in the withdrawal form (order number, items, name). */
  statement?: string | null;
}

/** Filter of the returns inbox. */
export interface ReturnFilter {
  status?: ReturnStatus | null;
  customerId?: string | null;
  /** Inbox views: to_approve, awaiting_item, to_inspect, to_refund, overdue_refund. */
  view?: string | null;
  search?: string | null;
}

/** Policy fields as saved. */
export type PolicyFields = Partial<Omit<ReturnPolicy, 'id' | 'version' | 'createdAt' | 'updatedAt'>> & { id?: string | null; name: string };

/** What a customer or agent sees before committing to a return of one purchase. */
export interface Eligibility {
  purchaseId: string;
  eligible: boolean;
  legalBasis: LegalBasis | null;
  explanation: string;
  deadlineAt: Date | null;
  withdrawalPossible: boolean;
  withdrawalDeadlineAt: Date | null;
  refundMethods: RefundMethod[];
  returnShipping: ShippingPayer | null;
  keepItem: boolean;
  policyName: string | null;
}

/** One abuse signal shown to the reviewer (never decided automatically). */
export interface AbuseSignal {
  code: string;
  message: string;
  value: number;
}

const OPEN_STATUSES: ReturnStatus[] = ['requested', 'approved', 'awaiting_item', 'received', 'inspected'];
const REFUND_POLICY_NAME = 'Withdrawal refund deadline (EU, 14 days)';
const TEXT_MAX = 2000;
const MAX_LINES = 50;
const MAX_MINOR = 1_000_000_000;

function text(field: string, value: string | null | undefined, max = TEXT_MAX, required = false): string | null {
  const v = value?.trim() ?? '';
  if (!v) {
    if (required) throw new ValidationError([{ field, message: 'must not be empty' }]);
    return null;
  }
  if (v.length > max) throw new ValidationError([{ field, message: `at most ${max} characters` }]);
  return v;
}

function amount(field: string, value: number | null | undefined): number {
  const v = value ?? 0;
  if (!Number.isSafeInteger(v) || v < 0 || v > MAX_MINOR) {
    throw new ValidationError([{ field, message: `must be a whole number of minor units from 0 to ${MAX_MINOR}` }]);
  }
  return v;
}

/** The actor stored on rows: `staff:<id>`, `customer:<id>`, `apiKey:<id>`, `system`. */
export function actorKey(actor: Actor | null): string {
  if (!actor) return 'system';
  const ref = actorRef(actor);
  return ref.id ? `${ref.kind}:${ref.id}` : 'system';
}

/**
 * Every rule of returns: policies and reasons, eligibility and legal basis, the request's state
 * machine, receipt and inspection, refunds with idempotency and four-eyes approval, abuse signals.
 * Each mutation runs in one transaction.
 */
export class ReturnsService {
  constructor(private readonly ctx: PluginContext<ReturnsSettings>) {}

  private now(): Date {
    return this.ctx.clock.now();
  }

  // ---------------------------------------------------------------- policies and reasons

  /** Every policy, checked in this order. */
  policies(): Promise<ReturnPolicy[]> {
    return this.ctx.db.getRepository(ReturnPolicy).find({ order: { isDefault: 'ASC', priority: 'ASC', createdAt: 'ASC' } });
  }

  /** Create or update a policy; making one the default makes the others not. */
  async savePolicy(f: PolicyFields): Promise<ReturnPolicy> {
    const name = text('name', f.name, 200, true)!;
    const problems: Array<{ field: string; message: string }> = [];
    const int = (field: keyof PolicyFields, min: number, max: number) => {
      const v = f[field] as number | undefined | null;
      if (v == null) return;
      if (!Number.isSafeInteger(v) || v < min || v > max) problems.push({ field, message: `must be a whole number from ${min} to ${max}` });
    };
    int('priority', -100000, 100000);
    int('windowDays', 0, 3650);
    int('transitBufferDays', 0, 365);
    int('returnShippingFeeMinor', 0, MAX_MINOR);
    int('restockingFeePercent', 0, 100);
    int('restockingFeeMinMinor', 0, MAX_MINOR);
    int('keepItemBelowMinor', 0, MAX_MINOR);
    if (f.refundMethods && !f.refundMethods.length) problems.push({ field: 'refundMethods', message: 'offer at least one refund method' });
    if (f.jurisdiction != null && !/^[A-Z]{2,10}$/.test(f.jurisdiction)) {
      problems.push({ field: 'jurisdiction', message: 'use 2 to 10 capital letters, e.g. EU' });
    }
    if (f.conditionRequirements != null && f.conditionRequirements.length > TEXT_MAX) {
      problems.push({ field: 'conditionRequirements', message: `at most ${TEXT_MAX} characters` });
    }
    for (const c of f.categories ?? [])
      if (!c.trim() || c.length > 100) problems.push({ field: 'categories', message: '1 to 100 characters each' });
    if (problems.length) throw new ValidationError(problems);
    return this.ctx.db.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('returns.policy'))`);
      for (const id of f.modelIds ?? []) {
        if (!(await m.existsBy(ProductModel, { id: validId('Product model', id) }))) {
          throw new ValidationError([{ field: 'modelIds', message: `no product model ${id}` }]);
        }
      }
      const at = this.now();
      let row: ReturnPolicy;
      const { id: _id, ...fields } = f;
      if (f.id) {
        const existing = await m.findOne(ReturnPolicy, {
          where: { id: validId('Return policy', f.id) },
          lock: { mode: 'pessimistic_write' },
        });
        if (!existing) throw new NotFoundError('Return policy', f.id);
        row = m.merge(ReturnPolicy, existing, { ...fields, name, updatedAt: at });
      } else {
        row = m.create(ReturnPolicy, { ...fields, name, createdAt: at, updatedAt: at });
      }
      if (row.isDefault)
        await m.update(ReturnPolicy, f.id ? { isDefault: true, id: Not(f.id) } : { isDefault: true }, { isDefault: false });
      const saved = await m.save(row);
      await this.ctx.audit.record(m, {
        action: 'returnPolicy.save',
        objectType: 'ReturnPolicy',
        objectId: saved.id,
        after: { name: saved.name, priority: saved.priority, isDefault: saved.isDefault, windowDays: saved.windowDays },
      });
      return saved;
    });
  }

  /** The reason tree, as a flat list (parents before children, by position). */
  reasons(): Promise<ReturnReason[]> {
    return this.ctx.db.getRepository(ReturnReason).find({ order: { position: 'ASC', code: 'ASC' } });
  }

  /** Create or update a reason (by code). */
  async saveReason(f: {
    code: string;
    label: string;
    parentCode?: string | null;
    nonConformity?: boolean;
    active?: boolean;
    position?: number;
  }) {
    const code = text('code', f.code, 60, true)!;
    if (!/^[a-z][a-z0-9_]*$/.test(code)) throw new ValidationError([{ field: 'code', message: 'use lower-case letters, digits and _' }]);
    const label = text('label', f.label, 200, true)!;
    if (f.position != null && (!Number.isSafeInteger(f.position) || Math.abs(f.position) > 100000)) {
      throw new ValidationError([{ field: 'position', message: 'must be a whole number from -100000 to 100000' }]);
    }
    return this.ctx.db.transaction(async (m) => {
      let parentId: string | null = null;
      if (f.parentCode) {
        const parent = await m.findOneBy(ReturnReason, { code: f.parentCode });
        if (!parent) throw new ValidationError([{ field: 'parentCode', message: 'no such reason' }]);
        if (parent.code === code) throw new ValidationError([{ field: 'parentCode', message: 'a reason cannot be its own parent' }]);
        parentId = parent.id;
      }
      const existing = await m.findOne(ReturnReason, { where: { code }, lock: { mode: 'pessimistic_write' } });
      const row = m.merge(ReturnReason, existing ?? m.create(ReturnReason, { code }), {
        label,
        parentId,
        nonConformity: f.nonConformity ?? existing?.nonConformity ?? false,
        active: f.active ?? existing?.active ?? true,
        position: f.position ?? existing?.position ?? 0,
      });
      const saved = await m.save(row);
      await this.ctx.audit.record(m, {
        action: 'returnReason.save',
        objectType: 'ReturnReason',
        objectId: saved.id,
        after: { code, label },
      });
      return saved;
    });
  }

  // ---------------------------------------------------------------- eligibility and basis

  private async loadPurchaseContext(m: EntityManager, purchase: Purchase) {
    const model = await m.findOneByOrFail(ProductModel, { id: purchase.modelId });
    const product = await m.findOneBy(Product, { id: model.productId });
    const policies = await m.find(ReturnPolicy);
    const policy = choosePolicy(policies, purchase.modelId, product?.category ?? null);
    // Split delivery: the period runs from the last item of the same order.
    let possessionAt = purchase.deliveredAt;
    if (purchase.orderReference) {
      const [row] = await m.query(
        `SELECT max(delivered_at) AS last, bool_or(delivered_at IS NULL) AS pending FROM purchase WHERE customer_id = $1 AND order_reference = $2`,
        [purchase.customerId, purchase.orderReference],
      );
      possessionAt = row.pending ? null : row.last ? new Date(row.last) : null;
    }
    return { model, policy, possessionAt };
  }

  private async basisFor(m: EntityManager, purchase: Purchase, zone: string, nonConformity: boolean, withdrawalAsked: boolean) {
    const { policy, possessionAt } = await this.loadPurchaseContext(m, purchase);
    const { legalGuaranteeMonths } = await this.ctx.settings.get();
    const result = computeBasis({
      now: this.now(),
      zone,
      channel: purchase.channel,
      purchasedAt: purchase.purchasedAt,
      deliveredAt: purchase.deliveredAt,
      possessionAt,
      nonConformity,
      withdrawalAsked,
      policy,
      guaranteeMonths: legalGuaranteeMonths,
    });
    return { result, policy };
  }

  /** Whether a purchase can be returned now, on which basis, until when, and how it would be paid back. */
  async eligibility(purchaseId: string, customerId: string | null): Promise<Eligibility> {
    const m = this.ctx.db.manager;
    const purchase = await m.findOneBy(Purchase, { id: validId('Purchase', purchaseId) });
    if (!purchase || (customerId && purchase.customerId !== customerId)) throw new NotFoundError('Purchase', purchaseId);
    const customer = await m.findOneByOrFail(Customer, { id: purchase.customerId });
    const zone = safeZone(customer.timeZone);
    const { result, policy } = await this.basisFor(m, purchase, zone, false, false);
    const withdrawal = await this.basisFor(m, purchase, zone, false, true);
    const open = await this.openLineOf(m, purchase.id);
    const eligible = result.ok && !open;
    return {
      purchaseId: purchase.id,
      eligible,
      legalBasis: result.ok ? result.basis : null,
      explanation: open ? `The item is already in return ${open}.` : result.ok ? result.explanation : `Not returnable: ${result.reason}.`,
      deadlineAt: result.ok ? result.deadlineAt : null,
      withdrawalPossible: withdrawal.result.ok && !open,
      withdrawalDeadlineAt: withdrawal.result.ok ? withdrawal.result.deadlineAt : null,
      refundMethods: policy?.refundMethods ?? ['original'],
      returnShipping: policy?.returnShipping ?? null,
      keepItem: !!policy && policy.keepItemBelowMinor > 0 && purchase.priceMinor < policy.keepItemBelowMinor,
      policyName: policy?.name ?? null,
    };
  }

  private async openLineOf(m: EntityManager, purchaseId: string): Promise<string | null> {
    const rows: Array<{ reference: string }> = await m.query(
      `SELECT r.reference FROM returns_line l JOIN returns_request r ON r.id = l.request_id WHERE l.purchase_id = $1 AND r.status = ANY($2) LIMIT 1`,
      [purchaseId, OPEN_STATUSES],
    );
    return rows[0]?.reference ?? null;
  }

  // ---------------------------------------------------------------- requests

  /** One request; NOT_FOUND for an unknown or malformed id (or another customer's, when `customerId` is given). */
  async get(id: string, customerId: string | null = null): Promise<ReturnRequest> {
    const row = await this.ctx.db.getRepository(ReturnRequest).findOneBy({ id: validId(returnMachine.objectName, id) });
    if (!row || (customerId && row.customerId !== customerId)) throw new NotFoundError(returnMachine.objectName, id);
    return row;
  }

  /** The returns inbox: newest first, by state, customer or view. */
  list(filter: ReturnFilter, window: PageWindow): Promise<Page<ReturnRequest>> {
    const repo = this.ctx.db.getRepository(ReturnRequest);
    const now = this.now();
    const views: Record<string, object> = {
      to_approve: { status: 'requested' },
      awaiting_item: { status: 'awaiting_item' },
      to_inspect: { status: 'received' },
      to_refund: { status: In(['inspected', 'approved']) },
      overdue_refund: { status: In(OPEN_STATUSES), withdrawal: true },
    };
    if (filter.view && !(filter.view in views))
      throw new ValidationError([{ field: 'view', message: `one of ${Object.keys(views).join(', ')}` }]);
    const where = {
      status: filter.status ?? undefined,
      customerId: filter.customerId ? validId('Customer', filter.customerId) : undefined,
      ...(filter.view ? views[filter.view] : {}),
    };
    if (filter.view === 'overdue_refund') {
      const qb = repo
        .createQueryBuilder('r')
        .where('r.refund_due_at < :now', { now })
        .andWhere(`r.status NOT IN ('refunded','exchanged','credited','closed','declined','cancelled')`)
        .orderBy('r.refund_due_at', 'ASC')
        .addOrderBy('r.id', 'ASC');
      return qb
        .skip(clampWindow(window).skip)
        .take(clampWindow(window).take)
        .getManyAndCount()
        .then(([items, totalCount]) => ({ items, totalCount }));
    }
    return findPage(repo, {
      where,
      search: filter.search ? { term: filter.search, fields: ['reference'] } : undefined,
      order: { number: 'DESC' },
      ...window,
    } as never);
  }

  /** Lines of requests, for the loader. */
  linesOf(m: EntityManager, requestIds: readonly string[]): Promise<ReturnLine[]> {
    return m.find(ReturnLine, { where: { requestId: In([...requestIds]) }, order: { purchaseId: 'ASC', id: 'ASC' } });
  }

  /** Refunds of requests, for the loader. */
  refundsOf(m: EntityManager, requestIds: readonly string[]): Promise<ReturnRefund[]> {
    return m.find(ReturnRefund, { where: { requestId: In([...requestIds]) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /**
   * Request a return. Each line's legal basis is computed from the purchase, its delivery, the
   * reason and the policy; a withdrawal starts the 14-day refund clock and sends the acknowledgement.
   */
  async request(actor: Actor, f: NewReturnFields): Promise<ReturnRequest> {
    if (!f.lines?.length) throw new ValidationError([{ field: 'lines', message: 'give at least one line' }]);
    if (f.lines.length > MAX_LINES) throw new ValidationError([{ field: 'lines', message: `at most ${MAX_LINES} lines` }]);
    const statement = text('statement', f.statement);
    const withdrawal = !!f.withdrawal;
    const { referencePrefix, refundDeadlineWarningHours } = await this.ctx.settings.get();
    return this.ctx.db.transaction(async (m) => {
      const ownerId = actor.kind === 'customer' ? actor.customerId : f.customerId ? validId('Customer', f.customerId) : null;
      const seen = new Set<string>();
      const prepared: Array<{
        purchase: Purchase;
        reason: ReturnReason | null;
        basis: Extract<BasisResult, { ok: true }>;
        policy: ReturnPolicy | null;
        line: NewLineFields;
      }> = [];
      let customer: Customer | null = null;
      for (const [i, line] of f.lines.entries()) {
        const field = `lines.${i}`;
        const purchase = await m.findOne(Purchase, {
          where: { id: validId('Purchase', line.purchaseId) },
          lock: { mode: 'pessimistic_write' },
        });
        if (!purchase || (actor.kind === 'customer' && purchase.customerId !== ownerId)) {
          if (actor.kind === 'customer') throw new NotFoundError('Purchase', line.purchaseId);
          throw new ValidationError([{ field: `${field}.purchaseId`, message: 'no such purchase' }]);
        }
        if (ownerId && purchase.customerId !== ownerId) {
          throw new ValidationError([{ field: `${field}.purchaseId`, message: 'the purchase belongs to another customer' }]);
        }
        if (customer && purchase.customerId !== customer.id) {
          throw new ValidationError([{ field: `${field}.purchaseId`, message: 'all lines must be purchases of the same customer' }]);
        }
        customer ??= await m.findOneByOrFail(Customer, { id: purchase.customerId });
        if (seen.has(purchase.id))
          throw new ValidationError([{ field: `${field}.purchaseId`, message: 'the purchase is already on another line' }]);
        seen.add(purchase.id);
        if (prepared.length && prepared[0]!.purchase.currency !== purchase.currency) {
          throw new ValidationError([
            { field: `${field}.purchaseId`, message: 'all purchases of one return must be in the same currency' },
          ]);
        }
        const quantity = line.quantity ?? 1;
        if (quantity !== 1)
          throw new ValidationError([{ field: `${field}.quantity`, message: 'a purchase is one item: quantity must be 1' }]);
        text(`${field}.comment`, line.comment);
        let reason: ReturnReason | null = null;
        if (line.reasonId) {
          reason = await m.findOneBy(ReturnReason, { id: validId('Return reason', line.reasonId), active: true });
          if (!reason) throw new ValidationError([{ field: `${field}.reasonId`, message: 'no such reason' }]);
        } else if (!withdrawal) {
          throw new ValidationError([{ field: `${field}.reasonId`, message: 'choose a reason (only a withdrawal needs none)' }]);
        }
        if (line.exchangeModelId && !(await m.existsBy(ProductModel, { id: validId('Product model', line.exchangeModelId) }))) {
          throw new ValidationError([{ field: `${field}.exchangeModelId`, message: 'no such product model' }]);
        }
        if (line.requestedResolution === 'exchange' && !line.exchangeModelId) {
          throw new ValidationError([{ field: `${field}.exchangeModelId`, message: 'choose the model you want in exchange' }]);
        }
        const open = await this.openLineOf(m, purchase.id);
        if (open) throw new ValidationError([{ field: `${field}.purchaseId`, message: `the item is already in return ${open}` }]);
        const { result, policy } = await this.basisFor(m, purchase, safeZone(customer.timeZone), !!reason?.nonConformity, withdrawal);
        if (!result.ok) throw new ValidationError([{ field: `${field}.purchaseId`, message: `cannot be returned: ${result.reason}` }]);
        prepared.push({ purchase, reason, basis: result, policy, line });
      }
      if (!customer) throw new ValidationError([{ field: 'lines', message: 'give at least one line' }]);
      const at = this.now();
      const keepItem = prepared.every(
        (p) => !!p.policy && p.policy.keepItemBelowMinor > 0 && p.purchase.priceMinor < p.policy.keepItemBelowMinor,
      );
      const anyWithdrawal = prepared.some((p) => p.basis.basis === 'withdrawal');
      const inserted = await m.save(
        m.create(ReturnRequest, {
          reference: '',
          customerId: customer.id,
          status: returnMachine.initial,
          channel: actor.kind === 'customer' ? (withdrawal ? 'withdrawal_function' : 'portal') : 'staff',
          withdrawal,
          withdrawalStatement: null,
          withdrawalConfirmedAt: withdrawal ? at : null,
          refundDueAt: anyWithdrawal ? new Date(at.getTime() + 14 * 86_400_000) : null,
          keepItem,
          currency: prepared[0]!.purchase.currency,
          createdBy: actorKey(actor),
          createdAt: at,
          updatedAt: at,
        }),
      );
      inserted.reference = `${referencePrefix}-${inserted.number}`;
      const req = await m.save(inserted);
      const lines: ReturnLine[] = [];
      for (const p of prepared) {
        lines.push(
          await m.save(
            m.create(ReturnLine, {
              requestId: req.id,
              purchaseId: p.purchase.id,
              modelId: p.purchase.modelId,
              serialNumber: p.purchase.serialNumber,
              quantity: 1,
              reasonId: p.reason?.id ?? null,
              reasonCode: p.reason?.code ?? null,
              comment: text('comment', p.line.comment),
              requestedResolution: p.line.requestedResolution ?? 'refund',
              exchangeModelId: p.line.exchangeModelId ?? null,
              legalBasis: p.basis.basis,
              basisExplanation: p.basis.explanation,
              deadlineAt: p.basis.deadlineAt,
              policyId: p.policy?.id ?? null,
              priceMinor: p.purchase.priceMinor,
            }),
          ),
        );
      }
      await this.ctx.states.recordCreated(m, returnMachine, req.id, { at });
      await this.ctx.audit.record(m, {
        action: 'returnRequest.create',
        objectType: returnMachine.auditObjectType,
        objectId: req.id,
        after: { reference: req.reference, lines: lines.map((l) => ({ purchaseId: l.purchaseId, basis: l.legalBasis })), withdrawal },
      });
      await this.ctx.events.publish(
        m,
        returnRequested,
        { returnId: req.id, reference: req.reference, customerId: req.customerId, withdrawal },
        { aggregateId: req.id },
      );
      for (const l of lines.filter((x) => x.legalBasis === 'non_conformity')) {
        await this.ctx.events.publish(
          m,
          lineNonconformityReported,
          {
            returnId: req.id,
            returnLineId: l.id,
            customerId: req.customerId,
            purchaseId: l.purchaseId,
            serialNumber: l.serialNumber,
            modelId: l.modelId,
            reason: l.reasonCode ?? 'defect',
          },
          { aggregateId: req.id },
        );
      }
      if (anyWithdrawal) await this.startRefundClock(m, req.id, refundDeadlineWarningHours, at);
      if (!customer.anonymizedAt) {
        const zone = safeZone(customer.timeZone);
        const when = DateTime.fromJSDate(at, { zone }).toFormat('yyyy-MM-dd HH:mm:ss ZZZZ');
        const items = lines.map((l) => `- purchase ${l.purchaseId}${l.serialNumber ? ` (serial ${l.serialNumber})` : ''}`).join('\n');
        if (withdrawal) {
          const content = `Withdrawal from contract ${req.reference}\nConfirmed: ${when}\nItems:\n${items}${statement ? `\nDetails given: ${statement}` : ''}`;
          req.withdrawalStatement = content;
          await m.update(ReturnRequest, { id: req.id }, { withdrawalStatement: content });
          await this.ctx.notify.enqueue(m, {
            to: customer.email,
            template: 'withdrawal-acknowledgement',
            locale: customer.locale,
            data: { name: customer.name, reference: req.reference, when, content },
          });
        } else {
          await this.ctx.notify.enqueue(m, {
            to: customer.email,
            template: 'request-received',
            locale: customer.locale,
            data: { name: customer.name, reference: req.reference },
          });
        }
      }
      return m.findOneByOrFail(ReturnRequest, { id: req.id });
    });
  }

  /** The 14-day withdrawal refund deadline as an SLA clock on a 24/7 calendar (warning, then breach). */
  private async startRefundClock(m: EntityManager, requestId: string, warningHours: number, at: Date) {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('returns.refund-policy'))`);
    let policy = await m.findOneBy(SlaPolicyRecord, { name: REFUND_POLICY_NAME });
    if (!policy) {
      const calendar = await m.save(
        m.create(BusinessCalendarRecord, {
          name: 'Always (returns refund deadline)',
          timeZone: 'UTC',
          week: Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [d, [{ start: '00:00', end: '24:00' }]])),
          holidays: [],
        }),
      );
      policy = await m.save(
        m.create(SlaPolicyRecord, {
          name: REFUND_POLICY_NAME,
          priority: -1_000_000,
          active: true,
          isDefault: false,
          conditions: { kinds: [REFUND_DEADLINE_SUBJECT] } as never,
          resolutionMinutes: 14 * 24 * 60,
          warningLeadMinutes: warningHours * 60,
          calendarId: calendar.id,
        }),
      );
    }
    await this.ctx.sla.startClock(
      m,
      'returns',
      { subjectType: REFUND_DEADLINE_SUBJECT, subjectId: requestId },
      { kind: REFUND_DEADLINE_SUBJECT },
      at,
    );
  }

  private async stopRefundClock(m: EntityManager, req: ReturnRequest) {
    if (!req.refundDueAt) return;
    const subject = { subjectType: REFUND_DEADLINE_SUBJECT, subjectId: req.id };
    const clock = await this.ctx.sla.clock(subject, m);
    if (clock && !clock.closed) await this.ctx.sla.record(m, subject, 'resolved', this.now());
  }

  private move(
    m: EntityManager,
    id: string,
    to: ReturnStatus,
    opts: { expectedVersion?: number | null; reason?: string | null; patch?: Partial<ReturnRequest>; actor?: Actor | null } = {},
  ) {
    return this.ctx.states.transition(m, returnMachine, {
      entity: ReturnRequest,
      id,
      to,
      expectedVersion: opts.expectedVersion ?? null,
      reason: opts.reason ?? null,
      ...(opts.actor !== undefined ? { actor: opts.actor } : {}),
      patch: (_row, _from, at) => ({ ...opts.patch, updatedAt: at }),
      event: {
        type: returnStatusChanged,
        payload: (r, from) => ({ returnId: r.id, reference: r.reference, customerId: r.customerId, from, to: r.status }),
      },
    });
  }

  private async notifyCustomer(m: EntityManager, customerId: string, template: string, data: Record<string, unknown>) {
    const customer = await m.findOneBy(Customer, { id: customerId });
    if (!customer || customer.anonymizedAt) return;
    await this.ctx.notify.enqueue(m, { to: customer.email, template, locale: customer.locale, data: { name: customer.name, ...data } });
  }

  /** Approve: the customer gets a send-back date (or keeps the item). */
  async approve(id: string, expectedVersion?: number | null): Promise<ReturnRequest> {
    const rid = validId(returnMachine.objectName, id);
    const { sendBackDays } = await this.ctx.settings.get();
    return this.ctx.db.transaction(async (m) => {
      const { row } = await this.move(m, rid, 'approved', { expectedVersion });
      let sendBackBy: string | null = null;
      if (!row.keepItem) {
        const customer = await m.findOneByOrFail(Customer, { id: row.customerId });
        sendBackBy = DateTime.fromJSDate(this.now(), { zone: safeZone(customer.timeZone) })
          .plus({ days: sendBackDays })
          .toISODate();
        await this.move(m, rid, 'awaiting_item', { patch: { sendBackBy } });
      }
      await this.notifyCustomer(m, row.customerId, 'request-approved', {
        reference: row.reference,
        sendBackBy: sendBackBy ?? '',
        keepItem: row.keepItem ? 'yes' : '',
      });
      return m.findOneByOrFail(ReturnRequest, { id: rid });
    });
  }

  /** Decline with a reason from the list (and a note). */
  async decline(id: string, reason: DeclineReason, note: string | null, expectedVersion?: number | null): Promise<ReturnRequest> {
    const rid = validId(returnMachine.objectName, id);
    const why = text('note', note, 500);
    return this.ctx.db.transaction(async (m) => {
      const { row } = await this.move(m, rid, 'declined', {
        expectedVersion,
        reason: why ?? reason,
        patch: { declineReason: reason, outcome: 'declined' },
      });
      await this.stopRefundClock(m, row);
      await this.publishClosed(m, row);
      return row;
    });
  }

  /** Cancel before receipt; customers only their own requests. */
  async cancel(id: string, customerId: string | null, reason: string | null): Promise<ReturnRequest> {
    const rid = validId(returnMachine.objectName, id);
    const why = text('reason', reason, 500);
    return this.ctx.db.transaction(async (m) => {
      const existing = await m.findOneBy(ReturnRequest, { id: rid });
      if (!existing || (customerId && existing.customerId !== customerId)) throw new NotFoundError(returnMachine.objectName, id);
      const { row } = await this.move(m, rid, 'cancelled', { reason: why, patch: { outcome: 'cancelled' } });
      await this.stopRefundClock(m, row);
      return row;
    });
  }

  /** Carrier and tracking of the parcel on its way back. */
  async markShipped(id: string, carrier: string, trackingNumber: string): Promise<ReturnRequest> {
    const rid = validId(returnMachine.objectName, id);
    const c = text('carrier', carrier, 100, true);
    const t = text('trackingNumber', trackingNumber, 100, true);
    return this.ctx.db.transaction(async (m) => {
      const row = await m.findOne(ReturnRequest, { where: { id: rid }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw new NotFoundError(returnMachine.objectName, id);
      if (row.status !== 'awaiting_item') {
        throw new ConflictError(`The return is ${row.status}: only a return awaiting the item can be marked shipped.`, { field: 'id' });
      }
      await m.update(
        ReturnRequest,
        { id: rid },
        { carrier: c, trackingNumber: t, shippedAt: this.now(), updatedAt: this.now(), version: row.version + 1 },
      );
      await this.ctx.audit.record(m, {
        action: 'returnRequest.shipped',
        objectType: 'ReturnRequest',
        objectId: rid,
        after: { carrier: c },
      });
      return m.findOneByOrFail(ReturnRequest, { id: rid });
    });
  }

  /** Receive the parcel: quantities and the serial found on each item (checked against the one sold). */
  async receive(
    id: string,
    lines: Array<{ lineId: string; quantityReceived: number; quantityDamaged?: number | null; returnedSerial?: string | null }>,
    expectedVersion?: number | null,
  ): Promise<ReturnRequest> {
    const rid = validId(returnMachine.objectName, id);
    return this.ctx.db.transaction(async (m) => {
      const { row } = await this.move(m, rid, 'received', { expectedVersion, patch: { receivedAt: this.now() } });
      const own = await m.find(ReturnLine, { where: { requestId: rid }, lock: { mode: 'pessimistic_write' } });
      for (const [i, l] of lines.entries()) {
        const line = own.find((o) => o.id === l.lineId);
        if (!line) throw new ValidationError([{ field: `lines.${i}.lineId`, message: 'not a line of this return' }]);
        const damaged = l.quantityDamaged ?? 0;
        if (!Number.isSafeInteger(l.quantityReceived) || l.quantityReceived < 0 || l.quantityReceived > line.quantity) {
          throw new ValidationError([{ field: `lines.${i}.quantityReceived`, message: `from 0 to ${line.quantity}` }]);
        }
        if (!Number.isSafeInteger(damaged) || damaged < 0 || damaged > l.quantityReceived) {
          throw new ValidationError([{ field: `lines.${i}.quantityDamaged`, message: 'from 0 to the quantity received' }]);
        }
        const serial = text(`lines.${i}.returnedSerial`, l.returnedSerial, 100);
        await m.update(
          ReturnLine,
          { id: line.id },
          {
            quantityReceived: l.quantityReceived,
            quantityDamaged: damaged,
            returnedSerial: serial,
            serialMatches: serial && line.serialNumber ? serial.toUpperCase() === line.serialNumber.toUpperCase() : null,
            version: line.version + 1,
          },
        );
      }
      await this.notifyCustomer(m, row.customerId, 'item-received', { reference: row.reference });
      return row;
    });
  }

  /**
   * Inspect one line: grade, disposition, and for a withdrawal a justified diminished-value
   * deduction. The line's version guards concurrent inspections; when every line is inspected the
   * request moves to inspected.
   */
  async inspectLine(f: {
    lineId: string;
    expectedVersion?: number | null;
    conditionGrade: ConditionGrade;
    disposition: Disposition;
    note?: string | null;
    diminishedValueMinor?: number | null;
    diminishedValueReason?: string | null;
  }): Promise<ReturnLine> {
    const lid = validId('Return line', f.lineId);
    const note = text('note', f.note);
    const diminished = amount('diminishedValueMinor', f.diminishedValueMinor);
    const why = text('diminishedValueReason', f.diminishedValueReason, 1000);
    return this.ctx.db.transaction(async (m) => {
      const line = await m.findOne(ReturnLine, { where: { id: lid }, lock: { mode: 'pessimistic_write' } });
      if (!line) throw new NotFoundError('Return line', f.lineId);
      if (f.expectedVersion != null && f.expectedVersion !== line.version) {
        throw new ConflictError(`The line was changed since you read it (version ${line.version}): reload and inspect again.`, {
          field: 'expectedVersion',
          currentVersion: line.version,
        });
      }
      const req = await m.findOne(ReturnRequest, { where: { id: line.requestId }, lock: { mode: 'pessimistic_write' } });
      if (!req || req.status !== 'received') {
        throw new ConflictError(`Only a received return can be inspected (this one is ${req?.status}).`, { field: 'lineId' });
      }
      if (diminished > 0) {
        if (line.legalBasis !== 'withdrawal') {
          throw new ValidationError([
            { field: 'diminishedValueMinor', message: 'a diminished-value deduction applies only to withdrawal lines' },
          ]);
        }
        if (!why) throw new ValidationError([{ field: 'diminishedValueReason', message: 'state why the value diminished' }]);
        if (diminished > line.priceMinor)
          throw new ValidationError([{ field: 'diminishedValueMinor', message: 'cannot exceed the price' }]);
      }
      await m.update(
        ReturnLine,
        { id: lid },
        {
          conditionGrade: f.conditionGrade,
          disposition: f.disposition,
          inspectionNote: note,
          diminishedValueMinor: diminished,
          diminishedValueReason: diminished > 0 ? why : null,
          inspectedAt: this.now(),
          version: line.version + 1,
        },
      );
      await this.ctx.audit.record(m, {
        action: 'returnLine.inspect',
        objectType: 'ReturnLine',
        objectId: lid,
        after: { conditionGrade: f.conditionGrade, disposition: f.disposition, diminishedValueMinor: diminished },
      });
      const pending = await m.count(ReturnLine, { where: { requestId: req.id, inspectedAt: IsNull() } });
      if (pending === 0) await this.move(m, req.id, 'inspected');
      return m.findOneByOrFail(ReturnLine, { id: lid });
    });
  }

  /** Staff change a line's legal basis, with a note saying why. */
  async changeBasis(lineId: string, basis: LegalBasis, note: string): Promise<ReturnLine> {
    const lid = validId('Return line', lineId);
    const why = text('note', note, 1000, true)!;
    const { refundDeadlineWarningHours } = await this.ctx.settings.get();
    return this.ctx.db.transaction(async (m) => {
      const line = await m.findOne(ReturnLine, { where: { id: lid }, lock: { mode: 'pessimistic_write' } });
      if (!line) throw new NotFoundError('Return line', lineId);
      const req = await m.findOne(ReturnRequest, { where: { id: line.requestId }, lock: { mode: 'pessimistic_write' } });
      if (!req || !OPEN_STATUSES.includes(req.status)) {
        throw new ConflictError(`The return is ${req?.status}: the basis can change only before it is resolved.`, { field: 'lineId' });
      }
      const before = line.legalBasis;
      await m.update(
        ReturnLine,
        { id: lid },
        { legalBasis: basis, basisNote: why, basisExplanation: `Changed by staff from ${before}: ${why}`, version: line.version + 1 },
      );
      if (basis === 'withdrawal' && !req.refundDueAt) {
        const at = this.now();
        await m.update(ReturnRequest, { id: req.id }, { refundDueAt: new Date(at.getTime() + 14 * 86_400_000) });
        await this.startRefundClock(m, req.id, refundDeadlineWarningHours, at);
      }
      await this.ctx.audit.record(m, {
        action: 'returnLine.changeBasis',
        objectType: 'ReturnLine',
        objectId: lid,
        before: { legalBasis: before },
        after: { legalBasis: basis, note: why },
      });
      return m.findOneByOrFail(ReturnLine, { id: lid });
    });
  }

  /**
   * Resolve: compute the refund line by line and record it (refund, store credit or exchange).
   * Idempotent by key: the same key and parameters return the same refund; other parameters are a
   * CONFLICT. Amounts above the threshold wait for a second person's approval.
   */
  async resolve(
    actor: Actor,
    f: {
      id: string;
      method: RefundMethod;
      idempotencyKey: string;
      deliveryCostMinor?: number | null;
      exchangeModelId?: string | null;
      exchangeDifferenceMinor?: number | null;
    },
  ): Promise<ReturnRequest> {
    const rid = validId(returnMachine.objectName, f.id);
    const key = text('idempotencyKey', f.idempotencyKey, 200, true)!;
    const deliveryCostMinor = amount('deliveryCostMinor', f.deliveryCostMinor);
    const exchangeDifferenceMinor = amount('exchangeDifferenceMinor', f.exchangeDifferenceMinor);
    if (f.method === 'exchange' && !f.exchangeModelId)
      throw new ValidationError([{ field: 'exchangeModelId', message: 'choose the model given in exchange' }]);
    const { refundApprovalThresholdMinor } = await this.ctx.settings.get();
    return this.ctx.db.transaction(async (m) => {
      const params = {
        returnId: rid,
        method: f.method,
        deliveryCostMinor,
        exchangeModelId: f.exchangeModelId ?? null,
        exchangeDifferenceMinor,
      };
      await idempotent(m, {
        scope: 'returns.refund.issue',
        key,
        params,
        find: (id) => m.findOneBy(ReturnRefund, { id }),
        run: async () => {
          const req = await m.findOne(ReturnRequest, { where: { id: rid }, lock: { mode: 'pessimistic_write' } });
          if (!req) throw new NotFoundError(returnMachine.objectName, f.id);
          if (!(req.status === 'inspected' || (req.status === 'approved' && req.keepItem))) {
            const to = f.method === 'original' ? 'refunded' : f.method === 'store_credit' ? 'credited' : 'exchanged';
            throw new InvalidTransitionError(returnMachine.objectName, req.status, to, returnMachine.allowed(req.status));
          }
          if (await m.existsBy(ReturnRefund, { requestId: rid, status: 'pending_approval' })) {
            throw new ConflictError('A refund of this return is waiting for approval.', { field: 'id' });
          }
          if (f.exchangeModelId && !(await m.existsBy(ProductModel, { id: validId('Product model', f.exchangeModelId) }))) {
            throw new ValidationError([{ field: 'exchangeModelId', message: 'no such product model' }]);
          }
          const lines = await m.find(ReturnLine, { where: { requestId: rid }, order: { id: 'ASC' } });
          const policies = await m.findBy(ReturnPolicy, { id: In(lines.map((l) => l.policyId).filter((x): x is string => !!x)) });
          // A withdrawal is refunded with the means of payment used; the policy decides for other lines.
          for (const l of lines) {
            const p = policies.find((x) => x.id === l.policyId);
            if (l.legalBasis === 'commercial' && p && !p.refundMethods.includes(f.method)) {
              throw new ValidationError([{ field: 'method', message: `the return policy offers ${p.refundMethods.join(', ')}` }]);
            }
          }
          const breakdown = computeRefund(
            lines.map((l) => ({
              lineId: l.id,
              purchaseId: l.purchaseId,
              modelId: l.modelId,
              basis: l.legalBasis,
              priceMinor: l.quantityReceived === 0 ? 0 : l.priceMinor,
              diminishedValueMinor: l.diminishedValueMinor,
              policy: policies.find((x) => x.id === l.policyId) ?? null,
            })),
            { deliveryCostMinor, keepItem: req.keepItem, exchangeDifferenceMinor },
          );
          const needsApproval = breakdown.totalMinor > refundApprovalThresholdMinor;
          const refund = await m.save(
            m.create(ReturnRefund, {
              requestId: rid,
              method: f.method,
              status: needsApproval ? 'pending_approval' : 'issued',
              amountMinor: breakdown.totalMinor,
              currency: req.currency,
              breakdown,
              proposedBy: actorKey(actor),
              createdAt: this.now(),
            }),
          );
          await this.ctx.audit.record(m, {
            action: 'returnRefund.propose',
            objectType: 'ReturnRefund',
            objectId: refund.id,
            after: { amountMinor: refund.amountMinor, method: refund.method, needsApproval },
          });
          if (f.method === 'exchange') await m.update(ReturnRequest, { id: rid }, { exchangeModelId: f.exchangeModelId ?? null });
          if (!needsApproval) await this.issue(m, refund, null);
          return refund;
        },
      });
      return m.findOneByOrFail(ReturnRequest, { id: rid });
    });
  }

  /** Four-eyes: a second person with the approval permission approves a large refund. */
  async approveRefund(refundId: string, actor: Actor): Promise<ReturnRequest> {
    const id = validId('Return refund', refundId);
    return this.ctx.db.transaction(async (m) => {
      const refund = await m.findOne(ReturnRefund, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!refund) throw new NotFoundError('Return refund', refundId);
      if (refund.status !== 'pending_approval')
        throw new ConflictError(`The refund is ${refund.status}, not waiting for approval.`, { field: 'refundId' });
      const [kind, who] = refund.proposedBy.split(':');
      this.ctx.access.requireDifferentActor({ kind: kind as 'staff', id: who ?? null }, actor);
      await this.issue(m, refund, actor);
      return m.findOneByOrFail(ReturnRequest, { id: refund.requestId });
    });
  }

  private async issue(m: EntityManager, refund: ReturnRefund, approver: Actor | null) {
    await m.update(
      ReturnRefund,
      { id: refund.id },
      { status: 'issued', approvedBy: approver ? actorKey(approver) : null, version: refund.version + 1 },
    );
    const to: ReturnStatus = refund.method === 'original' ? 'refunded' : refund.method === 'store_credit' ? 'credited' : 'exchanged';
    const { row } = await this.move(m, refund.requestId, to, { patch: { outcome: to } });
    const lines = await m.find(ReturnLine, { where: { requestId: row.id }, order: { id: 'ASC' } });
    await this.ctx.events.publish(
      m,
      returnRefunded,
      {
        returnId: row.id,
        reference: row.reference,
        customerId: row.customerId,
        purchaseId: lines[0]!.purchaseId,
        refundId: refund.id,
        amountMinor: refund.amountMinor,
        currency: refund.currency,
        method: refund.method === 'store_credit' ? 'store-credit' : refund.method,
        lines: refund.breakdown.lines.map((l) => ({ purchaseLineId: l.purchaseId, modelId: l.modelId, amountMinor: l.amountMinor })),
      },
      { aggregateId: row.id },
    );
    await this.notifyCustomer(m, row.customerId, 'refund-issued', {
      reference: row.reference,
      amount: (refund.amountMinor / 100).toFixed(2),
      currency: refund.currency,
    });
    // Store credit and exchanges are done when issued; the withdrawal deadline stops there. A refund stops it when paid.
    if (refund.method !== 'original') await this.stopRefundClock(m, row);
  }

  /** The payment system's answer: paid (the return closes) or failed. Repeating the same answer changes nothing. */
  async recordRefundResult(f: {
    refundId: string;
    paid: boolean;
    paymentReference?: string | null;
    failureReason?: string | null;
  }): Promise<ReturnRefund> {
    const id = validId('Return refund', f.refundId);
    const ref = text('paymentReference', f.paymentReference, 200);
    const failure = text('failureReason', f.failureReason, 500);
    if (f.paid && !ref) throw new ValidationError([{ field: 'paymentReference', message: 'give the payment reference of the payout' }]);
    return this.ctx.db.transaction(async (m) => {
      const refund = await m.findOne(ReturnRefund, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!refund) throw new NotFoundError('Return refund', f.refundId);
      if (refund.status === 'paid' && f.paid && refund.paymentReference === ref) return refund;
      if (refund.status !== 'issued' || refund.method !== 'original') {
        throw new ConflictError(`The refund is ${refund.status}: only an issued refund to the original payment takes a payment result.`, {
          field: 'refundId',
        });
      }
      const at = this.now();
      await m.update(
        ReturnRefund,
        { id },
        f.paid
          ? { status: 'paid', paymentReference: ref, paidAt: at, version: refund.version + 1 }
          : { status: 'failed', failureReason: failure, version: refund.version + 1 },
      );
      const req = await m.findOneByOrFail(ReturnRequest, { id: refund.requestId });
      await this.ctx.events.publish(
        m,
        refundResultRecorded,
        { returnId: req.id, refundId: id, customerId: req.customerId, paid: f.paid },
        { aggregateId: req.id },
      );
      if (f.paid) {
        await this.stopRefundClock(m, req);
        const { row } = await this.move(m, req.id, 'closed');
        await this.publishClosed(m, row);
      }
      return m.findOneByOrFail(ReturnRefund, { id });
    });
  }

  /** Close an exchanged or credited return. */
  async close(id: string): Promise<ReturnRequest> {
    const rid = validId(returnMachine.objectName, id);
    return this.ctx.db.transaction(async (m) => {
      const { row } = await this.move(m, rid, 'closed');
      await this.publishClosed(m, row);
      return row;
    });
  }

  private async publishClosed(m: EntityManager, row: ReturnRequest) {
    const line = await m.findOne(ReturnLine, { where: { requestId: row.id }, order: { id: 'ASC' } });
    await this.ctx.events.publish(
      m,
      returnClosed,
      {
        returnId: row.id,
        reference: row.reference,
        customerId: row.customerId,
        purchaseId: line?.purchaseId ?? '',
        outcome: row.outcome ?? row.status,
        channel: row.channel,
      },
      { aggregateId: row.id },
    );
  }

  /**
   * The printable return slip (PDF, base64) with the reference as a QR code; only while the item is
   * to be sent back. Customers get only their own (`customerId`).
   */
  async slip(id: string, customerId: string | null): Promise<{ fileName: string; contentType: string; contentBase64: string }> {
    const req = await this.get(id, customerId);
    if (req.status !== 'awaiting_item') {
      throw new ConflictError(`The return is ${req.status}: a slip is made only while the item is to be sent back.`, { field: 'id' });
    }
    const m = this.ctx.db.manager;
    const lines = await this.linesOf(m, [req.id]);
    const models = await m.findBy(ProductModel, { id: In(lines.map((l) => l.modelId)) });
    const pdf = await returnSlipPdf({
      reference: req.reference,
      sendBackBy: req.sendBackBy,
      items: lines.map(
        (l) => `${models.find((x) => x.id === l.modelId)?.name ?? 'Item'}${l.serialNumber ? ` (serial ${l.serialNumber})` : ''}`,
      ),
      at: this.now(),
    });
    return { fileName: `return-slip-${req.reference}.pdf`, contentType: 'application/pdf', contentBase64: pdf.toString('base64') };
  }

  /** Record the warranty claim opened for a non-conformity line (from the warranty plugin's event). */
  async linkWarrantyClaim(m: EntityManager, lineId: string, claimId: string): Promise<void> {
    await m.update(ReturnLine, { id: lineId }, { warrantyClaimId: claimId });
  }

  /** Remember another after-sales request of a customer (claim, compensation) for abuse signals. */
  async noteCustomerSignal(m: EntityManager, customerId: string, kind: string, subjectId: string): Promise<void> {
    await m
      .createQueryBuilder()
      .insert()
      .into(ReturnsCustomerSignal)
      .values({ customerId, kind, subjectId, at: this.now() })
      .orIgnore()
      .execute();
  }

  // ---------------------------------------------------------------- abuse signals

  /** Signals for a reviewer about the customer of each request; never decided automatically. */
  async abuseSignals(m: EntityManager, requests: readonly ReturnRequest[]): Promise<AbuseSignal[][]> {
    const { abuseReturnRatePercent, abuseVelocityMinor } = await this.ctx.settings.get();
    const ids = [...new Set(requests.map((r) => r.customerId))];
    const since = new Date(this.now().getTime() - 30 * 86_400_000);
    const rows: Array<{
      customer_id: string;
      purchases: string;
      returned: string;
      others: string;
      repeat_models: string;
      mismatches: string;
      worn: string;
      velocity: string | null;
    }> = await m.query(
      `SELECT c.id AS customer_id,
                (SELECT count(*) FROM purchase p WHERE p.customer_id = c.id) AS purchases,
                (SELECT count(*) FROM returns_line l JOIN returns_request r ON r.id = l.request_id WHERE r.customer_id = c.id AND r.status NOT IN ('cancelled','declined')) AS returned,
                (SELECT count(*) FROM returns_customer_signal s WHERE s.customer_id = c.id) AS others,
                (SELECT count(*) FROM (SELECT l.model_id FROM returns_line l JOIN returns_request r ON r.id = l.request_id
                   WHERE r.customer_id = c.id GROUP BY l.model_id HAVING count(*) > 1) x) AS repeat_models,
                (SELECT count(*) FROM returns_line l JOIN returns_request r ON r.id = l.request_id WHERE r.customer_id = c.id AND l.serial_matches = false) AS mismatches,
                (SELECT count(*) FROM returns_line l JOIN returns_request r ON r.id = l.request_id WHERE r.customer_id = c.id AND l.condition_grade IN ('worn','used')) AS worn,
                (SELECT sum(f.amount_minor) FROM returns_refund f JOIN returns_request r ON r.id = f.request_id
                   WHERE r.customer_id = c.id AND f.status IN ('issued','paid') AND f.created_at >= $2) AS velocity
           FROM customer c WHERE c.id = ANY($1)`,
      [ids, since],
    );
    const byCustomer = new Map<string, AbuseSignal[]>();
    for (const r of rows) {
      const signals: AbuseSignal[] = [];
      const purchases = Number(r.purchases);
      const requestsTotal = Number(r.returned) + Number(r.others);
      const rate = purchases ? Math.round((100 * requestsTotal) / purchases) : 0;
      if (purchases && rate >= abuseReturnRatePercent) {
        signals.push({
          code: 'high_return_rate',
          message: `${requestsTotal} returns, claims and compensations on ${purchases} purchases (${rate}%)`,
          value: rate,
        });
      }
      if (Number(r.repeat_models))
        signals.push({ code: 'repeat_model', message: 'The same model was returned more than once', value: Number(r.repeat_models) });
      if (Number(r.mismatches))
        signals.push({ code: 'serial_mismatch', message: 'A returned serial differed from the one sold', value: Number(r.mismatches) });
      if (Number(r.worn) >= 2)
        signals.push({ code: 'wardrobing', message: 'Several returned items were used or worn', value: Number(r.worn) });
      const velocity = Number(r.velocity ?? 0);
      if (velocity > abuseVelocityMinor)
        signals.push({ code: 'value_velocity', message: 'High refunded value in the last 30 days (minor units)', value: velocity });
      byCustomer.set(r.customer_id, signals);
    }
    return requests.map((req) => byCustomer.get(req.customerId) ?? []);
  }

  // ---------------------------------------------------------------- privacy

  /** A customer's returns as plain JSON, for the privacy export. */
  async ofCustomer(m: EntityManager, customerId: string) {
    const reqs = await m.find(ReturnRequest, { where: { customerId }, order: { number: 'ASC' } });
    const lines = reqs.length
      ? await this.linesOf(
          m,
          reqs.map((r) => r.id),
        )
      : [];
    return reqs.map((r) => ({
      reference: r.reference,
      status: r.status,
      withdrawal: r.withdrawal,
      withdrawalAcknowledgement: r.withdrawalStatement,
      createdAt: r.createdAt.toISOString(),
      lines: lines
        .filter((l) => l.requestId === r.id)
        .map((l) => ({
          purchaseId: l.purchaseId,
          reason: l.reasonCode,
          comment: l.comment,
          legalBasis: l.legalBasis,
          requestedResolution: l.requestedResolution,
        })),
    }));
  }

  /** Anonymisation: free text the customer wrote goes; states, amounts and bases stay for statistics. */
  async anonymize(m: EntityManager, customerId: string): Promise<void> {
    await m.update(ReturnRequest, { customerId }, { withdrawalStatement: null, carrier: null, trackingNumber: null });
    await m.query(
      `UPDATE returns_line SET comment = NULL, returned_serial = NULL, serial_number = NULL
        WHERE request_id IN (SELECT id FROM returns_request WHERE customer_id = $1)`,
      [customerId],
    );
  }
}
