import type { DataSource } from 'typeorm';
import { KnownPermission } from '../entities/known-permission.entity.js';
import { Role } from '../entities/role.entity.js';
import { BUILT_IN_ROLES, type BuiltInRoleName, type PermissionDeclaration, type PluginDefinition } from '../plugin/define-plugin.js';

/** The permissions core declares. Plugins declare theirs with `definePlugin({ permissions })`. */
export const CORE_PERMISSIONS: PermissionDeclaration[] = [
  { name: 'core.staff.read', description: 'See staff users', defaultRoles: ['Supervisor', 'Agent', 'Technician', 'Analyst'] },
  { name: 'core.staff.manage', description: 'Create, change and deactivate staff users' },
  { name: 'core.role.manage', description: 'Create and change roles and their permissions' },
  { name: 'core.apikey.manage', description: 'Create, list and revoke API keys' },
  { name: 'core.audit.read', description: 'Read the audit trail', defaultRoles: ['Supervisor', 'Analyst'] },
  {
    name: 'core.customer.read',
    description: "See customers' personal data (every read is audited)",
    defaultRoles: ['Supervisor', 'Agent', 'Technician', 'Analyst'],
  },
  {
    name: 'core.customer.manage',
    description: 'Create and change customers and their consents',
    defaultRoles: ['Supervisor', 'Agent'],
  },
  { name: 'core.customer.export', description: 'Export everything held about a customer (right of access)', defaultRoles: ['Supervisor'] },
  { name: 'core.customer.anonymize', description: "Anonymise a customer's personal data everywhere (right to erasure); cannot be undone" },
  {
    name: 'core.product.read',
    description: 'See products and models',
    defaultRoles: ['Supervisor', 'Agent', 'Technician', 'Analyst'],
  },
  { name: 'core.product.manage', description: 'Create and change products and models', defaultRoles: ['Supervisor'] },
  {
    name: 'core.purchase.read',
    description: 'See purchases (items sold, serial numbers)',
    defaultRoles: ['Supervisor', 'Agent', 'Technician', 'Analyst'],
  },
  { name: 'core.purchase.manage', description: 'Record purchases', defaultRoles: ['Supervisor', 'Agent'] },
  { name: 'core.import.run', description: 'Import customers, products and purchases from CSV files', defaultRoles: ['Supervisor'] },
  { name: 'core.settings.manage', description: 'Change platform and plugin settings' },
  {
    name: 'core.sla.read',
    description: 'See business calendars and SLA policies',
    defaultRoles: ['Supervisor', 'Agent', 'Technician', 'Analyst'],
  },
  { name: 'core.webhook.manage', description: 'Manage webhook endpoints and see their delivery log' },
  {
    name: 'core.mail.manage',
    description: 'See inbound e-mail held in quarantine (senders, subjects) and release or discard it',
    defaultRoles: ['Supervisor'],
  },
  { name: 'core.event.read', description: 'See deliveries of domain events to subscribers', defaultRoles: ['Supervisor', 'Analyst'] },
  { name: 'core.event.retry', description: 'Retry failed deliveries of domain events' },
  { name: 'core.sla.manage', description: 'Change business calendars and SLA policies', defaultRoles: ['Supervisor'] },
];

/** Descriptions of the built-in roles. */
export const BUILT_IN_ROLE_DESCRIPTIONS: Record<BuiltInRoleName, string> = {
  Administrator: 'Everything, including permissions of plugins enabled later.',
  Supervisor: 'Leads the service team: oversees cases, approves, reads the audit trail.',
  Agent: 'Handles customer requests.',
  Technician: 'Diagnoses and repairs items.',
  Analyst: 'Reads reports, metrics and the audit trail.',
};

/** A permission with its owner ('core' or a plugin name). */
export interface PermissionEntry extends PermissionDeclaration {
  owner: string;
}

/** Every permission of core and the enabled plugins, in declaration order. */
export function collectPermissions(plugins: PluginDefinition<any>[]): PermissionEntry[] {
  return [
    ...CORE_PERMISSIONS.map((p) => ({ ...p, owner: 'core' })),
    ...plugins.flatMap((pl) => (pl.permissions ?? []).map((p) => ({ ...p, owner: pl.name }))),
  ];
}

/**
 * Boot step: create missing built-in roles and grant each newly seen permission to its default
 * roles. Idempotent and safe with several processes booting at once (advisory lock). A permission
 * is granted by default only once, so an administrator's later removal sticks.
 */
export async function seedRoles(dataSource: DataSource, permissions: PermissionEntry[]): Promise<void> {
  await dataSource.transaction(async (m) => {
    await m.query('SELECT pg_advisory_xact_lock(7401355102)');
    for (const name of BUILT_IN_ROLES) {
      await m.query(`INSERT INTO role (name, description, built_in) VALUES ($1, $2, true) ON CONFLICT (name) DO NOTHING`, [
        name,
        BUILT_IN_ROLE_DESCRIPTIONS[name],
      ]);
    }
    const known = new Set((await m.getRepository(KnownPermission).find()).map((k) => k.name));
    for (const p of permissions) {
      if (known.has(p.name)) continue;
      await m.getRepository(KnownPermission).insert({ name: p.name, owner: p.owner });
      for (const role of p.defaultRoles ?? []) {
        await m
          .createQueryBuilder()
          .update(Role)
          .set({ permissions: () => `array_append(permissions, :perm)` })
          .setParameter('perm', p.name)
          .where('name = :role AND built_in AND NOT (:perm = ANY(permissions))', { role })
          .execute();
      }
    }
  });
}
