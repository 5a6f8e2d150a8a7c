import type { EntityManager } from 'typeorm';

/**
 * Contracts of the registries plugins contribute to from `setup(ctx)`: the unified customer
 * timeline, the metrics registry and the privacy registry. Core owns the queries that read them
 * (`customerTimeline`, `metrics`, `exportCustomerData`, `anonymizeCustomer`); a plugin only says
 * what it holds.
 */

/** One entry of a customer's history, from any plugin. */
export interface TimelineEntry {
  /** Unique within the source, e.g. the row id plus the kind. */
  id: string;
  /** When it happened. Entries are shown newest first. */
  at: Date;
  /** Kind of entry, `<plugin>.<what>`, e.g. `core.purchase`, `service-desk.case.opened`. */
  kind: string;
  /** One line a person reads in the history, e.g. "Complaint SD-1042 opened". */
  title: string;
  /** Optional second line (status, amount, channel...). */
  summary?: string | null;
  /** The object the entry is about, so the console can link to it (`objectType` is a GraphQL type name). */
  objectType: string;
  objectId: string;
}

/** A plugin's contribution to `customerTimeline`. */
export interface TimelineSource {
  /** Name of the source within the plugin, e.g. `cases`; registered as `<plugin>.<name>`. */
  name: string;
  /**
   * The customer's entries older than `before` (all when absent), newest first, at most `limit`.
   * Called once per page of the timeline; read through `manager`, never write.
   */
  load(args: { manager: EntityManager; customerId: string; before?: Date; limit: number }): Promise<TimelineEntry[]>;
}

/** Units a metric is measured in; the console formats values by unit. */
export type MetricUnit = 'count' | 'percent' | 'minutes' | 'score' | 'ratio' | 'money';

/** Bucket size of a metric's time series. */
export type MetricInterval = 'day' | 'week' | 'month';

/** One value of a time series: the bucket's start, an optional group (e.g. a channel) and the value. */
export interface MetricPoint {
  bucket: Date;
  /** The group's key when the query asked for `groupBy`, otherwise null. */
  group: string | null;
  /** Null when the bucket has no data (e.g. no resolved cases, so no resolution time). */
  value: number | null;
  /** How many observations the value is computed from (cases, answers...), when meaningful. */
  sampleSize?: number | null;
}

/** A named measure from DOMAIN.md (CSAT, NPS, FCR, resolution time...), contributed by a plugin. */
export interface MetricDefinition {
  /** `<plugin>.<metric>` in snake case after the dot, e.g. `service-desk.first_contact_resolution`. */
  name: string;
  /** Short label in English, e.g. "First contact resolution". */
  label: string;
  /** The definition in one or two sentences, as DOMAIN.md states it. */
  description: string;
  unit: MetricUnit;
  /** Permission needed to read the metric, e.g. `service-desk.metrics.read`. */
  permission: string;
  /** Dimensions `groupBy` may name, e.g. `['kind', 'channel']`. */
  groupBy?: string[];
  /**
   * The series between `from` (inclusive) and `to` (exclusive), one point per bucket (and group),
   * buckets starting at midnight in `timeZone`.
   */
  compute(args: {
    manager: EntityManager;
    from: Date;
    to: Date;
    interval: MetricInterval;
    timeZone: string;
    groupBy?: string;
  }): Promise<MetricPoint[]>;
}

/**
 * What a plugin holds about a customer, for the right of access (`exportCustomerData`) and
 * erasure (`anonymizeCustomer`).
 */
export interface PrivacyContributor {
  /** Name of the section in the export, e.g. `cases`; registered as `<plugin>.<name>`. */
  name: string;
  /** Everything held about the customer, as plain JSON (no class instances, dates as ISO strings). */
  export(args: { manager: EntityManager; customerId: string }): Promise<unknown>;
  /**
   * Replace the customer's personal values (names, contact data, free text they wrote) in the same
   * transaction as core's anonymisation; keep what statistics need (counts, scores, durations, states).
   */
  anonymize(args: { manager: EntityManager; customerId: string }): Promise<void>;
}
