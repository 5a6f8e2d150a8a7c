import type { PermissionDeclaration } from '@aftercare/core';

/** Permission names of the plugin, so code refers to them by constant. */
export const P = {
  itemRead: 'surveys.item.read',
  itemWrite: 'surveys.item.write',
} as const;

/** The permissions the plugin declares, with the built-in roles that get them when it is first enabled. */
export const permissions: PermissionDeclaration[] = [
  { name: P.itemRead, description: 'See Surveys items and their history', defaultRoles: ['Agent', 'Supervisor'] },
  { name: P.itemWrite, description: 'Create Surveys items and move them between states', defaultRoles: ['Agent', 'Supervisor'] },
];
