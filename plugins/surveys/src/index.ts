import { definePlugin } from '@aftercare/core';
import { entities } from './entities/index.js';
import { events } from './events.js';
import { migrations } from './migrations/index.js';
import { permissions } from './permissions.js';
import { resolvers } from './resolvers/index.js';
import { SurveysItems } from './services/item.service.js';
import { settingsSchema } from './settings.js';

/**
 * The Surveys plugin: items that move through a small state machine, with their history, audit
 * entries and events. Enable it in aftercare.config.ts (`plugins: [..., 'surveys']`).
 */
export function createSurveysPlugin() {
  return definePlugin({
    name: 'surveys',
    version: '0.1.0',
    compatibility: '^0.1.0',
    description: 'Surveys: items with a state machine, history, audit and events.',
    entities,
    migrations,
    resolvers,
    permissions,
    events,
    settings: settingsSchema,
    // Built once per server; the plugin's resolvers receive it in their constructor.
    services: (ctx) => new SurveysItems(ctx),
    setup(ctx, items) {
      // Subscribers, jobs and contributions (timeline, privacy, demo data, metrics) go here.
      ctx.privacy.contribute({
        name: 'items',
        export: async ({ manager, customerId }) => ({ items: await items.ofCustomer(manager, customerId) }),
        anonymize: async ({ manager, customerId }) => items.anonymize(manager, customerId),
      });
    },
  });
}

export default createSurveysPlugin();

export { SurveysItems } from './services/item.service.js';
export { settingsSchema, type SurveysSettings } from './settings.js';
export * from './events.js';
export * from './domain.js';
export * from './entities/index.js';
