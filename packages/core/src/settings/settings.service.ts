import type { DataSource } from 'typeorm';
import { toJSONSchema, type z } from 'zod';
import { ConflictError, ValidationError } from '../errors.js';
import { Setting } from '../entities/setting.entity.js';
import { audit } from '../audit/audit.service.js';

/** Settings values with the version they were read or written at. */
export interface VersionedSettings<S> {
  values: S;
  /** Grows by one with every stored change; 1 while nothing has been stored. */
  version: number;
}

/** Options of {@link SettingsAccess.update}. */
export interface SettingsUpdateOptions {
  /**
   * The version the caller's change is based on (from `getVersioned`). When the stored settings have
   * moved on since, the update is refused with CONFLICT (`extensions.currentVersion`) and nothing is
   * written, so one admin cannot silently overwrite another's change.
   */
  expectedVersion?: number;
}

/** Typed access to one owner's settings. */
export interface SettingsAccess<S> {
  /** The current settings, with defaults filled in for anything not stored. */
  get(): Promise<S>;
  /** The current settings and their version, for editors that save with `expectedVersion`. */
  getVersioned(): Promise<VersionedSettings<S>>;
  /** Validate and store a change (merged over the current values); throws VALIDATION_FAILED and writes nothing on bad input. */
  update(patch: Partial<S>, options?: SettingsUpdateOptions): Promise<S>;
  /** Like `update`, and also returns the version the change was stored at. */
  updateVersioned(patch: Partial<S>, options?: SettingsUpdateOptions): Promise<VersionedSettings<S>>;
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
    return (await this.getVersioned()).values;
  }

  async getVersioned(): Promise<VersionedSettings<S>> {
    const row = await this.dataSource.getRepository(Setting).findOneBy({ owner: this.owner });
    // A row inserted before the first change starts at version 1 too, so "never stored" and "just
    // created" agree and an editor that read defaults can still save.
    return { values: this.parse(row?.value ?? {}), version: row?.version ?? 1 };
  }

  async update(patch: Partial<S>, options: SettingsUpdateOptions = {}): Promise<S> {
    return (await this.updateVersioned(patch, options)).values;
  }

  async updateVersioned(patch: Partial<S>, options: SettingsUpdateOptions = {}): Promise<VersionedSettings<S>> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(Setting);
      // Lock the row so that two admins saving at once cannot drop each other's change.
      await manager.query(`INSERT INTO setting (owner, value) VALUES ($1, '{}'::jsonb) ON CONFLICT (owner) DO NOTHING`, [this.owner]);
      const row = await repo.findOne({ where: { owner: this.owner }, lock: { mode: 'pessimistic_write' } });
      const currentVersion = row?.version ?? 1;
      if (options.expectedVersion !== undefined && options.expectedVersion !== currentVersion) {
        throw new ConflictError(
          `These settings were changed by someone else since you opened them (version ${currentVersion}, yours ${options.expectedVersion}). Reload them and apply your change again.`,
          { currentVersion },
        );
      }
      const before = this.parse(row?.value ?? {}) as Record<string, unknown>;
      const merged = { ...(row?.value ?? {}), ...patch };
      let value = merged as Record<string, unknown>;
      if (this.schema) {
        const parsed = this.schema.safeParse(merged);
        if (!parsed.success) {
          throw new ValidationError(parsed.error.issues.map((i) => ({ field: i.path.join('.') || this.owner, message: i.message })));
        }
        value = parsed.data as Record<string, unknown>;
      }
      const saved = await repo.save({ owner: this.owner, value });
      await audit.record(manager, { action: 'settings.update', objectType: 'Settings', objectId: this.owner, before, after: value });
      return { values: value as S, version: saved.version ?? currentVersion };
    });
  }
}

/** A settings owner the console can edit: its JSON Schema (from the zod schema) and access to its values. */
export interface EditableSettings {
  owner: string;
  /** JSON Schema (draft 2020-12) of the settings' input, as zod describes it. */
  jsonSchema: Record<string, unknown>;
  access: SettingsAccess<Record<string, unknown>>;
  /** The settings every staff user may read (marked with {@link staffReadable}); the rest needs core.settings.manage. */
  staffReadableKeys: string[];
}

/**
 * Mark a settings field as readable by every staff user (not only administrators): what the console
 * needs to work — reason lists, slot lengths, the currency — as opposed to thresholds and secrets.
 * Staff read these through core's `staffSettings(owner)`; plugins need no settings query of their own.
 *
 * @example
 * settings: z.object({ rejectionReasons: staffReadable(z.array(z.string()).default(['misuse'])) })
 */
export function staffReadable<T extends z.ZodType>(schema: T): T {
  return schema.meta({ staffReadable: true }) as T;
}

/** The top-level keys of a settings JSON Schema marked {@link staffReadable}. */
export function staffReadableKeysOf(jsonSchema: Record<string, unknown>): string[] {
  const props = (jsonSchema.properties ?? {}) as Record<string, { staffReadable?: unknown }>;
  return Object.keys(props).filter((k) => props[k]?.staffReadable === true);
}

/** Every owner with a settings schema, keyed by owner, for the settings API. */
export function editableSettings(
  dataSource: DataSource,
  owners: Array<{ name: string; settings?: z.ZodType }>,
): Map<string, EditableSettings> {
  const out = new Map<string, EditableSettings>();
  for (const o of owners) {
    if (!o.settings) continue;
    const jsonSchema = toJSONSchema(o.settings, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    out.set(o.name, {
      owner: o.name,
      jsonSchema,
      access: new SettingsService(dataSource, o.name, o.settings as z.ZodType<Record<string, unknown>>),
      staffReadableKeys: staffReadableKeysOf(jsonSchema),
    });
  }
  return out;
}
