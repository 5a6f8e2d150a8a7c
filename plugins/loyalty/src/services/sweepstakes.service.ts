import { randomBytes } from 'node:crypto';
import { ConflictError, Customer, NotFoundError, type PluginContext, ValidationError, validId } from '@aftercare/core';
import type { EntityManager } from 'typeorm';
import { drawWinners, entryListHash, sha256Hex } from '../draw.js';
import { LoyaltySweepstake, LoyaltySweepstakeEntry } from '../entities/sweepstake.entity.js';
import type { LoyaltySettings } from '../settings.js';

/** What `saveSweepstake` takes. */
export interface SweepstakeFields {
  id?: string | null;
  name: string;
  rulesText: string;
  eligibility?: string | null;
  prize: string;
  winnersCount: number;
  startsAt: Date;
  endsAt: Date;
  entryEvents?: string[] | null;
}

/** Everything needed to re-run a draw: published after it (before: only the two hashes). */
export interface SweepstakeProof {
  sweepstakeId: string;
  prize: string;
  winnersCount: number;
  seedHash: string | null;
  listHash: string | null;
  seed: string | null;
  entryIds: string[];
  winnerEntryIds: string[];
}

/**
 * Sweepstakes with a verifiable draw: `commit` seals a random seed and publishes SHA-256 of the seed
 * and of the sorted entry list; `draw` derives the winners from seed, list hash and prize
 * (see draw.ts) and publishes the seed, so anyone can re-run `scripts/verify-draw.mjs`.
 */
export class SweepstakesService {
  constructor(private readonly ctx: PluginContext<LoyaltySettings>) {}

  list(): Promise<LoyaltySweepstake[]> {
    return this.ctx.db.manager.find(LoyaltySweepstake, { order: { createdAt: 'DESC' } });
  }

  async get(id: string): Promise<LoyaltySweepstake> {
    const s = await this.ctx.db.manager.findOneBy(LoyaltySweepstake, { id: validId('Sweepstake', id) });
    if (!s) throw new NotFoundError('Sweepstake', id);
    return s;
  }

  async save(fields: SweepstakeFields): Promise<LoyaltySweepstake> {
    const name = fields.name.trim();
    const rulesText = fields.rulesText.trim();
    const prize = fields.prize.trim();
    const problems = [];
    if (!name || name.length > 200) problems.push({ field: 'name', message: '1 to 200 characters' });
    if (!rulesText || rulesText.length > 20000) problems.push({ field: 'rulesText', message: 'the official rules, 1 to 20000 characters' });
    if (!prize || prize.length > 200) problems.push({ field: 'prize', message: '1 to 200 characters' });
    if (!Number.isInteger(fields.winnersCount) || fields.winnersCount < 1 || fields.winnersCount > 1000)
      problems.push({ field: 'winnersCount', message: 'from 1 to 1000' });
    if (fields.startsAt >= fields.endsAt) problems.push({ field: 'endsAt', message: 'must be after startsAt' });
    const entryEvents = [...new Set((fields.entryEvents ?? []).map((e) => e.trim()))];
    if (entryEvents.some((e) => !/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/.test(e)))
      problems.push({ field: 'entryEvents', message: 'event types such as surveys.response.submitted' });
    if (problems.length) throw new ValidationError(problems);
    return this.ctx.db.transaction(async (m) => {
      let s: LoyaltySweepstake;
      if (fields.id) {
        const found = await m.findOne(LoyaltySweepstake, {
          where: { id: validId('Sweepstake', fields.id) },
          lock: { mode: 'pessimistic_write' },
        });
        if (!found) throw new NotFoundError('Sweepstake', fields.id);
        if (found.status !== 'open')
          throw new ConflictError('A committed sweepstake cannot change: its rules are part of the commitment.', {
            reason: 'SWEEPSTAKE_COMMITTED',
          });
        s = found;
      } else s = m.create(LoyaltySweepstake, { status: 'open', createdAt: this.ctx.clock.now() });
      Object.assign(s, {
        name,
        rulesText,
        prize,
        eligibility: fields.eligibility?.trim() ?? '',
        winnersCount: fields.winnersCount,
        startsAt: fields.startsAt,
        endsAt: fields.endsAt,
        entryEvents,
      });
      const saved = await m.save(s);
      await this.ctx.audit.record(m, {
        action: 'loyaltySweepstake.save',
        objectType: 'LoyaltySweepstake',
        objectId: saved.id,
        before: null,
        after: { name, prize, winnersCount: saved.winnersCount },
      });
      return saved;
    });
  }

  /** Add an entry (idempotent per source). Only while the sweepstake is open and within its dates. */
  async addEntry(
    m: EntityManager,
    s: LoyaltySweepstake,
    customerId: string,
    source: string,
    sourceId: string,
  ): Promise<LoyaltySweepstakeEntry | null> {
    const at = this.ctx.clock.now();
    if (s.status !== 'open' || at < s.startsAt || at > s.endsAt) return null;
    await m.query(
      `INSERT INTO loyalty_sweepstake_entry (sweepstake_id, customer_id, source, source_id, created_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (sweepstake_id, source, source_id) DO NOTHING`,
      [s.id, customerId, source, sourceId, at],
    );
    return m.findOneBy(LoyaltySweepstakeEntry, { sweepstakeId: s.id, source, sourceId });
  }

  /** Entries from an event of another plugin, for every open sweepstake that counts it. */
  async enterFromEvent(m: EntityManager, eventType: string, customerId: string, sourceId: string): Promise<void> {
    if (!(await m.existsBy(Customer, { id: customerId }))) return;
    const open: LoyaltySweepstake[] = await m
      .getRepository(LoyaltySweepstake)
      .createQueryBuilder('s')
      .where(`s.status = 'open' AND :t = ANY(s.entry_events)`, { t: eventType })
      .getMany();
    for (const s of open) await this.addEntry(m, s, customerId, eventType, sourceId);
  }

  /** The free entry route (no purchase necessary): one per customer. */
  async freeEntry(sweepstakeId: string, customerId: string): Promise<LoyaltySweepstakeEntry> {
    return this.ctx.db.transaction(async (m) => {
      const s = await m.findOne(LoyaltySweepstake, {
        where: { id: validId('Sweepstake', sweepstakeId) },
        lock: { mode: 'pessimistic_read' },
      });
      if (!s) throw new NotFoundError('Sweepstake', sweepstakeId);
      if (!(await m.existsBy(Customer, { id: validId('Customer', customerId) })))
        throw new ValidationError([{ field: 'customerId', message: 'no such customer' }]);
      const entry = await this.addEntry(m, s, customerId, 'free', customerId);
      if (!entry)
        throw new ConflictError('The sweepstake does not take entries now.', { reason: 'SWEEPSTAKE_CLOSED', field: 'sweepstakeId' });
      return entry;
    });
  }

  /** Close entries and publish the commitment: SHA-256 of a new secret seed and of the sorted entry list. */
  async commit(id: string): Promise<LoyaltySweepstake> {
    return this.ctx.db.transaction(async (m) => {
      const s = await m.findOne(LoyaltySweepstake, { where: { id: validId('Sweepstake', id) }, lock: { mode: 'pessimistic_write' } });
      if (!s) throw new NotFoundError('Sweepstake', id);
      if (s.status !== 'open') throw new ConflictError(`The sweepstake is ${s.status} already.`, { reason: 'SWEEPSTAKE_COMMITTED' });
      const entries = await m.find(LoyaltySweepstakeEntry, { where: { sweepstakeId: s.id }, select: { id: true } });
      const seed = randomBytes(32).toString('hex');
      const at = this.ctx.clock.now();
      Object.assign(s, {
        status: 'committed',
        sealedSeed: this.ctx.secrets.seal(seed),
        seedHash: sha256Hex(seed),
        listHash: entryListHash(entries.map((e) => e.id)),
        committedAt: at,
      });
      await m.save(s);
      await this.ctx.audit.record(m, {
        action: 'loyaltySweepstake.commit',
        objectType: 'LoyaltySweepstake',
        objectId: s.id,
        before: null,
        after: { seedHash: s.seedHash, listHash: s.listHash, entries: entries.length },
      });
      return s;
    });
  }

  /** Draw (committing first if needed): winners from seed, list hash and prize; publishes the seed. */
  async draw(id: string): Promise<LoyaltySweepstake> {
    const current = await this.get(id);
    if (current.status === 'open') await this.commit(id);
    return this.ctx.db.transaction(async (m) => {
      const s = await m.findOne(LoyaltySweepstake, { where: { id: current.id }, lock: { mode: 'pessimistic_write' } });
      if (!s) throw new NotFoundError('Sweepstake', id);
      if (s.status === 'drawn') throw new ConflictError('The sweepstake was drawn already.', { reason: 'SWEEPSTAKE_DRAWN' });
      const entries = await m.find(LoyaltySweepstakeEntry, { where: { sweepstakeId: s.id } });
      if (entryListHash(entries.map((e) => e.id)) !== s.listHash)
        throw new ConflictError('The entry list changed after the commitment.', { reason: 'LIST_CHANGED' });
      const seed = this.ctx.secrets.open(s.sealedSeed!);
      const participants = new Map<string, string>();
      for (const e of entries) if (!participants.has(e.customerId)) participants.set(e.customerId, sha256Hex(`${s.id}:${e.customerId}`));
      const winners = drawWinners(
        seed,
        entries.map((e) => ({ id: e.id, participant: participants.get(e.customerId)! })),
        s.prize,
        s.winnersCount,
      );
      Object.assign(s, { status: 'drawn', seed, winnerEntryIds: winners, drawnAt: this.ctx.clock.now() });
      await m.save(s);
      await this.ctx.audit.record(m, {
        action: 'loyaltySweepstake.draw',
        objectType: 'LoyaltySweepstake',
        objectId: s.id,
        before: null,
        after: { winners: winners.length },
      });
      return s;
    });
  }

  /**
   * The published proof. Entries carry an opaque participant key (a hash of the sweepstake and the
   * customer), so the list shows which entries belong together without naming anyone.
   */
  async proof(id: string): Promise<SweepstakeProof & { entries: Array<{ id: string; participant: string }> }> {
    const s = await this.get(id);
    const drawn = s.status === 'drawn';
    const entries = drawn
      ? await this.ctx.db.manager.find(LoyaltySweepstakeEntry, { where: { sweepstakeId: s.id }, order: { id: 'ASC' } })
      : [];
    return {
      sweepstakeId: s.id,
      prize: s.prize,
      winnersCount: s.winnersCount,
      seedHash: s.seedHash,
      listHash: s.listHash,
      seed: drawn ? s.seed : null,
      entryIds: entries.map((e) => e.id),
      entries: entries.map((e) => ({ id: e.id, participant: sha256Hex(`${s.id}:${e.customerId}`) })),
      winnerEntryIds: s.winnerEntryIds ?? [],
    };
  }

  /** A customer's entries. */
  entriesOf(customerId: string): Promise<LoyaltySweepstakeEntry[]> {
    return this.ctx.db.manager.find(LoyaltySweepstakeEntry, { where: { customerId }, order: { createdAt: 'DESC' }, take: 200 });
  }
}
