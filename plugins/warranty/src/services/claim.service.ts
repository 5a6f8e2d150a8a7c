import {
  type Actor,
  Customer,
  ForbiddenError,
  hasPermission,
  NotFoundError,
  type Page,
  type PageWindow,
  queryPage,
  ValidationError,
} from '@aftercare/core';
import { DateTime } from 'luxon';
import { type EntityManager, In, MoreThanOrEqual, Not } from 'typeorm';
import type { ClaimStatus, ConsumerRemedy, LegalBasis, RepairOutcome } from '../domain.js';
import { WarrantyClaim } from '../entities/warranty-claim.entity.js';
import { claimDecided, claimStatusChanged, claimSubmitted } from '../events.js';
import { P } from '../permissions.js';
import { claimMachine } from './claim-state-machine.js';
import type { CoverageService } from './coverage.service.js';
import { actorKey, claimReference, claimSubject, normalizeSerial, type WarrantyDeps } from './deps.js';

export interface SubmitClaimFields {
  /** Staff give the customer; a customer's own id is taken from the session. */
  customerId?: string | null;
  registrationId?: string | null;
  purchaseId?: string | null;
  serialNumber?: string | null;
  description: string;
  damageType?: string | null;
  consumerRemedy?: ConsumerRemedy | null;
}

export type ClaimDecision = 'approve' | 'reject' | 'request_info';

export interface DecideClaimFields {
  claimId: string;
  decision: ClaimDecision;
  /** Required for a rejection: one of the configured rejection reasons. */
  reason?: string | null;
  /** Shown on the claim; required when asking for information. */
  note?: string | null;
  /** Required (with `warranty.claim.override`) to approve a claim the entitlement check found not covered. */
  overrideNote?: string | null;
}

/** One signal shown to the reviewer; never decides on its own. */
export interface AbuseSignal {
  kind: 'repeat_serial' | 'customer_velocity' | 'serial_other_customer';
  count: number;
  message: string;
}

/** Warranty claims: submission with the entitlement check, the state machine, decisions and abuse signals. */
export class ClaimService {
  constructor(
    private readonly deps: WarrantyDeps,
    private readonly coverage: CoverageService,
  ) {}

  /** The claims inbox: by status, customer, serial or model; oldest or newest first, or by SLA resolution due date. */
  list(
    filter: {
      status?: ClaimStatus[];
      customerId?: string;
      serialNumber?: string;
      modelId?: string;
      sort?: 'oldest' | 'newest' | 'sla_due';
    },
    window: PageWindow,
  ): Promise<Page<WarrantyClaim>> {
    const qb = this.deps.db.getRepository(WarrantyClaim).createQueryBuilder('c');
    if (filter.status?.length) qb.andWhere('c.status IN (:...status)', { status: filter.status });
    if (filter.customerId) qb.andWhere('c.customerId = :customerId', { customerId: filter.customerId });
    if (filter.serialNumber) qb.andWhere('c.serialNumber = :serial', { serial: normalizeSerial(filter.serialNumber) });
    if (filter.modelId) qb.andWhere('c.modelId = :modelId', { modelId: filter.modelId });
    if (filter.sort === 'sla_due') {
      // The clock's resolution due date; closed clocks (resolved, rejected) sort last. At most one clock per claim.
      qb.leftJoin('sla_clock', 'k', 'k.subject_type = :subjectType AND k.subject_id = c.id AND k.closed = false', {
        subjectType: claimSubject('').subjectType,
      })
        .orderBy('k.resolution_due_at', 'ASC', 'NULLS LAST')
        .addOrderBy('c.createdAt', 'ASC');
    } else {
      qb.orderBy('c.createdAt', filter.sort === 'newest' ? 'DESC' : 'ASC');
    }
    return queryPage(qb.addOrderBy('c.id', 'ASC'), window);
  }

  async get(id: string, manager: EntityManager = this.deps.db.manager): Promise<WarrantyClaim> {
    const claim = await manager.findOneBy(WarrantyClaim, { id });
    if (!claim) throw new NotFoundError('Warranty claim', id);
    return claim;
  }

  /**
   * File a claim. The entitlement check runs first and its answer is stored with the claim; a claim
   * that is not covered is still filed (the reviewer decides, and may override with a note).
   */
  async submit(actor: Actor, fields: SubmitClaimFields): Promise<WarrantyClaim> {
    const serial = normalizeSerial(fields.serialNumber);
    return this.deps.db.transaction(async (m) => {
      let purchaseId = fields.purchaseId ?? null;
      let serialNumber = serial;
      if (fields.registrationId) {
        const reg = await m.query(`SELECT purchase_id, serial_number FROM warranty_registration WHERE id = $1`, [fields.registrationId]);
        if (!reg.length) throw new NotFoundError('Warranty registration', fields.registrationId);
        purchaseId = reg[0].purchase_id;
        serialNumber = reg[0].serial_number;
      }
      if (!purchaseId && !serialNumber) {
        throw new ValidationError([{ field: 'serialNumber', message: 'give a registrationId, purchaseId or serialNumber of the item' }]);
      }
      const at = this.deps.now();
      const cov = await this.coverage.check(
        { purchaseId, serialNumber: purchaseId ? null : serialNumber, at, damageType: fields.damageType },
        m,
      );
      const ownerId = actor.kind === 'customer' ? actor.customerId : fields.customerId;
      const label = fields.registrationId ?? purchaseId ?? serialNumber!;
      if (!cov.customerId || !cov.modelId) {
        if (actor.kind === 'customer') throw new NotFoundError('Item', label);
        throw new ValidationError([
          { field: 'serialNumber', message: 'no purchase or registration has this item: register it first (registerWarranty)' },
        ]);
      }
      if (actor.kind === 'customer' && cov.customerId !== ownerId) throw new NotFoundError('Item', label);
      if (ownerId && ownerId !== cov.customerId) {
        throw new ValidationError([{ field: 'customerId', message: 'the item belongs to another customer' }]);
      }
      const customer = await m.findOneByOrFail(Customer, { id: cov.customerId });
      const claim = await m.save(
        m.create(WarrantyClaim, {
          customerId: cov.customerId,
          registrationId: cov.registrationId,
          purchaseId: cov.purchaseId,
          modelId: cov.modelId,
          serialNumber: cov.serialNumber,
          status: 'submitted',
          description: fields.description,
          damageType: fields.damageType ?? 'defect',
          consumerRemedy: fields.consumerRemedy ?? null,
          legalBasis: cov.basis,
          entitled: cov.covered,
          entitlement: JSON.parse(JSON.stringify(cov)) as Record<string, unknown>,
          createdBy: actorKey(actor),
        }),
      );
      await this.deps.sla.startClock(m, 'warranty', claimSubject(claim.id), { kind: 'warranty_claim', customerTier: customer.tier }, at);
      await this.deps.states.recordCreated(m, claimMachine, claim.id, { status: claim.status, actor, at });
      await this.deps.audit.record(m, {
        action: 'warrantyClaim.submit',
        objectType: 'WarrantyClaim',
        objectId: claim.id,
        after: { status: claim.status, entitled: claim.entitled, legalBasis: claim.legalBasis, serialNumber: claim.serialNumber },
      });
      await this.deps.events.publish(
        m,
        claimSubmitted,
        { claimId: claim.id, customerId: claim.customerId, serialNumber: claim.serialNumber, entitled: claim.entitled },
        { aggregateId: claim.id },
      );
      if (!customer.anonymizedAt) {
        await this.deps.notify.enqueue(m, {
          to: customer.email,
          template: 'claim-received',
          locale: customer.locale,
          data: { name: customer.name, reference: claimReference(claim) },
        });
      }
      return claim;
    });
  }

  /** Lock the claim, check the move against the table, apply `patch`, record audit and event. */
  async move(
    m: EntityManager,
    id: string,
    to: ClaimStatus,
    patch: Partial<Omit<WarrantyClaim, 'entitlement'>> = {},
    action = 'warrantyClaim.transition',
    options: { reason?: string | null; expectedVersion?: number | null } = {},
  ): Promise<WarrantyClaim> {
    const { row } = await this.deps.states.transition(m, claimMachine, {
      entity: WarrantyClaim,
      id,
      to,
      reason: options.reason ?? null,
      expectedVersion: options.expectedVersion,
      patch: (_row, _from, at) => ({ ...patch, ...(to === 'resolved' ? { resolvedAt: at } : {}) }),
      beforeSave: async (_row, from, at) => {
        if (to === 'resolved' || to === 'rejected' || to === 'cancelled') await this.deps.sla.record(m, claimSubject(id), 'resolved', at);
        else if (to === 'info_requested') await this.deps.sla.record(m, claimSubject(id), 'paused', at);
        else if (from === 'info_requested') await this.deps.sla.record(m, claimSubject(id), 'resumed', at);
      },
      audit: { action },
      event: { type: claimStatusChanged, payload: (c, from) => ({ claimId: id, customerId: c.customerId, from, to }) },
    });
    return row;
  }

  /** Move a claim along its workflow (review, item received, repair, close, cancel). */
  async transition(id: string, to: ClaimStatus): Promise<WarrantyClaim> {
    if (to === 'approved' || to === 'rejected' || to === 'info_requested') {
      throw new ValidationError([{ field: 'status', message: 'approve, reject or ask for information with decideWarrantyClaim' }]);
    }
    if (to === 'resolved') throw new ValidationError([{ field: 'status', message: 'a claim is resolved by completing its repair order' }]);
    return this.deps.db.transaction((m) => this.move(m, id, to));
  }

  /**
   * Approve, reject or ask for information. A rejection needs a configured reason; approving a claim
   * the entitlement check found not covered needs `warranty.claim.override` and a note, and is then
   * handled as goodwill.
   */
  async decide(actor: Actor, fields: DecideClaimFields): Promise<WarrantyClaim> {
    const settings = await this.deps.settings.get();
    return this.deps.db.transaction(async (m) => {
      const claim = await this.get(fields.claimId, m);
      const patch: Partial<Omit<WarrantyClaim, 'entitlement'>> = { decidedAt: this.deps.now(), decidedBy: actorKey(actor) };
      let to: ClaimStatus;
      if (fields.decision === 'reject') {
        if (!fields.reason || !settings.rejectionReasons.includes(fields.reason)) {
          throw new ValidationError([
            { field: 'reason', message: `a rejection needs one of the configured reasons: ${settings.rejectionReasons.join(', ')}` },
          ]);
        }
        to = 'rejected';
        Object.assign(patch, { rejectionReason: fields.reason, decisionNote: fields.note ?? null });
      } else if (fields.decision === 'request_info') {
        if (!fields.note?.trim()) throw new ValidationError([{ field: 'note', message: 'say what information the customer must send' }]);
        to = 'info_requested';
        patch.infoRequest = fields.note.trim();
        delete patch.decidedAt;
        delete patch.decidedBy;
      } else {
        to = 'approved';
        patch.decisionNote = fields.note ?? null;
        if (!claim.entitled) {
          if (!hasPermission(actor, P.claimOverride)) {
            throw new ForbiddenError(
              `The entitlement check found this item not covered (${String(claim.entitlement.reason)}); approving it anyway needs the permission ${P.claimOverride}.`,
              { permission: P.claimOverride },
            );
          }
          if (!fields.overrideNote?.trim()) {
            throw new ValidationError([
              { field: 'overrideNote', message: 'explain why an uncovered claim is approved (required for an override)' },
            ]);
          }
          Object.assign(patch, { overrideNote: fields.overrideNote.trim(), legalBasis: 'goodwill' as LegalBasis });
        }
      }
      // A decision on a freshly submitted claim starts its review first (two recorded moves).
      if (claim.status === 'submitted') await this.move(m, claim.id, 'in_review');
      const decided = await this.move(
        m,
        claim.id,
        to,
        patch,
        `warrantyClaim.${fields.decision === 'request_info' ? 'requestInfo' : fields.decision}`,
        { reason: fields.decision === 'reject' ? fields.reason : null },
      );
      if (to !== 'info_requested') {
        await this.deps.events.publish(
          m,
          claimDecided,
          {
            claimId: claim.id,
            customerId: claim.customerId,
            decision: to as 'approved' | 'rejected',
            legalBasis: decided.legalBasis,
            reason: decided.rejectionReason,
            overridden: !!decided.overrideNote,
          },
          { aggregateId: claim.id },
        );
      }
      return decided;
    });
  }

  /** The claim is resolved by its repair order (same transaction as the repair's completion). */
  async resolveFromRepair(m: EntityManager, claimId: string, outcome: RepairOutcome): Promise<void> {
    const claim = await m.findOneByOrFail(WarrantyClaim, { id: claimId });
    if (claim.status === 'approved') await this.move(m, claimId, 'in_repair');
    else if (claim.status === 'received') await this.move(m, claimId, 'in_repair');
    await this.move(m, claimId, 'resolved', { outcome }, 'warrantyClaim.resolve');
  }

  /**
   * Abuse signals of claims, for the reviewer: earlier claims on the same serial, the customer's
   * claims in the last 90 days, and claims on the serial by another customer.
   */
  async abuseSignals(m: EntityManager, claims: readonly WarrantyClaim[]): Promise<AbuseSignal[][]> {
    const settings = await this.deps.settings.get();
    const serials = [...new Set(claims.map((c) => c.serialNumber).filter((s): s is string => !!s))];
    const customers = [...new Set(claims.map((c) => c.customerId))];
    const since = DateTime.fromJSDate(this.deps.now()).minus({ days: 90 }).toJSDate();
    const bySerial = serials.length
      ? await m.find(WarrantyClaim, {
          where: { serialNumber: In(serials), status: Not('cancelled') },
          select: { id: true, serialNumber: true, customerId: true },
        })
      : [];
    const byCustomer = await m.find(WarrantyClaim, {
      where: { customerId: In(customers), createdAt: MoreThanOrEqual(since), status: Not('cancelled') },
      select: { id: true, customerId: true },
    });
    return claims.map((c) => {
      const out: AbuseSignal[] = [];
      const same = bySerial.filter((o) => o.serialNumber === c.serialNumber && o.id !== c.id);
      const sameCustomer = same.filter((o) => o.customerId === c.customerId);
      if (sameCustomer.length >= settings.repeatClaimsPerSerial && sameCustomer.length > 0) {
        out.push({
          kind: 'repeat_serial',
          count: sameCustomer.length,
          message: `${sameCustomer.length} other claim(s) on serial ${c.serialNumber}.`,
        });
      }
      const others = same.filter((o) => o.customerId !== c.customerId);
      if (others.length) {
        out.push({
          kind: 'serial_other_customer',
          count: others.length,
          message: `Serial ${c.serialNumber} was also claimed by another customer.`,
        });
      }
      const recent = byCustomer.filter((o) => o.customerId === c.customerId).length;
      if (recent >= settings.claimsPerCustomer90Days) {
        out.push({ kind: 'customer_velocity', count: recent, message: `The customer filed ${recent} claims in the last 90 days.` });
      }
      return out;
    });
  }
}
