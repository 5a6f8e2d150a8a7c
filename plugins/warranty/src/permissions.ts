import type { PermissionDeclaration } from '@aftercare/core';

/** Permission names of the warranty plugin, so code refers to them by constant. */
export const P = {
  coverageRead: 'warranty.coverage.read',
  policyManage: 'warranty.policy.manage',
  registrationRead: 'warranty.registration.read',
  registrationWrite: 'warranty.registration.write',
  contractSell: 'warranty.contract.sell',
  claimRead: 'warranty.claim.read',
  claimWrite: 'warranty.claim.write',
  claimDecide: 'warranty.claim.decide',
  claimOverride: 'warranty.claim.override',
  repairRead: 'warranty.repair.read',
  repairWrite: 'warranty.repair.write',
  partsManage: 'warranty.parts.manage',
  metricsRead: 'warranty.metrics.read',
} as const;

/** The permissions the warranty plugin declares, with the built-in roles that get them on first enable. */
export const permissions: PermissionDeclaration[] = [
  {
    name: P.coverageRead,
    description: 'Run the entitlement check (warrantyCoverage) and read service history',
    defaultRoles: ['Agent', 'Supervisor', 'Technician'],
  },
  { name: P.policyManage, description: 'Create and edit warranty policies', defaultRoles: ['Supervisor'] },
  {
    name: P.registrationRead,
    description: 'See warranty registrations and extended warranty contracts',
    defaultRoles: ['Agent', 'Supervisor', 'Technician'],
  },
  { name: P.registrationWrite, description: 'Register items for warranty on behalf of customers', defaultRoles: ['Agent', 'Supervisor'] },
  { name: P.contractSell, description: 'Sell extended warranty contracts', defaultRoles: ['Agent', 'Supervisor'] },
  { name: P.claimRead, description: 'See warranty claims with their abuse signals', defaultRoles: ['Agent', 'Supervisor', 'Technician'] },
  {
    name: P.claimWrite,
    description: 'File warranty claims and move them through review, shipping and repair',
    defaultRoles: ['Agent', 'Supervisor'],
  },
  { name: P.claimDecide, description: 'Approve, reject or ask for information on warranty claims', defaultRoles: ['Supervisor'] },
  {
    name: P.claimOverride,
    description: 'Approve a claim the entitlement check found not covered (with a note)',
    defaultRoles: ['Supervisor'],
  },
  { name: P.repairRead, description: 'See repair orders, visits and parts used', defaultRoles: ['Agent', 'Supervisor', 'Technician'] },
  {
    name: P.repairWrite,
    description: 'Create and work on repair orders: diagnosis, parts, labour, visits, estimates, outcome',
    defaultRoles: ['Supervisor', 'Technician'],
  },
  { name: P.partsManage, description: 'Manage the spare-parts catalogue and stock', defaultRoles: ['Supervisor'] },
  {
    name: P.metricsRead,
    description: 'Read warranty metrics (claim rate, turnaround, first-time fix, cost)',
    defaultRoles: ['Supervisor', 'Analyst'],
  },
];
