import { type EntityManager, LessThan } from 'typeorm';
import { AuditEvent } from '../entities/audit-event.entity.js';
import { CustomerConsentEvent } from '../entities/customer-consent-event.entity.js';
import { Customer } from '../entities/customer.entity.js';
import { ProductModel } from '../entities/product-model.entity.js';
import { Purchase } from '../entities/purchase.entity.js';
import type { TimelineEntry, TimelineSource } from '../plugin/contributions.js';
import type { Registry } from '../plugin/registry.js';

const money = (minor: number, currency: string) => `${(minor / 100).toFixed(2)} ${currency}`;

/** Core's own timeline sources: purchases, the customer's creation, changes of their data, consent changes. */
export const CORE_TIMELINE_SOURCES: TimelineSource[] = [
  {
    name: 'purchases',
    async load({ manager, customerId, before, limit }) {
      const rows = await manager
        .getRepository(Purchase)
        .createQueryBuilder('p')
        .innerJoin(ProductModel, 'm', 'm.id = p.model_id')
        .select(['p.id AS id', 'p.purchased_at AS at', 'p.channel AS channel', 'p.price_minor AS price', 'p.currency AS currency'])
        .addSelect(['m.sku AS sku', 'm.name AS model', 'p.serial_number AS serial'])
        .where('p.customer_id = :customerId', { customerId })
        .andWhere(before ? 'p.purchased_at < :before' : 'TRUE', { before })
        .orderBy('p.purchased_at', 'DESC')
        .limit(limit)
        .getRawMany<{
          id: string;
          at: Date;
          channel: string;
          price: number;
          currency: string;
          sku: string;
          model: string;
          serial: string | null;
        }>();
      return rows.map((r) => ({
        id: `purchase:${r.id}`,
        at: new Date(r.at),
        kind: 'core.purchase',
        title: `Bought ${r.model} (${r.sku})`,
        summary: [r.channel, money(Number(r.price), r.currency.trim()), r.serial ? `serial ${r.serial}` : null].filter(Boolean).join(' · '),
        objectType: 'Purchase',
        objectId: r.id,
      }));
    },
  },
  {
    name: 'customer',
    async load({ manager, customerId, before, limit }) {
      const c = await manager.findOne(Customer, { where: { id: customerId }, select: { id: true, createdAt: true } });
      if (!c || limit < 1 || (before && c.createdAt >= before)) return [];
      return [
        {
          id: `customer:${c.id}`,
          at: c.createdAt,
          kind: 'core.customer.created',
          title: 'Became a customer',
          objectType: 'Customer',
          objectId: c.id,
        },
      ];
    },
  },
  {
    // Changes of the customer's own data, from the audit trail (which records every update with the
    // changed fields): who changed what is visible where people look at the customer.
    name: 'changes',
    async load({ manager, customerId, before, limit }) {
      const rows = await manager.find(AuditEvent, {
        where: {
          action: 'customer.update',
          objectType: 'Customer',
          objectId: customerId,
          ...(before ? { occurredAt: LessThan(before) } : {}),
        },
        order: { occurredAt: 'DESC' },
        take: limit,
      });
      return rows
        .filter((r) => r.changes && Object.keys(r.changes).length)
        .map((r) => ({
          id: `change:${r.id}`,
          at: r.occurredAt,
          kind: 'core.customer.changed',
          title: 'Customer data changed',
          summary: [Object.keys(r.changes!).join(', '), r.actorDisplay ? `by ${r.actorDisplay}` : null].filter(Boolean).join(' · '),
          objectType: 'Customer',
          objectId: customerId,
        }));
    },
  },
  {
    name: 'consents',
    async load({ manager, customerId, before, limit }) {
      const rows = await manager.find(CustomerConsentEvent, {
        where: { customerId, ...(before ? { at: LessThan(before) } : {}) },
        order: { at: 'DESC' },
        take: limit,
      });
      return rows.map((r) => ({
        id: `consent:${r.id}`,
        at: r.at,
        kind: 'core.consent',
        title: `${r.kind === 'marketing' ? 'Marketing' : 'Survey'} consent ${r.granted ? 'given' : 'withdrawn'}`,
        summary: `via ${r.source}`,
        objectType: 'Customer',
        objectId: customerId,
      }));
    },
  },
];

/** One page of a customer's timeline. */
export interface TimelinePage {
  items: Array<Omit<TimelineEntry, 'summary'> & { summary: string | null; source: string }>;
  /** Whether older entries exist: ask again with `before` = the last item's `at`. */
  hasMore: boolean;
}

/**
 * The unified customer history: every registered source (core's and plugins'), merged newest first.
 * Each source is asked for `take + 1` entries older than `before`, so a page costs one call per source.
 */
export class TimelineService {
  constructor(private readonly sources: Registry<TimelineSource>) {}

  async page(manager: EntityManager, customerId: string, before: Date | null, take: number): Promise<TimelinePage> {
    const lists = await Promise.all(
      this.sources.entries().map(async ({ key, value }) => {
        const entries = await value.load({ manager, customerId, before: before ?? undefined, limit: take + 1 });
        return entries.map((e) => ({ ...e, summary: e.summary ?? null, source: key }));
      }),
    );
    const merged = lists
      .flat()
      .filter((e) => !before || e.at < before)
      .sort((a, b) => b.at.getTime() - a.at.getTime() || a.source.localeCompare(b.source) || a.id.localeCompare(b.id));
    return { items: merged.slice(0, take), hasMore: merged.length > take };
  }
}
