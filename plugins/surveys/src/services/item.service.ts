import {
  Customer,
  findPage,
  NotFoundError,
  type Page,
  type PageWindow,
  type PluginContext,
  ValidationError,
  validId,
} from '@aftercare/core';
import type { EntityManager } from 'typeorm';
import { type SurveysItemStatus, itemMachine } from '../domain.js';
import { SurveysItem } from '../entities/item.entity.js';
import { itemCreated, itemStatusChanged } from '../events.js';
import type { SurveysSettings } from '../settings.js';

/** What `createSurveysItem` takes. */
export interface CreateItemFields {
  title: string;
  customerId?: string | null;
}

/** One state change of an item. */
export interface MoveItemFields {
  id: string;
  to: SurveysItemStatus;
  /** The version the caller saw; a newer one is refused with CONFLICT. */
  expectedVersion?: number | null;
  /** Why, kept in the item's history. */
  reason?: string | null;
}

/** Which items a list shows. */
export interface ItemFilter {
  status?: SurveysItemStatus | null;
  customerId?: string | null;
}

const TITLE_MAX = 200;

/**
 * The plugin's services, built once per server by `services(ctx)` in index.ts and handed to its
 * resolvers: every rule lives here, resolvers stay one call.
 */
export class SurveysItems {
  constructor(private readonly ctx: PluginContext<SurveysSettings>) {}

  /** One item; NOT_FOUND for an unknown or malformed id. */
  async get(id: string): Promise<SurveysItem> {
    const item = await this.ctx.db.getRepository(SurveysItem).findOneBy({ id: validId(itemMachine.objectName, id) });
    if (!item) throw new NotFoundError(itemMachine.objectName, id);
    return item;
  }

  /** A page of items, newest first (the core list helper: optional filters, stable order, clamped window). */
  list(filter: ItemFilter, window: PageWindow): Promise<Page<SurveysItem>> {
    return findPage(this.ctx.db.getRepository(SurveysItem), {
      where: { status: filter.status ?? undefined, customerId: filter.customerId ? validId('Customer', filter.customerId) : undefined },
      order: { number: 'DESC' },
      ...window,
    });
  }

  /** Create an item in the machine's first state: the row, its first history row, audit entry and event commit together. */
  async create(fields: CreateItemFields): Promise<SurveysItem> {
    const title = fields.title.trim();
    if (!title) throw new ValidationError([{ field: 'title', message: 'must not be empty' }]);
    if (title.length > TITLE_MAX) throw new ValidationError([{ field: 'title', message: `at most ${TITLE_MAX} characters` }]);
    const { referencePrefix } = await this.ctx.settings.get();
    return this.ctx.db.transaction(async (m) => {
      const customerId = fields.customerId ?? null;
      if (customerId && !(await m.existsBy(Customer, { id: validId('Customer', customerId) }))) {
        throw new ValidationError([{ field: 'customerId', message: 'no such customer' }]);
      }
      const at = this.ctx.clock.now();
      const inserted = await m.save(
        m.create(SurveysItem, { title, customerId, status: itemMachine.initial, reference: '', createdAt: at, updatedAt: at }),
      );
      inserted.reference = `${referencePrefix}-${inserted.number}`;
      const item = await m.save(inserted);
      await this.ctx.states.recordCreated(m, itemMachine, item.id, { at });
      await this.ctx.audit.record(m, {
        action: 'surveysItem.create',
        objectType: itemMachine.auditObjectType,
        objectId: item.id,
        before: null,
        after: { reference: item.reference, title: item.title, customerId, status: item.status },
      });
      await this.ctx.events.publish(m, itemCreated, { itemId: item.id, reference: item.reference, customerId }, { aggregateId: item.id });
      return item;
    });
  }

  /**
   * Move an item to another state through the kit's transition recipe: row lock, allowed move
   * (INVALID_TRANSITION names the allowed ones), version check (CONFLICT), history, audit and event.
   */
  async move(fields: MoveItemFields): Promise<SurveysItem> {
    const id = validId(itemMachine.objectName, fields.id);
    return this.ctx.db.transaction(async (m) => {
      const { row } = await this.ctx.states.transition(m, itemMachine, {
        entity: SurveysItem,
        id,
        to: fields.to,
        expectedVersion: fields.expectedVersion ?? null,
        reason: fields.reason?.trim() || null,
        patch: (_row, _from, at) => ({ updatedAt: at }),
        event: {
          type: itemStatusChanged,
          payload: (item, from) => ({ itemId: item.id, reference: item.reference, customerId: item.customerId, from, to: item.status }),
        },
      });
      return row;
    });
  }

  /** A customer's items as plain JSON, for the privacy export. */
  async ofCustomer(m: EntityManager, customerId: string) {
    const items = await m.find(SurveysItem, { where: { customerId }, order: { number: 'ASC' } });
    return items.map((i) => ({ reference: i.reference, title: i.title, status: i.status, createdAt: i.createdAt.toISOString() }));
  }

  /** Anonymisation: titles may hold what the customer wrote, so they go; states and counts stay. */
  async anonymize(m: EntityManager, customerId: string): Promise<void> {
    await m.update(SurveysItem, { customerId }, { title: '(removed)' });
  }
}
