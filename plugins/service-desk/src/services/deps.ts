import type { AuditService, Database, Events, Jobs, PluginContext, SettingsAccess, SlaService, StateTransitions } from '@aftercare/core';
type Logger = PluginContext['logger'];
import type { ServiceDeskSettings } from '../settings.js';
import type { AttachmentStorage } from './attachment-storage.js';
import type { Notifications } from './notifications.service.js';

/** What the service desk's services work with: core services scoped to the plugin, plus a clock. */
export interface ServiceDeskDeps {
  db: Database;
  sla: SlaService;
  /** State changes through the case machine (history, audit, event in the change's transaction). */
  states: StateTransitions;
  audit: AuditService;
  events: Events;
  jobs: Jobs;
  settings: SettingsAccess<ServiceDeskSettings>;
  notifications: Notifications;
  storage: AttachmentStorage;
  logger: Logger;
  /** The current time, read from the server's clock (`ctx.clock`). */
  now: () => Date;
}

/** How an actor is stored on rows: `staff:<id>`, `customer:<id>`, `apiKey:<id>`, `system`. */
export function actorKey(actor: { kind: string; id: string | null }): string {
  return actor.id ? `${actor.kind}:${actor.id}` : actor.kind;
}

/** The SLA subject of a case. */
export const caseSubject = (id: string) => ({ subjectType: 'service-desk.case', subjectId: id });

/** SD-1042 */
export const reference = (c: { number: number }) => `SD-${c.number}`;
