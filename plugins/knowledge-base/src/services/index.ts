import type { PluginContext } from '@aftercare/core';
import type { KnowledgeBaseSettings } from '../settings.js';
import { KbAnalytics } from './analytics.service.js';
import { KbArticles } from './articles.service.js';
import { KbReader } from './reader.service.js';

/** The plugin's services, built once per server and handed to its resolvers. */
export class KnowledgeBase {
  readonly articles: KbArticles;
  readonly reader: KbReader;
  readonly analytics: KbAnalytics;
  constructor(ctx: PluginContext<KnowledgeBaseSettings>) {
    this.articles = new KbArticles(ctx);
    this.reader = new KbReader(ctx);
    this.analytics = new KbAnalytics(ctx);
  }
}
