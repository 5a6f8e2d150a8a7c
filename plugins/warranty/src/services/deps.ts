import type {
  Actor,
  AuditService,
  Database,
  Events,
  Jobs,
  Notifier,
  PluginContext,
  SettingsAccess,
  SlaService,
  StateTransitions,
} from '@aftercare/core';
import { actorRef } from '@aftercare/core';
import type { WarrantySettings } from '../settings.js';

/** What the warranty services work with: core services scoped to the plugin, plus a clock. */
export interface WarrantyDeps {
  db: Database;
  sla: SlaService;
  /** State changes of claims and repair orders through their machines (history, audit, event together). */
  states: StateTransitions;
  audit: AuditService;
  events: Events;
  jobs: Jobs;
  notify: Notifier;
  settings: SettingsAccess<WarrantySettings>;
  logger: PluginContext['logger'];
  /** The current time, read from the server's clock (`ctx.clock`). */
  now: () => Date;
}

/** How an actor is stored on rows: `staff:<id>`, `customer:<id>`, `apiKey:<id>`, `system`. */
export function actorKey(actor: Actor | null): string {
  if (!actor) return 'system';
  const ref = actorRef(actor);
  return ref.id ? `${ref.kind}:${ref.id}` : 'system';
}

/** The SLA subject of a claim. */
export const claimSubject = (id: string) => ({ subjectType: 'warranty.claim', subjectId: id });

/** WC-1042 */
export const claimReference = (c: { number: number }) => `WC-${c.number}`;
/** RO-77 */
export const repairReference = (r: { number: number }) => `RO-${r.number}`;

/** Serial numbers are stored upper-case, as core stores them. */
export const normalizeSerial = (s: string | null | undefined) => (s ? s.trim().toUpperCase() : null);
