import type { DemoContribution } from '@aftercare/core';
import type { EntityManager } from 'typeorm';
import type { ReturnStatus } from '../domain.js';
import { ReturnLine } from '../entities/return-line.entity.js';
import { ReturnReason } from '../entities/return-reason.entity.js';
import { ReturnRefund } from '../entities/return-refund.entity.js';
import { ReturnRequest } from '../entities/return-request.entity.js';
import { computeRefund } from './rules.js';

const STATES: ReturnStatus[] = [
  'requested',
  'requested',
  'awaiting_item',
  'awaiting_item',
  'received',
  'inspected',
  'refunded',
  'credited',
  'closed',
  'declined',
  'cancelled',
];

async function reasonByCode(m: EntityManager, code: string) {
  return m.findOneBy(ReturnReason, { code });
}

/** Demo returns in every state (so the inbox is not empty), on delivered online purchases. */
export const returnsDemo: DemoContribution = {
  name: 'returns',
  async seed({ manager: m, random, now, purchases }) {
    const candidates = purchases.filter((p) => p.deliveredAt && p.channel !== 'store').slice(-STATES.length * 2);
    const reasons = [
      await reasonByCode(m, 'changed_mind'),
      await reasonByCode(m, 'damaged_on_arrival'),
      await reasonByCode(m, 'not_as_described'),
    ];
    for (const [i, status] of STATES.entries()) {
      const p = candidates[i * 2];
      if (!p) break;
      const reason = random.pick(reasons);
      const createdAt = new Date(now.getTime() - (STATES.length - i) * 86_400_000);
      const withdrawal = i % 3 === 0;
      const inserted = await m.save(
        m.create(ReturnRequest, {
          reference: '',
          customerId: p.customerId,
          status,
          channel: withdrawal ? 'withdrawal_function' : random.pick(['portal', 'staff']),
          withdrawal,
          withdrawalConfirmedAt: withdrawal ? createdAt : null,
          refundDueAt: withdrawal ? new Date(createdAt.getTime() + 14 * 86_400_000) : null,
          keepItem: false,
          currency: p.currency,
          sendBackBy: status === 'awaiting_item' ? new Date(now.getTime() + 10 * 86_400_000).toISOString().slice(0, 10) : null,
          receivedAt: ['received', 'inspected', 'refunded', 'credited', 'closed'].includes(status) ? createdAt : null,
          outcome: ['refunded', 'credited', 'declined', 'cancelled'].includes(status) ? status : status === 'closed' ? 'refunded' : null,
          declineReason: status === 'declined' ? 'outside_window' : null,
          createdBy: 'system',
          createdAt,
          updatedAt: createdAt,
        }),
      );
      inserted.reference = `RET-${inserted.number}`;
      const req = await m.save(inserted);
      const basis = withdrawal ? 'withdrawal' : reason?.nonConformity ? 'non_conformity' : 'commercial';
      const inspected = ['inspected', 'refunded', 'credited', 'closed'].includes(status);
      const line = await m.save(
        m.create(ReturnLine, {
          requestId: req.id,
          purchaseId: p.id,
          modelId: p.modelId,
          serialNumber: p.serialNumber,
          quantity: 1,
          reasonId: withdrawal ? null : (reason?.id ?? null),
          reasonCode: withdrawal ? null : (reason?.code ?? null),
          requestedResolution: status === 'credited' ? 'store_credit' : 'refund',
          legalBasis: basis,
          basisExplanation: withdrawal ? 'Withdrawal from the contract within 14 days of delivery.' : 'Return policy window.',
          priceMinor: p.priceMinor,
          quantityReceived: inspected || status === 'received' ? 1 : null,
          quantityDamaged: inspected || status === 'received' ? 0 : null,
          conditionGrade: inspected ? 'like_new' : null,
          disposition: inspected ? 'restock' : null,
          inspectedAt: inspected ? createdAt : null,
        }),
      );
      if (['refunded', 'credited', 'closed'].includes(status)) {
        const breakdown = computeRefund(
          [
            {
              lineId: line.id,
              purchaseId: p.id,
              modelId: p.modelId,
              basis,
              priceMinor: p.priceMinor,
              diminishedValueMinor: 0,
              policy: null,
            },
          ],
          { deliveryCostMinor: 0, keepItem: false, exchangeDifferenceMinor: 0 },
        );
        await m.save(
          m.create(ReturnRefund, {
            requestId: req.id,
            method: status === 'credited' ? 'store_credit' : 'original',
            status: status === 'closed' ? 'paid' : 'issued',
            amountMinor: breakdown.totalMinor,
            currency: p.currency,
            breakdown,
            proposedBy: 'system',
            paymentReference: status === 'closed' ? `PAY-${req.number}` : null,
            paidAt: status === 'closed' ? createdAt : null,
            createdAt,
          }),
        );
      }
    }
  },
};
