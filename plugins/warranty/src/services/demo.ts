import { Customer, type DemoContribution, type SlaService } from '@aftercare/core';
import { In } from 'typeorm';
import type { RepairOutcome } from '../domain.js';
import { RepairOrder } from '../entities/repair-order.entity.js';
import { RepairPart } from '../entities/repair-part.entity.js';
import { SparePart } from '../entities/spare-part.entity.js';
import { WarrantyClaim } from '../entities/warranty-claim.entity.js';
import { WarrantyRegistration } from '../entities/warranty-registration.entity.js';
import { period } from './coverage.js';
import { claimSubject } from './deps.js';

const PARTS = [
  ['BELT-100', 'Drive belt', 40, 1200],
  ['PUMP-200', 'Drain pump', 12, 3900],
  ['BOARD-300', 'Control board', 5, 14900],
  ['SEAL-400', 'Door seal', 25, 2500],
  ['FAN-500', 'Cooling fan', 18, 1800],
  ['SCREEN-600', 'Display panel', 3, 21900],
] as const;

const FAULTS = ['E01', 'E21', 'F05', 'H20', 'P10'];

/**
 * Demo warranty data on core's demo purchases: a registration per serialised purchase (demo seeding
 * publishes no events, so it does what the auto-register subscriber would), a spare-parts catalogue,
 * claims in every state and repairs with parts for the resolved ones. Open claims get their SLA clock
 * (paused while information is requested), as a submitted claim does, so the dashboard's open
 * requests and the claims list count the same claims.
 */
export const warrantyDemo = (sla: SlaService): DemoContribution => ({
  name: 'warranty',
  async seed({ manager, random, now, purchases }) {
    const parts = await manager.save(
      PARTS.map(([sku, name, stockQuantity, costMinor]) =>
        manager.create(SparePart, { sku, name, stockQuantity, costMinor, currency: 'EUR' }),
      ),
    );
    const withSerial = purchases.filter((p) => p.serialNumber && p.warrantyMonths > 0);
    const customers = await manager.find(Customer, {
      where: { id: In([...new Set(withSerial.map((p) => p.customerId))]) },
      select: { id: true, timeZone: true, tier: true },
    });
    const zone = new Map(customers.map((c) => [c.id, c.timeZone || 'UTC']));
    const tier = new Map(customers.map((c) => [c.id, c.tier]));
    const regs: WarrantyRegistration[] = [];
    for (const p of withSerial) {
      const pr = period(p.purchasedAt, p.warrantyMonths, zone.get(p.customerId) ?? 'UTC');
      regs.push(
        manager.create(WarrantyRegistration, {
          customerId: p.customerId,
          purchaseId: p.id,
          modelId: p.modelId,
          serialNumber: p.serialNumber,
          purchasedAt: p.purchasedAt,
          deliveredAt: p.deliveredAt,
          seller: null,
          proofOfPurchaseRef: null,
          source: 'purchase',
          policyId: null,
          policyName: `${p.warrantyMonths}-month manufacturer warranty`,
          months: p.warrantyMonths,
          startFrom: 'purchase',
          coverageTypes: ['parts', 'labour'],
          exclusions: ['accidental_damage', 'misuse'],
          legalBasis: 'commercial_warranty',
          usDesignation: 'limited',
          transferable: false,
          startsAt: pr.startsAt,
          endsAt: pr.endsAt,
          status: pr.endsAt <= now ? 'expired' : 'active',
          createdBy: 'system',
          createdAt: p.purchasedAt,
        }),
      );
    }
    await manager.save(regs, { chunk: 200 });
    const states = [
      ['submitted', 3],
      ['in_review', 2],
      ['info_requested', 1],
      ['approved', 2],
      ['rejected', 2],
      ['resolved', 6],
      ['closed', 4],
    ] as const;
    for (const reg of regs.filter(() => random.chance(0.12))) {
      const status = random.weighted(states);
      const createdAt = random.date(reg.purchasedAt, now);
      const claim = await manager.save(
        manager.create(WarrantyClaim, {
          customerId: reg.customerId,
          registrationId: reg.id,
          purchaseId: reg.purchaseId,
          modelId: reg.modelId,
          serialNumber: reg.serialNumber,
          status,
          description: random.pick(['Does not turn on', 'Makes a loud noise', 'Leaks water', 'Display flickers', 'Stops mid-cycle']),
          damageType: 'defect',
          legalBasis: createdAt < reg.endsAt ? 'commercial_warranty' : 'legal_guarantee',
          entitled: true,
          entitlement: { demo: true },
          rejectionReason: status === 'rejected' ? random.pick(['no_fault_found', 'misuse']) : null,
          outcome:
            status === 'resolved' || status === 'closed'
              ? random.weighted<RepairOutcome>([
                  ['repaired', 8],
                  ['replaced', 2],
                  ['refunded', 1],
                ])
              : null,
          resolvedAt:
            status === 'resolved' || status === 'closed' ? new Date(Math.min(now.getTime(), createdAt.getTime() + 6 * 86_400_000)) : null,
          createdBy: 'system',
          createdAt,
        }),
      );
      if (status === 'submitted' || status === 'in_review' || status === 'info_requested' || status === 'approved') {
        const subject = claimSubject(claim.id);
        await sla.startClock(
          manager,
          'warranty',
          subject,
          { kind: 'warranty_claim', customerTier: tier.get(claim.customerId) ?? null },
          createdAt,
        );
        if (status === 'info_requested') await sla.record(manager, subject, 'paused', createdAt);
      }
      if (!claim.outcome) continue;
      const order = await manager.save(
        manager.create(RepairOrder, {
          claimId: claim.id,
          paid: false,
          customerId: claim.customerId,
          modelId: claim.modelId,
          serialNumber: claim.serialNumber,
          status: 'completed',
          diagnosis: 'Checked and fixed on the bench',
          faultCodes: [random.pick(FAULTS)],
          labourMinutes: random.int(20, 150),
          outcome: claim.outcome,
          replacementSerial: claim.outcome === 'replaced' ? `${claim.serialNumber}-R` : null,
          completedAt: claim.resolvedAt,
          createdBy: 'system',
          createdAt,
        }),
      );
      const part = random.pick(parts);
      await manager.insert(RepairPart, {
        repairOrderId: order.id,
        partId: part.id,
        sku: part.sku,
        quantity: 1,
        unitCostMinor: part.costMinor,
      });
    }
  },
});
