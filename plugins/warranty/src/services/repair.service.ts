import {
  type Actor,
  type EventType,
  ConflictError,
  Customer,
  InvalidTransitionError,
  NotFoundError,
  Purchase,
  findPage,
  type Page,
  type PageWindow,
  StaffUser,
  ValidationError,
  validId,
} from '@aftercare/core';
import { DateTime } from 'luxon';
import { type EntityManager, In, LessThan, MoreThan } from 'typeorm';
import type { RepairOutcome, RepairStatus } from '../domain.js';
import { RepairOrder } from '../entities/repair-order.entity.js';
import { RepairPart } from '../entities/repair-part.entity.js';
import { RepairVisit } from '../entities/repair-visit.entity.js';
import { SparePart } from '../entities/spare-part.entity.js';
import { WarrantyClaim } from '../entities/warranty-claim.entity.js';
import { WarrantyRegistration } from '../entities/warranty-registration.entity.js';
import { estimateAnswered, estimateSent, repairCompleted } from '../events.js';
import type { ClaimService } from './claim.service.js';
import { actorKey, normalizeSerial, repairReference, type WarrantyDeps } from './deps.js';
import { repairMachine, repairTransition } from './repair-state-machine.js';

export interface CreateRepairFields {
  claimId?: string | null;
  /** Paid repair: the customer and the item. */
  customerId?: string | null;
  purchaseId?: string | null;
  modelId?: string | null;
  serialNumber?: string | null;
  technicianId?: string | null;
  diagnosis?: string | null;
}

export interface UpdateRepairFields {
  diagnosis?: string | null;
  faultCodes?: string[] | null;
  technicianId?: string | null;
  labourMinutes?: number | null;
  /** Setting an outcome completes the order. */
  outcome?: RepairOutcome | null;
  replacementSerial?: string | null;
  cancel?: boolean | null;
}

/** The SLA subject of a repair (turnaround). */
export const repairSubject = (id: string) => ({ subjectType: 'warranty.repair', subjectId: id });

/** Repair orders: creation, work, parts with stock, visits, estimates and completion. */
export class RepairService {
  constructor(
    private readonly deps: WarrantyDeps,
    private readonly claims: ClaimService,
  ) {}

  /** The repair board: orders by status, technician or customer (each optional), oldest first. */
  list(
    filter: { status?: RepairStatus[] | null; technicianId?: string | null; customerId?: string | null },
    window: PageWindow,
  ): Promise<Page<RepairOrder>> {
    return findPage(this.deps.db.getRepository(RepairOrder), {
      where: {
        status: filter.status?.length ? In(filter.status) : undefined,
        technicianId: filter.technicianId ? validId('Technician', filter.technicianId) : undefined,
        customerId: filter.customerId ? validId('Customer', filter.customerId) : undefined,
      },
      order: { createdAt: 'ASC' },
      ...window,
    });
  }

  async get(id: string, manager: EntityManager = this.deps.db.manager): Promise<RepairOrder> {
    const r = await manager.findOneBy(RepairOrder, { id });
    if (!r) throw new NotFoundError('Repair order', id);
    return r;
  }

  private async lock(m: EntityManager, id: string): Promise<RepairOrder> {
    const r = await m.findOne(RepairOrder, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!r) throw new NotFoundError('Repair order', id);
    return r;
  }

  private async checkTechnician(m: EntityManager, id: string | null | undefined): Promise<void> {
    if (id && !(await m.existsBy(StaffUser, { id }))) throw new NotFoundError('Technician', id);
  }

  /** From an approved (on-site) or received claim, or a paid repair of any item we know. */
  async create(actor: Actor, f: CreateRepairFields): Promise<RepairOrder> {
    return this.deps.db.transaction(async (m) => {
      await this.checkTechnician(m, f.technicianId);
      let base: Pick<RepairOrder, 'claimId' | 'paid' | 'customerId' | 'modelId' | 'serialNumber'>;
      if (f.claimId) {
        const claim = await m.findOne(WarrantyClaim, { where: { id: f.claimId }, lock: { mode: 'pessimistic_write' } });
        if (!claim) throw new NotFoundError('Warranty claim', f.claimId);
        if (claim.status !== 'approved' && claim.status !== 'received') {
          throw new InvalidTransitionError(
            'Warranty claim',
            claim.status,
            'in_repair',
            ['approved', 'received'].includes(claim.status) ? ['in_repair'] : [],
          );
        }
        if (await m.existsBy(RepairOrder, { claimId: claim.id, status: 'in_progress' }))
          throw new ConflictError('This claim already has a repair in progress.');
        await this.claims.move(m, claim.id, 'in_repair');
        base = { claimId: claim.id, paid: false, customerId: claim.customerId, modelId: claim.modelId, serialNumber: claim.serialNumber };
      } else {
        if (f.purchaseId) {
          const p = await m.findOneBy(Purchase, { id: f.purchaseId });
          if (!p) throw new NotFoundError('Purchase', f.purchaseId);
          base = { claimId: null, paid: true, customerId: p.customerId, modelId: p.modelId, serialNumber: p.serialNumber };
        } else {
          const serial = normalizeSerial(f.serialNumber);
          const reg = serial
            ? await m.findOneBy(WarrantyRegistration, { serialNumber: serial, ...(f.modelId ? { modelId: f.modelId } : {}) })
            : null;
          const customerId = f.customerId ?? reg?.customerId;
          const modelId = f.modelId ?? reg?.modelId;
          if (!customerId || !modelId) {
            throw new ValidationError([
              {
                field: 'claimId',
                message: 'give an approved claim, a purchaseId, or customerId, modelId and serialNumber for a paid repair',
              },
            ]);
          }
          if (!(await m.existsBy(Customer, { id: customerId }))) throw new NotFoundError('Customer', customerId);
          base = { claimId: null, paid: true, customerId, modelId, serialNumber: serial };
        }
      }
      const order = await m.save(
        m.create(RepairOrder, {
          ...base,
          technicianId: f.technicianId ?? null,
          diagnosis: f.diagnosis ?? null,
          status: 'open',
          createdBy: actorKey(actor),
        }),
      );
      const customer = await m.findOneByOrFail(Customer, { id: order.customerId });
      await this.deps.sla.startClock(
        m,
        'warranty',
        repairSubject(order.id),
        { kind: 'repair_order', customerTier: customer.tier },
        this.deps.now(),
      );
      await this.deps.states.recordCreated(m, repairMachine, order.id, { actor });
      await this.deps.audit.record(m, {
        action: 'repairOrder.create',
        objectType: 'RepairOrder',
        objectId: order.id,
        after: { claimId: order.claimId, paid: order.paid, serialNumber: order.serialNumber, technicianId: order.technicianId },
      });
      return order;
    });
  }

  /**
   * Move a locked order through its state machine (history, audit entry and event with it); a
   * finished order's SLA clock stops.
   */
  private async move<P>(
    m: EntityManager,
    order: RepairOrder,
    to: RepairStatus,
    patch: Partial<RepairOrder> = {},
    action?: string,
    event?: { type: EventType<P>; payload: (o: RepairOrder) => P },
  ): Promise<void> {
    await this.deps.states.transition(m, repairMachine, {
      entity: RepairOrder,
      id: order.id,
      row: order,
      to,
      patch: (_row, _from, at) => ({ ...patch, ...(to === 'completed' ? { completedAt: at } : {}) }),
      beforeSave: async (_row, _from, at) => {
        if (repairMachine.isFinal(to)) await this.deps.sla.record(m, repairSubject(order.id), 'resolved', at);
      },
      ...(action ? { audit: { action } } : {}),
      ...(event ? { event } : {}),
    });
  }

  /** Work on the order can start: warranty repairs at once, paid ones only after an accepted estimate. */
  private startWork(order: RepairOrder): RepairStatus {
    if (order.status === 'in_progress') return 'in_progress';
    if (order.paid && order.status !== 'estimate_sent') {
      throw new InvalidTransitionError(
        'Repair order',
        order.status,
        'in_progress',
        order.status === 'open' ? ['estimate_sent', 'cancelled'] : [],
      );
    }
    if (order.paid) {
      throw new ConflictError(`${repairReference(order)} is a paid repair: the customer must accept the estimate before work starts.`);
    }
    return repairTransition(order.status, 'in_progress');
  }

  async update(id: string, f: UpdateRepairFields): Promise<RepairOrder> {
    return this.deps.db.transaction(async (m) => {
      const order = await this.lock(m, id);
      await this.checkTechnician(m, f.technicianId);
      const before = { ...order };
      const patch: Partial<RepairOrder> = {};
      if (f.diagnosis !== undefined && f.diagnosis !== null) patch.diagnosis = f.diagnosis;
      if (f.faultCodes) patch.faultCodes = f.faultCodes;
      if (f.technicianId) patch.technicianId = f.technicianId;
      const working = f.labourMinutes != null || f.outcome != null;
      // The moves this update makes, in order (work may start and complete in one update).
      const moves: RepairStatus[] = [];
      if (f.cancel) {
        moves.push(repairTransition(order.status, 'cancelled'));
      } else if (working) {
        const started = this.startWork(order);
        if (started !== order.status) moves.push(started);
        if (f.labourMinutes != null) patch.labourMinutes = f.labourMinutes;
      }
      let completion: Partial<RepairOrder> = {};
      if (f.outcome && !f.cancel) {
        if (f.outcome === 'replaced' && !f.replacementSerial) {
          throw new ValidationError([{ field: 'replacementSerial', message: 'record the serial of the replacement unit' }]);
        }
        moves.push(repairTransition(moves.at(-1) ?? order.status, 'completed'));
        completion = { outcome: f.outcome, replacementSerial: normalizeSerial(f.replacementSerial) };
      }
      Object.assign(order, patch);
      for (const to of moves) await this.move(m, order, to, to === 'completed' ? completion : {});
      if (!moves.length) await m.save(RepairOrder, order);
      const after = await m.findOneByOrFail(RepairOrder, { id });
      if (after.status === 'completed') {
        if (after.claimId) await this.claims.resolveFromRepair(m, after.claimId, after.outcome!);
        await this.deps.events.publish(
          m,
          repairCompleted,
          {
            repairOrderId: id,
            claimId: after.claimId,
            customerId: after.customerId,
            serialNumber: after.serialNumber,
            outcome: after.outcome!,
            replacementSerial: after.replacementSerial,
            technicianId: after.technicianId,
            modelId: after.modelId,
          },
          { aggregateId: id },
        );
      }
      await this.deps.audit.record(m, {
        action: after.status === 'completed' && before.status !== 'completed' ? 'repairOrder.complete' : 'repairOrder.update',
        objectType: 'RepairOrder',
        objectId: id,
        before: { ...before },
        after: { ...after },
      });
      return after;
    });
  }

  /**
   * Take parts from stock for the order. Each part is decremented with one guarded UPDATE
   * (`stock_quantity >= quantity`), so two technicians taking the last part cannot both get it:
   * the second gets CONFLICT and nothing of its request is recorded.
   */
  async recordParts(id: string, parts: Array<{ partId: string; quantity: number }>): Promise<RepairOrder> {
    return this.deps.db.transaction(async (m) => {
      const order = await this.lock(m, id);
      const status = this.startWork(order);
      for (const p of parts) {
        const rows: Array<{ sku: string; cost_minor: number }> = await m.query(
          `WITH taken AS (UPDATE warranty_spare_part SET stock_quantity = stock_quantity - $2 WHERE id = $1 AND stock_quantity >= $2 RETURNING sku, cost_minor)
           SELECT sku, cost_minor FROM taken`,
          [p.partId, p.quantity],
        );
        if (!rows.length) {
          const part = await m.findOneBy(SparePart, { id: p.partId });
          if (!part) throw new NotFoundError('Spare part', p.partId);
          throw new ConflictError(`Only ${part.stockQuantity} of ${part.sku} in stock; ${p.quantity} requested.`, {
            partId: part.id,
            available: part.stockQuantity,
          });
        }
        await m.insert(RepairPart, {
          repairOrderId: id,
          partId: p.partId,
          sku: rows[0]!.sku,
          quantity: p.quantity,
          unitCostMinor: rows[0]!.cost_minor,
        });
      }
      if (status !== order.status) await this.move(m, order, status);
      await this.deps.audit.record(m, {
        action: 'repairOrder.recordParts',
        objectType: 'RepairOrder',
        objectId: id,
        metadata: { parts },
      });
      return m.findOneByOrFail(RepairOrder, { id });
    });
  }

  /**
   * Book an on-site visit in a slot (`visitSlotMinutes`, aligned to the hour in UTC). A technician
   * is never booked twice for overlapping slots: bookings of one technician are serialised.
   */
  async scheduleVisit(f: { repairOrderId: string; technicianId: string; startsAt: Date; note?: string | null }): Promise<RepairVisit> {
    const { visitSlotMinutes } = await this.deps.settings.get();
    const start = DateTime.fromJSDate(f.startsAt, { zone: 'utc' });
    const minuteOfDay = start.hour * 60 + start.minute;
    if (start.second || start.millisecond || minuteOfDay % visitSlotMinutes !== 0) {
      throw new ValidationError([
        { field: 'startsAt', message: `must be the start of a ${visitSlotMinutes}-minute slot (e.g. 08:00, 10:00 UTC)` },
      ]);
    }
    if (f.startsAt < this.deps.now()) throw new ValidationError([{ field: 'startsAt', message: 'must be in the future' }]);
    return this.deps.db.transaction(async (m) => {
      const order = await this.lock(m, f.repairOrderId);
      if (['completed', 'cancelled', 'estimate_declined'].includes(order.status)) {
        throw new InvalidTransitionError('Repair order', order.status, 'visit', []);
      }
      await this.checkTechnician(m, f.technicianId);
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('warranty.visit:' || $1))`, [f.technicianId]);
      const endsAt = start.plus({ minutes: visitSlotMinutes }).toJSDate();
      const clash = await m.findOne(RepairVisit, {
        where: { technicianId: f.technicianId, startsAt: LessThan(endsAt), endsAt: MoreThan(f.startsAt) },
      });
      if (clash) throw new ConflictError(`The technician already has a visit from ${clash.startsAt.toISOString()}; pick another slot.`);
      const visit = await m.save(
        m.create(RepairVisit, {
          repairOrderId: order.id,
          technicianId: f.technicianId,
          startsAt: f.startsAt,
          endsAt,
          note: f.note ?? null,
        }),
      );
      if (!order.technicianId) await m.update(RepairOrder, { id: order.id }, { technicianId: f.technicianId });
      await this.deps.audit.record(m, {
        action: 'repairOrder.scheduleVisit',
        objectType: 'RepairOrder',
        objectId: order.id,
        after: { technicianId: f.technicianId, startsAt: f.startsAt.toISOString() },
      });
      return visit;
    });
  }

  /** Send a paid repair's estimate to the customer; work waits for their answer. */
  async sendEstimate(f: { repairOrderId: string; amountMinor: number; currency: string; note?: string | null }): Promise<RepairOrder> {
    return this.deps.db.transaction(async (m) => {
      const order = await this.lock(m, f.repairOrderId);
      if (!order.paid)
        throw new ValidationError([{ field: 'repairOrderId', message: 'warranty repairs are free of charge: no estimate is sent' }]);
      await this.move(
        m,
        order,
        'estimate_sent',
        { estimateMinor: f.amountMinor, currency: f.currency, estimateNote: f.note ?? null },
        'repairOrder.sendEstimate',
        {
          type: estimateSent,
          payload: (o) => ({ repairOrderId: o.id, customerId: o.customerId, amountMinor: f.amountMinor, currency: f.currency }),
        },
      );
      const customer = await m.findOneByOrFail(Customer, { id: order.customerId });
      if (!customer.anonymizedAt) {
        await this.deps.notify.enqueue(m, {
          to: customer.email,
          template: 'repair-estimate',
          locale: customer.locale,
          data: { name: customer.name, reference: repairReference(order), amount: (f.amountMinor / 100).toFixed(2), currency: f.currency },
        });
      }
      return m.findOneByOrFail(RepairOrder, { id: order.id });
    });
  }

  /** The customer accepts (work starts) or declines (the order ends) their estimate. */
  async respondToEstimate(customerId: string, repairOrderId: string, accept: boolean): Promise<RepairOrder> {
    return this.deps.db.transaction(async (m) => {
      const order = await this.lock(m, repairOrderId);
      if (order.customerId !== customerId) throw new NotFoundError('Repair order', repairOrderId);
      await this.move(
        m,
        order,
        accept ? 'in_progress' : 'estimate_declined',
        { estimateAnsweredAt: this.deps.now() },
        accept ? 'repairOrder.acceptEstimate' : 'repairOrder.declineEstimate',
        { type: estimateAnswered, payload: (o) => ({ repairOrderId: o.id, customerId, accepted: accept }) },
      );
      return m.findOneByOrFail(RepairOrder, { id: order.id });
    });
  }
}
