import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import { ValidationError } from '../errors.js';
import { Setting } from '../entities/setting.entity.js';

/** Typed access to one owner's settings. */
export interface SettingsAccess<S> {
  /** The current settings, with defaults filled in for anything not stored. */
  get(): Promise<S>;
  /** Validate and store a change (merged over the current values); throws VALIDATION_FAILED and writes nothing on bad input. */
  update(patch: Partial<S>): Promise<S>;
}

/** Settings of one owner (core or a plugin), stored as JSON and always read through the owner's schema. */
export class SettingsService<S> implements SettingsAccess<S> {
  constructor(
    private readonly dataSource: DataSource,
    readonly owner: string,
    private readonly schema: z.ZodType<S> | undefined,
  ) {}

  private parse(value: unknown): S {
    if (!this.schema) return {} as S;
    const parsed = this.schema.safeParse(value);
    if (parsed.success) return parsed.data;
    // Stored values that no longer fit (the schema changed in an upgrade) fall back to defaults
    // rather than stopping the plugin; the next update rewrites them.
    return this.schema.parse({});
  }

  async get(): Promise<S> {
    const row = await this.dataSource.getRepository(Setting).findOneBy({ owner: this.owner });
    return this.parse(row?.value ?? {});
  }

  async update(patch: Partial<S>): Promise<S> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(Setting);
      // Lock the row so that two admins saving at once cannot drop each other's change.
      await manager.query(`INSERT INTO setting (owner, value) VALUES ($1, '{}'::jsonb) ON CONFLICT (owner) DO NOTHING`, [this.owner]);
      const row = await repo.findOne({ where: { owner: this.owner }, lock: { mode: 'pessimistic_write' } });
      const merged = { ...(row?.value ?? {}), ...patch };
      if (this.schema) {
        const parsed = this.schema.safeParse(merged);
        if (!parsed.success) {
          throw new ValidationError(parsed.error.issues.map((i) => ({ field: i.path.join('.') || this.owner, message: i.message })));
        }
        await repo.save({ owner: this.owner, value: parsed.data as Record<string, unknown> });
        return parsed.data;
      }
      await repo.save({ owner: this.owner, value: merged as Record<string, unknown> });
      return merged as S;
    });
  }
}
