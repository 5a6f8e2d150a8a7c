import { definePlugin } from '@aftercare/core';
import { entities } from './entities/index.js';
import { events } from './events.js';
import { migrations } from './migrations/index.js';
import { permissions } from './permissions.js';
import { resolvers } from './resolvers/index.js';
import { surveyDemo } from './services/demo.js';
import { surveyMetrics, surveyPrivacy, surveyTimeline } from './services/contributions.js';
import { Surveys } from './services/surveys.service.js';
import { settingsSchema } from './settings.js';

/** `service-desk.case.opened`, read locally (plugins never import each other): only what links a case to a response. */
interface CaseOpened {
  caseId: string;
  source?: { type: string; id: string } | null;
}

/**
 * The Surveys plugin: CSAT, NPS and CES surveys sent after the after-sales moments other plugins
 * declare as triggers, under one set of contact rules, answered in one click from the e-mail, with
 * detractors turned into complaint cases and the scores analysed. Enable it in aftercare.config.ts.
 */
export function createSurveysPlugin() {
  return definePlugin({
    name: 'surveys',
    version: '0.1.0',
    compatibility: '^0.1.0',
    description: 'CSAT, NPS and CES surveys after after-sales events, with contact rules, one-click answers and closed-loop follow-up.',
    entities,
    migrations,
    resolvers,
    permissions,
    events,
    settings: settingsSchema,
    // Built once per server; the plugin's resolvers receive it in their constructor.
    services: (ctx) => new Surveys(ctx),
    setup(ctx, surveys) {
      ctx.notify.defineTemplate('invitation', {
        en: {
          subject: 'How did we do?',
          text: 'Hello {{name}},\n\n{{question}}\n\nClick your answer, it takes one click:\n{{links}}\n\nOr open the survey: {{link}}\nThe link works until {{expires}} and only for you.\n',
        },
        es: {
          subject: '¿Qué tal lo hicimos?',
          text: 'Hola {{name}}:\n\n{{question}}\n\nPulse su respuesta, basta un clic:\n{{links}}\n\nO abra la encuesta: {{link}}\nEl enlace funciona hasta el {{expires}} y solo para usted.\n',
        },
      });
      ctx.notify.defineTemplate('reminder', {
        en: {
          subject: 'Reminder: how did we do?',
          text: 'Hello {{name}},\n\nWe would still like to hear from you.\n{{question}}\n\n{{links}}\n\nThe link works until {{expires}}.\n',
        },
        es: {
          subject: 'Recordatorio: ¿qué tal lo hicimos?',
          text: 'Hola {{name}}:\n\nNos gustaría conocer su opinión.\n{{question}}\n\n{{links}}\n\nEl enlace funciona hasta el {{expires}}.\n',
        },
      });
      // Every declared trigger event may start a survey: the service picks the ones with a trigger.
      ctx.subscribe('*', 'trigger', (event, { manager }) => surveys.onEvent(event, manager));
      ctx.subscribe('service-desk.case.opened', 'link-case', async (event, { manager }) => {
        const p = event.payload as CaseOpened;
        if (p.source?.type === 'surveys.response') await surveys.linkCase(manager, p.source.id, p.caseId);
      });
      ctx.defineJob<{ invitationId: string }>('send', async (data) => surveys.send(data.invitationId));
      ctx.defineJob('remind', async () => void (await surveys.sendDueReminders()), { cron: '23 * * * *' });
      for (const metric of surveyMetrics) ctx.metrics.define(metric);
      ctx.timeline.contribute(surveyTimeline);
      ctx.privacy.contribute(surveyPrivacy(surveys));
      ctx.demo.contribute(surveyDemo);
    },
  });
}

export default createSurveysPlugin();

export { Surveys } from './services/surveys.service.js';
export { settingsSchema, type SurveysSettings } from './settings.js';
export * from './events.js';
export * from './domain.js';
export * from './entities/index.js';
export { mean, nps, wilson, type Estimate } from './services/stats.js';
