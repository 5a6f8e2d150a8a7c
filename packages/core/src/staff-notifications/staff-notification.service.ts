import type { DataSource, EntityManager } from 'typeorm';
import { In, IsNull } from 'typeorm';
import { StaffUser } from '../entities/staff-user.entity.js';
import { ValidationError } from '../errors.js';
import type { Notifier } from '../notifications/notification.service.js';
import { Registry } from '../plugin/registry.js';
import { StaffNotificationPreferenceRecord, StaffNotificationRecord } from './staff-notification.entity.js';

/** A kind of staff notification a plugin contributes. */
export interface StaffNotificationKind {
  /** Inside a plugin, `case-assigned` becomes `service-desk.case-assigned`. */
  name: string;
  /** What it tells, as people choose it in their preferences, e.g. "A case was assigned to me". */
  description: string;
  /** Also sent by e-mail unless the person turned it off (default false: in-app only). */
  emailByDefault?: boolean;
}

/** One notification to some staff users. */
export interface StaffNotificationInput {
  /** A kind the plugin defined (`case-assigned`) or a full name (`service-desk.case-assigned`). */
  kind: string;
  /** Staff user ids; duplicates and inactive users are dropped. */
  recipients: Array<string | null | undefined>;
  title: string;
  body?: string | null;
  /** Console path of the object, e.g. `/service-desk/cases/<id>`. */
  link?: string | null;
}

/** The notification API a plugin receives as `ctx.staffNotifications`. */
export interface StaffNotifier {
  /** Declare a kind in setup; people choose per kind whether they also get it by e-mail. */
  defineKind(kind: StaffNotificationKind): void;
  /** Notify in the transaction of the change: the entries (and e-mails) exist only if it commits. Resolves to the recipients notified. */
  notify(manager: EntityManager, notification: StaffNotificationInput): Promise<string[]>;
}

/**
 * The in-app notification centre of staff users, fed by plugins (`ctx.staffNotifications.notify`), with
 * an e-mail copy per kind as each person prefers (through the notification outbox).
 */
export class StaffNotificationService {
  private readonly kinds = new Registry<StaffNotificationKind & { key: string; owner: string }>('Staff notification kind');

  constructor(private readonly options: { dataSource: DataSource; notify: Notifier }) {}

  /** The API for `owner` ('core' or a plugin). */
  forOwner(owner: string): StaffNotifier {
    const full = (name: string) => (name.includes('.') ? name : `${owner}.${name}`);
    return {
      defineKind: (kind) => this.kinds.register(owner, full(kind.name), { ...kind, key: full(kind.name), owner }),
      notify: (manager, n) => this.notify(manager, { ...n, kind: full(n.kind) }),
    };
  }

  /** Every kind, by name. */
  allKinds(): Array<StaffNotificationKind & { key: string; owner: string }> {
    return this.kinds
      .entries()
      .map((e) => e.value)
      .sort((a, b) => a.key.localeCompare(b.key));
  }

  private async notify(m: EntityManager, n: StaffNotificationInput): Promise<string[]> {
    const kind = this.kinds.get(n.kind);
    if (!kind) throw new Error(`Staff notification kind '${n.kind}' is not defined.`);
    const ids = [...new Set(n.recipients.filter((r): r is string => !!r))];
    if (!ids.length) return [];
    const staff = await m.getRepository(StaffUser).find({ where: { id: In(ids), active: true }, select: { id: true, email: true } });
    if (!staff.length) return [];
    const title = n.title.replace(/\s+/g, ' ').trim().slice(0, 300);
    const body = n.body?.slice(0, 2000) ?? null;
    await m
      .getRepository(StaffNotificationRecord)
      .insert(staff.map((s) => ({ staffUserId: s.id, kind: n.kind, title, body, link: n.link ?? null })));
    const prefs = await m
      .getRepository(StaffNotificationPreferenceRecord)
      .findBy({ staffUserId: In(staff.map((s) => s.id)), kind: n.kind });
    for (const s of staff) {
      const wants = prefs.find((p) => p.staffUserId === s.id)?.email ?? kind.emailByDefault ?? false;
      if (wants) {
        await this.options.notify.enqueue(m, {
          to: s.email,
          subject: title,
          text: [body, n.link ? `Open: ${n.link}` : null].filter(Boolean).join('\n\n'),
        });
      }
    }
    return staff.map((s) => s.id);
  }

  /** A staff user's notifications, newest first, with the unread count. */
  async list(staffUserId: string, options: { unreadOnly: boolean; skip: number; take: number }) {
    const repo = this.options.dataSource.getRepository(StaffNotificationRecord);
    const where = options.unreadOnly ? { staffUserId, readAt: IsNull() } : { staffUserId };
    const [items, totalCount] = await repo.findAndCount({
      where,
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: options.skip,
      take: options.take,
    });
    const unreadCount = options.unreadOnly ? totalCount : await repo.countBy({ staffUserId, readAt: IsNull() });
    return { items, totalCount, unreadCount };
  }

  /** Mark some (or, without ids, all) of a staff user's notifications read; resolves to how many changed. */
  async markRead(staffUserId: string, ids: string[] | null): Promise<number> {
    const qb = this.options.dataSource
      .createQueryBuilder()
      .update(StaffNotificationRecord)
      .set({ readAt: () => 'now()' })
      .where('staff_user_id = :staffUserId AND read_at IS NULL', { staffUserId });
    if (ids) qb.andWhere('id IN (:...ids)', { ids: ids.length ? ids : ['00000000-0000-0000-0000-000000000000'] });
    return (await qb.execute()).affected ?? 0;
  }

  /** Every kind with whether this staff user gets it by e-mail. */
  async preferences(staffUserId: string) {
    const prefs = await this.options.dataSource.getRepository(StaffNotificationPreferenceRecord).findBy({ staffUserId });
    return this.allKinds().map((k) => ({
      kind: k.key,
      description: k.description,
      email: prefs.find((p) => p.kind === k.key)?.email ?? k.emailByDefault ?? false,
    }));
  }

  async setPreference(staffUserId: string, kind: string, email: boolean) {
    if (!this.kinds.get(kind))
      throw new ValidationError([{ field: 'kind', message: `no notification kind ${kind}; see notificationPreferences` }]);
    await this.options.dataSource
      .getRepository(StaffNotificationPreferenceRecord)
      .upsert({ staffUserId, kind, email }, ['staffUserId', 'kind']);
    return this.preferences(staffUserId);
  }
}
