import fs from 'node:fs/promises';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { ANONYMOUS } from '../access/actor.js';
import { Role } from '../entities/role.entity.js';
import { StaffUser } from '../entities/staff-user.entity.js';
import { ValidationError } from '../errors.js';
import type { PluginDefinition } from '../plugin/define-plugin.js';
import { collectPermissions, seedRoles } from './permissions.js';
import { generatePassword } from './secrets.js';
import { RateLimits } from './rate-limits.js';
import { IdentityService } from './identity.service.js';
import type { Logger } from 'pino';

/**
 * Create a staff user with the Administrator role (the `create-admin` command). Seeds the built-in
 * roles first, so it works on a freshly migrated database. Generates a password when none is given.
 */
export async function createAdmin(options: {
  dataSource: DataSource;
  plugins: PluginDefinition<any>[];
  email: string;
  name?: string;
  password?: string;
  logger: Logger;
}): Promise<{ user: StaffUser; password: string }> {
  const permissions = collectPermissions(options.plugins);
  await seedRoles(options.dataSource, permissions);
  const identity = new IdentityService({
    dataSource: options.dataSource,
    permissions,
    notify: { send: async () => '' },
    limits: new RateLimits(options.dataSource),
    logger: options.logger,
    sessionTtlHours: 12,
    customerSessionTtlHours: 720,
  });
  return createAdministrator(identity, options.dataSource, options.email, options.name, options.password);
}

async function createAdministrator(identity: IdentityService, dataSource: DataSource, email: string, name?: string, password?: string) {
  if (password !== undefined && password.length < 12)
    throw new ValidationError([{ field: 'password', message: 'must be at least 12 characters' }]);
  const admin = await dataSource.getRepository(Role).findOneByOrFail({ name: 'Administrator', builtIn: true });
  const chosen = password ?? generatePassword();
  const user = await identity.createStaffUser(
    ANONYMOUS,
    { email, name: name ?? 'Administrator', password: chosen, roleIds: [admin.id] },
    {
      skipGrantCheck: true,
    },
  );
  return { user, password: chosen };
}

/**
 * Demo staff created beside the development administrator (same password), one per built-in role a
 * team lead wants to try the console as. A role that does not exist is skipped.
 */
export const DEVELOPMENT_STAFF = [
  { email: 'supervisor@aftercare.local', name: 'Sofia Supervisor', role: 'Supervisor' },
  { email: 'agent@aftercare.local', name: 'Adam Agent', role: 'Agent' },
  { email: 'technician@aftercare.local', name: 'Tomas Technician', role: 'Technician' },
] as const;

/**
 * Development convenience: when no staff user exists, create `admin@aftercare.local` with a
 * password generated once and kept in `<dataDir>/admin-password.txt`, and the demo staff of
 * {@link DEVELOPMENT_STAFF} with the same password. Returns the credentials to print (`staff` lists
 * the demo staff accounts that exist), or undefined when staff users already exist and the admin
 * account is gone.
 */
export async function ensureDevelopmentAdmin(
  identity: IdentityService,
  dataSource: DataSource,
  dataDir: string,
): Promise<{ email: string; password: string; staff?: Array<{ email: string; role: string }> } | undefined> {
  const email = 'admin@aftercare.local';
  const file = path.join(dataDir, 'admin-password.txt');
  if ((await dataSource.getRepository(StaffUser).count()) > 0) {
    // Show the demo credentials again on later starts, as long as that account is still there.
    const stored = await fs.readFile(file, 'utf8').catch(() => undefined);
    const exists = await dataSource.getRepository(StaffUser).existsBy({ email, active: true });
    return stored && exists ? { email, password: stored.trim(), staff: await developmentStaff(dataSource) } : undefined;
  }
  let password = (await fs.readFile(file, 'utf8').catch(() => '')).trim();
  if (password.length < 12) {
    password = generatePassword();
    await fs.mkdir(dataDir, { recursive: true });
    await fs.writeFile(file, `${password}\n`, { mode: 0o600 });
  }
  await createAdministrator(identity, dataSource, email, 'Demo administrator', password);
  for (const demo of DEVELOPMENT_STAFF) {
    const role = await dataSource.getRepository(Role).findOneBy({ name: demo.role, builtIn: true });
    if (!role) continue;
    await identity.createStaffUser(
      ANONYMOUS,
      { email: demo.email, name: demo.name, password, roleIds: [role.id] },
      { skipGrantCheck: true },
    );
  }
  return { email, password, staff: await developmentStaff(dataSource) };
}

async function developmentStaff(dataSource: DataSource) {
  const found: Array<{ email: string; role: string }> = [];
  for (const demo of DEVELOPMENT_STAFF)
    if (await dataSource.getRepository(StaffUser).existsBy({ email: demo.email, active: true }))
      found.push({ email: demo.email, role: demo.role });
  return found;
}
