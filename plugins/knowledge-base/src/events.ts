import { defineEvent } from '@aftercare/core';
import type { KbArticleStatus } from './domain.js';

/** An article was created (as a draft). */
export const articleCreated = defineEvent<{ articleId: string; number: number }>('knowledge-base.article.created', {
  description: 'A knowledge base article was created.',
});

/** An article moved in its workflow (draft, in review, published, archived). */
export const articleStatusChanged = defineEvent<{ articleId: string; number: number; from: KbArticleStatus; to: KbArticleStatus }>(
  'knowledge-base.article.status-changed',
  { description: 'A knowledge base article changed workflow state.' },
);

/** A reader voted on an article. */
export const articleVoted = defineEvent<{ articleId: string; customerId: string | null; helpful: boolean }>(
  'knowledge-base.article.voted',
  {
    description: 'A reader marked a knowledge base article helpful or not helpful.',
  },
);

/** Every event the plugin declares (webhooks can subscribe to them). */
export const events = [articleCreated, articleStatusChanged, articleVoted];
