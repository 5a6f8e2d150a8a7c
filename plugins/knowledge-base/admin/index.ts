import { defineAdminExtension, lineIcon } from '@aftercare/admin-kit';
import en from './locales/en.js';
import es from './locales/es.js';

/** An open book: the knowledge base. */
const BookIcon = lineIcon('M4 5a2 2 0 0 1 2-2h5v16H6a2 2 0 0 0-2 2z', 'M20 5a2 2 0 0 0-2-2h-5v16h5a2 2 0 0 1 2 2z');

/** The knowledge base in the console. */
export default defineAdminExtension({
  id: 'knowledge-base',
  label: 'knowledgeBase.name',
  icon: BookIcon,
  messages: { en, es },
  routes: [],
  nav: [],
  permissions: ['knowledge-base.article.read', 'knowledge-base.article.write', 'knowledge-base.article.publish', 'knowledge-base.analytics.read'],
});
