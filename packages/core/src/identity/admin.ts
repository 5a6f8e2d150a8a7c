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
 * Development convenience: when no staff user exists, create `admin@aftercare.local` with a
 * password generated once and kept in `<dataDir>/admin-password.txt`. Returns the credentials to
 * print, or undefined when staff users already exist.
 */
export async function ensureDevelopmentAdmin(
  identity: IdentityService,
  dataSource: DataSource,
  dataDir: string,
): Promise<{ email: string; password: string } | undefined> {
  const email = 'admin@aftercare.local';
  const file = path.join(dataDir, 'admin-password.txt');
  if ((await dataSource.getRepository(StaffUser).count()) > 0) {
    // Show the demo credentials again on later starts, as long as that account is still there.
    const stored = await fs.readFile(file, 'utf8').catch(() => undefined);
    const exists = await dataSource.getRepository(StaffUser).existsBy({ email, active: true });
    return stored && exists ? { email, password: stored.trim() } : undefined;
  }
  let password = (await fs.readFile(file, 'utf8').catch(() => '')).trim();
  if (password.length < 12) {
    password = generatePassword();
    await fs.mkdir(dataDir, { recursive: true });
    await fs.writeFile(file, `${password}\n`, { mode: 0o600 });
  }
  await createAdministrator(identity, dataSource, email, 'Demo administrator', password);
  return { email, password };
}
