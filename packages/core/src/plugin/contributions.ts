import type { EntityManager } from 'typeorm';

/**
 * Contracts of the registries plugins contribute to from `setup(ctx)`: the unified customer
 * timeline, the SLA subjects, the metrics registry and the privacy registry. Core owns the queries that read them
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

/** How one request with an SLA clock is shown to people (dashboards, "SLA at risk", alerts). */
export interface SlaSubjectInfo {
  /** One line a person recognises, e.g. the case subject "Dishwasher leaks". */
  label: string;
  /** The request's number as people quote it, e.g. "SD-1042". */
  reference: string;
  /** Console path of the request's page, e.g. `/service-desk/cases/<id>`; null when it has none. */
  adminPath: string | null;
}

/**
 * A plugin's description of the requests it runs SLA clocks for (the clocks' `subjectType`), so
 * core's SLA views can name and link them without knowing the plugin: the "SLA at risk" list shows
 * "SD-1042 · Dishwasher leaks" instead of `service-desk.case`, and "Open requests" counts per type.
 *
 * @example
 * ctx.slaSubjects.contribute({
 *   subjectType: 'service-desk.case',
 *   label: 'Service cases',
 *   listPath: '/service-desk/cases',
 *   async describe({ manager, ids }) {
 *     const rows = await manager.findBy(Case, { id: In([...ids]) });
 *     return new Map(rows.map((c) => [c.id, { label: c.subject, reference: c.number, adminPath: `/service-desk/cases/${c.id}` }]));
 *   },
 * });
 */
export interface SlaSubjectSource {
  /** The clocks' subject type exactly as given to `sla.startClock`, `<plugin>.<what>`, e.g. `service-desk.case`. */
  subjectType: string;
  /** Plural name of such requests in English, e.g. "Service cases"; the console may translate it by subject type. */
  label: string;
  /** Console path of the list of such requests, e.g. `/service-desk/cases`, or null when there is none. */
  listPath?: string | null;
  /**
   * Describe the requests with these ids. Called at most once per subject type per GraphQL request
   * with every id that request needs (batched), so make it one query. Ids it leaves out (deleted
   * requests) are shown by their raw id. Read through `manager`, never write.
   */
  describe(args: { manager: EntityManager; ids: readonly string[] }): Promise<ReadonlyMap<string, SlaSubjectInfo>>;
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

/** A named measure from docs/domain.md (CSAT, NPS, FCR, resolution time...), contributed by a plugin. */
export interface MetricDefinition {
  /** `<plugin>.<metric>` in snake case after the dot, e.g. `service-desk.first_contact_resolution`. */
  name: string;
  /** Short label in English, e.g. "First contact resolution". */
  label: string;
  /** The definition in one or two sentences, as docs/domain.md states it. */
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

/**
 * Deterministic random numbers for demo data. Each demo contribution gets its own generator,
 * seeded from the contribution's name, so the same installation always gets the same data and
 * enabling another plugin does not change what the others seed.
 */
export interface DemoRandom {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with the given probability (0 to 1). */
  chance(probability: number): boolean;
  /** One of the items, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** One of the items, each as likely as its weight: `weighted([['email', 5], ['phone', 2]])`. */
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T;
  /** A copy of the items in random order. */
  shuffle<T>(items: readonly T[]): T[];
  /** A moment in [from, to). */
  date(from: Date, to: Date): Date;
}

/** A demo customer core seeded, as plugins receive it. */
export interface DemoCustomer {
  id: string;
  name: string;
  email: string;
  /** `es` or `en` (BCP 47). */
  locale: string;
  /** `standard`, `gold` or `business`: the tier SLA policies choose by. */
  tier: string;
  /** Company name for business customers, otherwise null. */
  companyName: string | null;
  createdAt: Date;
}

/** A demo purchase core seeded (one sold item), with what plugins need of its model. */
export interface DemoPurchase {
  id: string;
  customerId: string;
  productId: string;
  productName: string;
  category: string;
  modelId: string;
  sku: string;
  modelName: string;
  /** Null for items sold without a serial number (accessories). */
  serialNumber: string | null;
  purchasedAt: Date;
  /** Null when not delivered yet. */
  deliveredAt: Date | null;
  /** `online`, `store`, `phone` or `marketplace`. */
  channel: string;
  priceMinor: number;
  currency: string;
  /** The model's default commercial warranty, in months. */
  warrantyMonths: number;
  /** The model's return window, in days. */
  returnWindowDays: number;
}

/** What a demo contribution's `seed` receives. */
export interface DemoSeedArgs {
  /** The transaction of the whole demo seed: write through it only, so a failure leaves nothing behind. */
  manager: EntityManager;
  /** This contribution's own deterministic generator. */
  random: DemoRandom;
  /** The moment the demo data is built around; use it instead of the clock. */
  now: Date;
  /** Every demo customer, oldest first. */
  customers: readonly DemoCustomer[];
  /** Every demo purchase, oldest first. */
  purchases: readonly DemoPurchase[];
  /** Id of the demo business calendar (Europe/Madrid office hours with Spanish holidays). */
  calendarId: string;
}

/**
 * A plugin's demo data, seeded after core's (customers, products, models, purchases, calendar and
 * SLA policies) and after the plugins it depends on, in one transaction with them. Runs only on a
 * database without customers, so it never mixes with real data. Demo seeding publishes no events:
 * each plugin writes its own rows (e.g. warranty registers the demo purchases itself).
 */
export interface DemoContribution {
  /** Name within the plugin, e.g. `cases`; registered as `<plugin>.<name>`. */
  name: string;
  seed(args: DemoSeedArgs): Promise<void>;
}
