import type { PermissionDeclaration } from '@aftercare/core';

/** Permission names of the service desk, so code refers to them by constant. */
export const P = {
  caseRead: 'service-desk.case.read',
  caseWrite: 'service-desk.case.write',
  caseAssign: 'service-desk.case.assign',
  compensationPropose: 'service-desk.compensation.propose',
  compensationApprove: 'service-desk.compensation.approve',
  compensationApproveHigh: 'service-desk.compensation.approve-high',
  settingsManage: 'service-desk.settings.manage',
  metricsRead: 'service-desk.metrics.read',
} as const;

/** The permissions the service desk declares, with the built-in roles that get them on first enable. */
export const permissions: PermissionDeclaration[] = [
  { name: P.caseRead, description: 'See service desk cases, their conversation and SLA timers', defaultRoles: ['Agent', 'Supervisor'] },
  {
    name: P.caseWrite,
    description: 'Create cases, reply, add notes, change status, resolve, reopen and merge cases',
    defaultRoles: ['Agent', 'Supervisor'],
  },
  { name: P.caseAssign, description: 'Assign cases to teams and agents', defaultRoles: ['Agent', 'Supervisor'] },
  { name: P.compensationPropose, description: 'Propose compensation on a claim', defaultRoles: ['Agent', 'Supervisor'] },
  {
    name: P.compensationApprove,
    description: 'Approve or reject compensation proposed by someone else, up to the approval threshold',
    defaultRoles: ['Agent', 'Supervisor'],
  },
  {
    name: P.compensationApproveHigh,
    description: 'Approve compensation above the approval threshold',
    defaultRoles: ['Supervisor'],
  },
  {
    name: P.settingsManage,
    description: 'Manage service desk teams, categories, root causes, canned responses and thresholds',
    defaultRoles: ['Supervisor'],
  },
  {
    name: P.metricsRead,
    description: 'Read service desk metrics (FCR, resolution time, SLA compliance…)',
    defaultRoles: ['Supervisor', 'Analyst'],
  },
];
