import { definePlugin, slaBreached } from '@aftercare/core';
import path from 'node:path';
import { entities } from './entities/index.js';
import { events } from './events.js';
import { migrations } from './migrations/index.js';
import { permissions } from './permissions.js';
import { resolvers } from './resolvers/index.js';
import { ServiceDesk } from './runtime.js';
import { type AttachmentStorage, DiskAttachmentStorage } from './services/attachment-storage.js';
import { caseSlaSubjects, casesPrivacy, casesTimeline } from './services/contributions.js';
import { seedDemoCases } from './services/demo.service.js';
import { serviceDeskMetrics } from './services/metrics.service.js';
import { MailChannel } from './services/mail-channel.service.js';
import { Notifications } from './services/notifications.service.js';
import { setupStaffAlerts } from './services/staff-alerts.js';
import { openComplaintsFromDetractors } from './services/survey-complaints.js';
import { settingsSchema } from './settings.js';

/** Options of {@link createServiceDeskPlugin}; the default export uses none. */
export interface ServiceDeskOptions {
  /** Where attachment bytes go; default files under `<dataDir>/service-desk/attachments`. */
  storage?: AttachmentStorage;
}

/** The service desk plugin, with a custom attachment storage. */
export function createServiceDeskPlugin(options: ServiceDeskOptions = {}) {
  return definePlugin({
    name: 'service-desk',
    version: '0.1.0',
    compatibility: '^0.1.0',
    description: 'Inquiries, complaints and claims with SLAs, triage, assignment and four-eyes compensation.',
    entities,
    migrations,
    resolvers,
    permissions,
    events,
    settings: settingsSchema,
    services: (ctx) =>
      new ServiceDesk({
        db: ctx.db,
        sla: ctx.sla,
        states: ctx.states,
        audit: ctx.audit,
        events: ctx.events,
        jobs: ctx.jobs,
        settings: ctx.settings,
        notifications: new Notifications(ctx.notify),
        storage: options.storage ?? new DiskAttachmentStorage(path.join(ctx.config.dataDir, 'service-desk', 'attachments')),
        logger: ctx.logger,
        now: () => ctx.clock.now(),
      }),
    setup(ctx, desk) {
      const storage = desk.deps.storage;
      desk.deps.notifications.defineTemplates();
      const alerts = setupStaffAlerts(ctx);
      const mail = (desk.mail = new MailChannel(desk, ctx.secrets, alerts));
      ctx.mail.handle(mail.handler());
      desk.deps.notifications.useThreading((m, message) => mail.threading(m, message));
      // Core publishes the breach at the due date; escalation is idempotent per due date.
      ctx.subscribe(slaBreached, 'escalate-breach', async (event) => {
        if (event.payload.subjectType === 'service-desk.case') await desk.cases.checkBreach(event.payload.subjectId);
      });
      // With the surveys plugin enabled, a detractor's answer becomes a complaint case (by event, no import).
      openComplaintsFromDetractors(ctx, desk);
      ctx.defineJob('close-resolved', async () => void (await desk.cases.closeExpired()), { cron: '17 * * * *' });
      ctx.demo.contribute({
        name: 'cases',
        seed: async (args) => void (await seedDemoCases(desk.deps, desk.cases, await ctx.settings.get(), args)),
      });
      ctx.timeline.contribute(casesTimeline);
      ctx.slaSubjects.contribute(caseSlaSubjects);
      ctx.privacy.contribute(casesPrivacy(storage));
      for (const metric of serviceDeskMetrics) ctx.metrics.define(metric);
    },
  });
}

export default createServiceDeskPlugin();

export { ServiceDesk } from './runtime.js';
export { settingsSchema, type ServiceDeskSettings } from './settings.js';
export * from './events.js';
export { P as SERVICE_DESK_PERMISSIONS } from './permissions.js';
export { CASE_TRANSITIONS, allowedTransitions, transition } from './services/case-state-machine.js';
export { triageSeverity } from './services/triage.js';
export { type AttachmentStorage, DiskAttachmentStorage } from './services/attachment-storage.js';
export * from './domain.js';
