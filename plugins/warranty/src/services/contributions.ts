import type { PrivacyContributor, SlaSubjectSource, TimelineEntry, TimelineSource } from '@aftercare/core';
import { type EntityManager, LessThan } from 'typeorm';
import { RepairOrder } from '../entities/repair-order.entity.js';
import { WarrantyClaim } from '../entities/warranty-claim.entity.js';
import { WarrantyContract } from '../entities/warranty-contract.entity.js';
import { WarrantyProofDocument } from '../entities/warranty-proof-document.entity.js';
import { WarrantyRegistration } from '../entities/warranty-registration.entity.js';
import { claimReference, repairReference } from './deps.js';

const before = <K extends string>(key: K, at?: Date) => (at ? { [key]: LessThan(at) } : {});

/** Registrations, claims and completed repairs in the customer's history. */
export const warrantyTimeline: TimelineSource = {
  name: 'warranty',
  async load({ manager, customerId, before: at, limit }) {
    const [regs, claims, repairs] = await Promise.all([
      manager.find(WarrantyRegistration, { where: { customerId, ...before('createdAt', at) }, order: { createdAt: 'DESC' }, take: limit }),
      manager.find(WarrantyClaim, { where: { customerId, ...before('createdAt', at) }, order: { createdAt: 'DESC' }, take: limit }),
      manager.find(RepairOrder, {
        where: { customerId, status: 'completed', ...before('completedAt', at) },
        order: { completedAt: 'DESC' },
        take: limit,
      }),
    ]);
    const entries: TimelineEntry[] = [
      ...regs.map((r) => ({
        id: `${r.id}:registered`,
        at: r.createdAt,
        kind: 'warranty.registration',
        title: `Warranty registered: ${r.policyName}`,
        summary: `${r.serialNumber ?? 'no serial'}, ends ${r.endsAt.toISOString().slice(0, 10)}`,
        objectType: 'WarrantyRegistration',
        objectId: r.id,
      })),
      ...claims.map((c) => ({
        id: `${c.id}:submitted`,
        at: c.createdAt,
        kind: 'warranty.claim.submitted',
        title: `Warranty claim ${claimReference(c)} filed`,
        summary: `${c.status}${c.entitled ? '' : ' (not covered at submission)'}`,
        objectType: 'WarrantyClaim',
        objectId: c.id,
      })),
      ...repairs.map((r) => ({
        id: `${r.id}:completed`,
        at: r.completedAt!,
        kind: 'warranty.repair.completed',
        title: `Repair ${repairReference(r)} completed: ${r.outcome}`,
        summary: r.replacementSerial ? `Replaced by ${r.replacementSerial}` : (r.diagnosis ?? null),
        objectType: 'RepairOrder',
        objectId: r.id,
      })),
    ];
    return entries.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, limit);
  },
};

const plain = (rows: object[]) => JSON.parse(JSON.stringify(rows)) as unknown;

/** What the warranty plugin holds about a customer: export everything, erase what they wrote. */
export const warrantyPrivacy: PrivacyContributor = {
  name: 'warranty',
  async export({ manager, customerId }) {
    const repairs = await manager.find(RepairOrder, { where: { customerId } });
    return {
      registrations: plain(await manager.find(WarrantyRegistration, { where: { customerId } })),
      contracts: plain(await manager.find(WarrantyContract, { where: { customerId } })),
      claims: plain(await manager.find(WarrantyClaim, { where: { customerId } })),
      repairOrders: plain(repairs),
      proofDocuments: plain(await manager.find(WarrantyProofDocument, { where: { customerId } })),
    };
  },
  async anonymize({ manager, customerId }: { manager: EntityManager; customerId: string }) {
    await manager.update(WarrantyClaim, { customerId }, { description: '[removed]', infoRequest: null });
    await manager.update(WarrantyRegistration, { customerId }, { proofOfPurchaseRef: null, seller: null });
    await manager.query(
      `UPDATE warranty_repair_visit SET note = NULL WHERE repair_order_id IN (SELECT id FROM warranty_repair_order WHERE customer_id = $1)`,
      [customerId],
    );
    await manager.update(RepairOrder, { customerId }, { estimateNote: null });
    // A receipt names the buyer: the files go entirely.
    await manager.delete(WarrantyProofDocument, { customerId });
  },
};

const shorten = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/** Warranty claims as SLA subjects: "WC-12 · <model>: <what is wrong>", linked to the claim page. */
export const claimSlaSubjects: SlaSubjectSource = {
  subjectType: 'warranty.claim',
  label: 'Warranty claims',
  listPath: '/warranty/claims',
  async describe({ manager, ids }) {
    const rows: Array<{ id: string; number: number; description: string; model: string | null }> = await manager.query(
      `SELECT c.id, c.number, c.description, m.name AS model
         FROM warranty_claim c LEFT JOIN product_model m ON m.id = c.model_id
        WHERE c.id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(
      rows.map((r) => [
        r.id,
        {
          label: shorten(r.model ? `${r.model}: ${r.description}` : r.description),
          reference: claimReference(r),
          adminPath: `/warranty/claims/${r.id}`,
        },
      ]),
    );
  },
};

/** Repair orders as SLA subjects: "RO-7 · <model> · <serial>", linked to the repair page. */
export const repairSlaSubjects: SlaSubjectSource = {
  subjectType: 'warranty.repair',
  label: 'Repair orders',
  listPath: '/warranty/repairs',
  async describe({ manager, ids }) {
    const rows: Array<{ id: string; number: number; serial: string | null; model: string | null }> = await manager.query(
      `SELECT r.id, r.number, r.serial_number AS serial, m.name AS model
         FROM warranty_repair_order r LEFT JOIN product_model m ON m.id = r.model_id
        WHERE r.id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(
      rows.map((r) => [
        r.id,
        {
          label: [r.model, r.serial].filter(Boolean).join(' · '),
          reference: repairReference(r),
          adminPath: `/warranty/repairs/${r.id}`,
        },
      ]),
    );
  },
};
