import type { PermissionDeclaration } from '@aftercare/core';

/** Permission names of the plugin, so code refers to them by constant. */
export const P = {
  read: 'returns.request.read',
  handle: 'returns.request.handle',
  refund: 'returns.refund.issue',
  approveRefund: 'returns.refund.approve',
  policyManage: 'returns.policy.manage',
  metricsRead: 'returns.metrics.read',
} as const;

/** The permissions the plugin declares, with the built-in roles that get them when it is first enabled. */
export const permissions: PermissionDeclaration[] = [
  { name: P.read, description: 'See return requests, their lines, refunds and abuse signals', defaultRoles: ['Agent', 'Supervisor'] },
  {
    name: P.handle,
    description: 'Approve, decline, receive and inspect returns; change a line’s legal basis',
    defaultRoles: ['Agent', 'Supervisor'],
  },
  { name: P.refund, description: 'Resolve returns: record refunds, store credit and exchanges', defaultRoles: ['Agent', 'Supervisor'] },
  { name: P.approveRefund, description: 'Approve refunds above the four-eyes threshold (not one’s own)', defaultRoles: ['Supervisor'] },
  { name: P.policyManage, description: 'Edit return policies and the reason tree', defaultRoles: ['Supervisor'] },
  { name: P.metricsRead, description: 'Read return metrics', defaultRoles: ['Agent', 'Supervisor'] },
];
