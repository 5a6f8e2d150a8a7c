import { definePlugin } from '@aftercare/core';
import { entities, KbGuideProgressRecord, KbSearchRecord, KbSuggestionRecord, KbVoteRecord } from './entities/index.js';
import { events } from './events.js';
import { migrations } from './migrations/index.js';
import { permissions } from './permissions.js';
import { resolvers } from './resolvers/index.js';
import { seedKnowledgeBaseDemo } from './services/demo.js';
import { KnowledgeBase } from './services/index.js';
import { settingsSchema } from './settings.js';

/** What the service desk publishes when a case is opened (subscribed by name, never imported). */
interface CaseOpenedPayload {
  caseId: string;
  customerId: string;
  purchaseId?: string | null;
}

/**
 * The Knowledge base plugin: articles with translations, revisions and a review workflow, categories,
 * guides, full-text search, suggestions while customers write requests, and the deflection funnel.
 * Enable it in aftercare.config.ts (`plugins: [..., 'knowledge-base']`).
 */
export function createKnowledgeBasePlugin() {
  return definePlugin({
    name: 'knowledge-base',
    version: '0.1.0',
    compatibility: '^0.1.0',
    description: 'Knowledge base: articles, search, suggestions and deflection measured end to end.',
    entities,
    migrations,
    resolvers,
    permissions,
    events,
    settings: settingsSchema,
    services: (ctx) => new KnowledgeBase(ctx),
    setup(ctx, kb) {
      ctx.subscribe('service-desk.case.opened', 'deflection', async (event, { manager }) => {
        // The server clock, not the outbox row's database time: delivery follows the publish within seconds.
        await kb.reader.caseOpened(manager, event.payload as CaseOpenedPayload, ctx.clock.now());
      });
      for (const metric of kb.analytics.metrics()) ctx.metrics.define(metric);
      // Stale articles become review tasks for their owners, every Monday morning.
      ctx.staffNotifications.defineKind({ name: 'stale-articles', description: 'Knowledge base articles I own need a review' });
      ctx.defineJob('stale-review', async () => void (await kb.analytics.notifyStaleOwners()), { cron: '0 7 * * 1' });
      ctx.demo.contribute({ name: 'articles', seed: (args) => seedKnowledgeBaseDemo(kb, args) });
      ctx.privacy.contribute({
        name: 'knowledge-base',
        export: async ({ manager, customerId }) => ({
          votes: (await manager.findBy(KbVoteRecord, { customerId })).map((v) => ({
            articleId: v.articleId,
            helpful: v.helpful,
            reason: v.reason,
            at: v.createdAt.toISOString(),
          })),
          suggestions: (await manager.findBy(KbSuggestionRecord, { customerId })).map((s) => ({
            text: s.queryText,
            shownAt: s.shownAt.toISOString(),
            openedArticleId: s.openedArticleId,
          })),
          searches: (await manager.findBy(KbSearchRecord, { customerId })).map((s) => ({ query: s.query, at: s.searchedAt.toISOString() })),
          guideProgress: (await manager.findBy(KbGuideProgressRecord, { customerId })).map((p) => ({
            guideId: p.guideId,
            articleId: p.articleId,
            doneAt: p.doneAt.toISOString(),
          })),
        }),
        anonymize: async ({ manager, customerId }) => {
          // What they wrote goes; votes, funnels and counts stay for the statistics.
          await manager.update(KbVoteRecord, { customerId }, { reason: null });
          await manager.update(KbSuggestionRecord, { customerId }, { queryText: '' });
          await manager.update(KbSearchRecord, { customerId }, { query: '' });
        },
      });
    },
  });
}

export default createKnowledgeBasePlugin();

export { KnowledgeBase } from './services/index.js';
export { settingsSchema, type KnowledgeBaseSettings } from './settings.js';
export { renderMarkdown, markdownText } from './lib/markdown.js';
export { removePersonalData } from './lib/pii.js';
export * from './events.js';
export * from './domain.js';
export * from './entities/index.js';
