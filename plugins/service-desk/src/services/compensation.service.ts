import {
  type Actor,
  actorRef,
  ConflictError,
  idempotent,
  InvalidTransitionError,
  NotFoundError,
  requireApprovalAuthority,
  requireDifferentActor,
  ValidationError,
} from '@aftercare/core';
import type { EntityManager } from 'typeorm';
import type { CompensationType } from '../domain.js';
import { Case } from '../entities/case.entity.js';
import { Compensation } from '../entities/compensation.entity.js';
import { compensationApproved, compensationRejected } from '../events.js';
import { P } from '../permissions.js';
import { reference, type ServiceDeskDeps } from './deps.js';

/** A compensation proposal on a claim. */
export interface CompensationProposal {
  caseId: string;
  type: CompensationType;
  valueMinor: number;
  currency: string;
  description: string;
  /** Proposing again with the same key returns the first proposal instead of a second one. */
  idempotencyKey: string;
}

/** The decision on a proposal. */
export interface CompensationDecision {
  compensationId: string;
  approve: boolean;
  reason: string;
}

/**
 * Four-eyes compensation: one person proposes, another approves or rejects. The proposer can never
 * decide their own proposal; values above the configured threshold need
 * `service-desk.compensation.approve-high`. The decision locks the proposal row, so of two people
 * approving at once exactly one succeeds.
 */
export class CompensationService {
  constructor(private readonly d: ServiceDeskDeps) {}

  async propose(actor: Actor, input: CompensationProposal): Promise<Compensation> {
    return this.d.db.transaction((m) =>
      // Same key and same proposal: the first proposal; same key, other proposal: CONFLICT.
      idempotent(m, {
        scope: 'service-desk.compensation.propose',
        key: input.idempotencyKey,
        params: {
          caseId: input.caseId,
          type: input.type,
          valueMinor: input.valueMinor,
          currency: input.currency,
          description: input.description.trim(),
        },
        find: (id) => m.getRepository(Compensation).findOneBy({ id }),
        run: () => this.createProposal(m, actor, input),
      }),
    );
  }

  private async createProposal(m: EntityManager, actor: Actor, input: CompensationProposal): Promise<Compensation> {
    const c = await m.getRepository(Case).findOne({ where: { id: input.caseId }, lock: { mode: 'pessimistic_write' } });
    if (!c) throw new NotFoundError('Case', input.caseId);
    if (c.kind !== 'claim') {
      throw new ValidationError([{ field: 'caseId', message: `compensation applies to claims; ${reference(c)} is a ${c.kind}` }]);
    }
    if (c.status === 'closed' || c.status === 'merged') {
      throw new ConflictError(`Case ${reference(c)} is ${c.status}: compensation can be proposed only on an active claim.`);
    }
    const by = actorRef(actor);
    const row = await m.getRepository(Compensation).save({
      caseId: c.id,
      type: input.type,
      valueMinor: input.valueMinor,
      currency: input.currency,
      description: input.description.trim(),
      status: 'proposed',
      idempotencyKey: input.idempotencyKey,
      proposedByKind: by.kind,
      proposedById: by.id,
      proposedByDisplay: by.display,
      createdAt: this.d.now(),
    });
    await this.d.audit.record(m, {
      action: 'compensation.propose',
      objectType: 'Compensation',
      objectId: row.id,
      after: { caseId: c.id, type: row.type, valueMinor: row.valueMinor, currency: row.currency, status: 'proposed' },
    });
    return row;
  }

  async decide(actor: Actor, input: CompensationDecision): Promise<Compensation> {
    if (!input.reason.trim()) throw new ValidationError([{ field: 'reason', message: 'give a reason for the decision' }]);
    const settings = await this.d.settings.get();
    return this.d.db.transaction(async (m) => {
      const row = await m.getRepository(Compensation).findOne({ where: { id: input.compensationId }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw new NotFoundError('Compensation', input.compensationId);
      const to = input.approve ? 'approved' : 'rejected';
      if (row.status !== 'proposed') {
        const by = actorRef(actor);
        // Repeating the same decision (a retried request) returns it unchanged.
        if (row.status === to && row.decidedById === by.id && row.decidedByKind === by.kind) return row;
        if (row.status === to) {
          throw new ConflictError(`This compensation was already ${row.status} by ${row.decidedByDisplay ?? 'someone else'}.`, {
            status: row.status,
          });
        }
        throw new InvalidTransitionError('Compensation', row.status, to, []);
      }
      requireDifferentActor({ kind: row.proposedByKind as 'staff', id: row.proposedById }, actor);
      // A value in another currency than the threshold's cannot be compared with it: treat it as above.
      const threshold = row.currency === settings.compensationCurrency ? settings.compensationApprovalThresholdMinor : -1;
      if (input.approve) requireApprovalAuthority(row.valueMinor, threshold, actor, P.compensationApproveHigh);
      const by = actorRef(actor);
      const c = await m.getRepository(Case).findOneByOrFail({ id: row.caseId });
      const before = { status: row.status };
      row.status = to;
      row.decidedByKind = by.kind;
      row.decidedById = by.id;
      row.decidedByDisplay = by.display;
      row.decisionReason = input.reason.trim();
      row.decidedAt = this.d.now();
      await m.getRepository(Compensation).save(row);
      await this.d.audit.record(m, {
        action: `compensation.${input.approve ? 'approve' : 'reject'}`,
        objectType: 'Compensation',
        objectId: row.id,
        before,
        after: { status: row.status },
        metadata: {
          caseId: row.caseId,
          valueMinor: row.valueMinor,
          currency: row.currency,
          threshold: settings.compensationApprovalThresholdMinor,
          thresholdCurrency: settings.compensationCurrency,
        },
      });
      if (input.approve) {
        await this.d.events.publish(
          m,
          compensationApproved,
          {
            compensationId: row.id,
            caseId: row.caseId,
            customerId: c.customerId,
            type: row.type,
            valueMinor: row.valueMinor,
            currency: row.currency,
            approvedBy: by.id,
          },
          { aggregateId: row.id },
        );
      } else {
        await this.d.events.publish(
          m,
          compensationRejected,
          { compensationId: row.id, caseId: row.caseId, customerId: c.customerId, reason: row.decisionReason },
          { aggregateId: row.id },
        );
      }
      return row;
    });
  }
}
