import type { PermissionDeclaration } from '@aftercare/core';

/** Permission names of the plugin, so code refers to them by constant. */
export const P = {
  read: 'knowledge-base.article.read',
  write: 'knowledge-base.article.write',
  publish: 'knowledge-base.article.publish',
  analytics: 'knowledge-base.analytics.read',
} as const;

/** The permissions the plugin declares, with the built-in roles that get them when it is first enabled. */
export const permissions: PermissionDeclaration[] = [
  {
    name: P.read,
    description: 'Read every knowledge base article (drafts and internal ones too), revisions and suggestions',
    defaultRoles: ['Agent', 'Supervisor', 'Technician', 'Analyst'],
  },
  {
    name: P.write,
    description: 'Write knowledge base articles, categories and guides, and submit them for review',
    defaultRoles: ['Agent', 'Supervisor'],
  },
  { name: P.publish, description: 'Review, publish, schedule and archive knowledge base articles', defaultRoles: ['Supervisor'] },
  {
    name: P.analytics,
    description: 'See search, deflection and helpfulness analytics and stale articles',
    defaultRoles: ['Supervisor', 'Analyst'],
  },
];
