import { defineStatusMachine } from '@aftercare/admin-kit';

/** Workflow states of an article, with their tones (labels from the locale files). */
export const articleStates = defineStatusMachine({
  states: {
    DRAFT: { label: 'knowledgeBase.status.DRAFT', tone: 'default' },
    IN_REVIEW: { label: 'knowledgeBase.status.IN_REVIEW', tone: 'warning' },
    PUBLISHED: { label: 'knowledgeBase.status.PUBLISHED', tone: 'success' },
    ARCHIVED: { label: 'knowledgeBase.status.ARCHIVED', tone: 'default', final: true },
  },
});
