import type { FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { type DataSource, type EntityManager, In, IsNull } from 'typeorm';
import { ANONYMOUS, type Actor, requireStaff } from '../access/actor.js';
import { audit } from '../audit/audit.service.js';
import { ApiKey } from '../entities/api-key.entity.js';
import { AuthSession } from '../entities/auth-session.entity.js';
import { CustomerLoginCode } from '../entities/customer-login-code.entity.js';
import { Customer } from '../entities/customer.entity.js';
import { PasswordResetToken } from '../entities/password-reset-token.entity.js';
import { Role } from '../entities/role.entity.js';
import { StaffUser } from '../entities/staff-user.entity.js';
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from '../errors.js';
import { likeEscape } from '../domain/like.js';
import type { Notifier } from '../notifications/notification.service.js';
import { ApiKeyCache, type ResolvedApiKey } from './api-key-cache.js';
import type { PermissionEntry } from './permissions.js';
import type { RateLimits } from './rate-limits.js';
import { requestContext } from '../request-context.js';
import { generatePassword, hashPassword, randomToken, sameDigest, sha256, sixDigitCode, verifyPassword } from './secrets.js';

/** Name of the session cookie of the admin console and the portal. */
export const SESSION_COOKIE = 'aftercare_session';
const CUSTOMER_CODE_TTL_MS = 10 * 60_000;
const CUSTOMER_CODE_MAX_ATTEMPTS = 5;
const RESET_TOKEN_TTL_MS = 60 * 60_000;
const EMAIL_CONFIRM_TTL_MS = 24 * 60 * 60_000;
/** Serialises changes that could leave the platform without an active Administrator. */
const ADMIN_LOCK = 7401355103;
const API_KEY_TOUCH_MS = 60_000;

/** Lower-case and trim an email, the form it is stored and looked up in. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** A new session: the token is returned once and stored only as a hash. */
export interface IssuedSession {
  token: string;
  expiresAt: Date;
  sessionId: string;
}

/** Options of {@link IdentityService}. */
export interface IdentityOptions {
  dataSource: DataSource;
  permissions: PermissionEntry[];
  notify: Pick<Notifier, 'send'>;
  limits: RateLimits;
  logger: Logger;
  sessionTtlHours: number;
  customerSessionTtlHours: number;
  /** How long a resolved API key is cached in this process, in seconds; 0 disables the cache. */
  apiKeyCacheSeconds?: number;
  /**
   * Absolute URL of the customer portal (`portalUrl`, else this server's address + `portalPath`, known once it listens).
   * When given, the sign-in message carries a one-time link next to the code.
   */
  portalUrl?: () => string | undefined;
}

/** The customer sign-in message in the customer's language (English unless it is Spanish). */
function signInMessage(locale: string, code: string, link: string | undefined): { subject: string; text: string } {
  if (locale.toLowerCase().startsWith('es')) {
    return {
      subject: 'Tu código de acceso',
      text:
        `Tu código de acceso es ${code}. Es válido durante 10 minutos.\n\n` +
        (link ? `O entra directamente con este enlace (un solo uso):\n${link}\n\n` : '') +
        'Si no lo has pedido, ignora este mensaje.',
    };
  }
  return {
    subject: 'Your sign-in code',
    text:
      `Your sign-in code is ${code}. It is valid for 10 minutes.\n\n` +
      (link ? `Or sign in directly with this link (it works once):\n${link}\n\n` : '') +
      'If you did not ask for it, ignore this message.',
  };
}

/** The parts of a role that decide its permissions. */
type RoleGrant = Pick<Role, 'name' | 'builtIn' | 'permissions'>;

/**
 * Staff users, customers, sessions, API keys and roles. Resolvers call it; it checks the rules
 * that need data (no privilege escalation, single-use tokens) and writes audit entries in the same
 * transaction as each change.
 */
export class IdentityService {
  readonly allPermissions: ReadonlySet<string>;
  /** Resolved API keys by secret digest; see {@link ApiKeyCache} for how it stays consistent. */
  readonly apiKeyCache: ApiKeyCache;
  private readonly ds: DataSource;

  constructor(private readonly options: IdentityOptions) {
    this.ds = options.dataSource;
    this.apiKeyCache = new ApiKeyCache((options.apiKeyCacheSeconds ?? 5) * 1000);
    this.allPermissions = new Set(options.permissions.map((p) => p.name));
  }

  get permissions(): PermissionEntry[] {
    return this.options.permissions;
  }

  // ---------------------------------------------------------------- permissions of roles

  /** Permissions a set of roles grants: Administrator grants all; unknown (disabled plugin) names are ignored. */
  permissionsOfRoles(roles: RoleGrant[]): Set<string> {
    if (roles.some((r) => r.builtIn && r.name === 'Administrator')) return new Set(this.allPermissions);
    return new Set(roles.flatMap((r) => r.permissions).filter((p) => this.allPermissions.has(p)));
  }

  /** A role as clients see it: Administrator lists every enabled permission. */
  presentRole(role: Role): Role {
    return role.builtIn && role.name === 'Administrator' ? { ...role, permissions: [...this.allPermissions] } : role;
  }

  private async rolesByIds(m: EntityManager, ids: string[]): Promise<Role[]> {
    const unique = [...new Set(ids)];
    const roles = unique.length ? await m.getRepository(Role).findBy({ id: In(unique) }) : [];
    if (roles.length !== unique.length) {
      const missing = unique.filter((id) => !roles.some((r) => r.id === id));
      throw new ValidationError([{ field: 'roleIds', message: `unknown role id(s): ${missing.join(', ')}` }]);
    }
    return roles;
  }

  /** Nobody hands out more than they hold: every permission of `roles` must be the actor's. */
  private requireHoldsAll(actor: Actor, granted: Set<string>, what: string) {
    const held = actor.kind === 'staff' || actor.kind === 'apiKey' ? actor.permissions : new Set<string>();
    const lacking = [...granted].filter((p) => !held.has(p));
    if (lacking.length) {
      throw new ForbiddenError(`You cannot give ${what} permissions you do not hold yourself: ${lacking.join(', ')}.`, { lacking });
    }
  }

  /**
   * Nobody manages an account that holds more than they do: changing, deactivating or stripping
   * roles of `target` needs every permission the target holds now.
   */
  private requireOutranks(actor: Actor, target: StaffUser) {
    const held = actor.kind === 'staff' || actor.kind === 'apiKey' ? actor.permissions : new Set<string>();
    const lacking = [...this.permissionsOfRoles(target.roles)].filter((p) => !held.has(p));
    if (lacking.length) {
      throw new ForbiddenError(`You cannot manage a staff user who holds permissions you do not hold yourself: ${lacking.join(', ')}.`, {
        lacking,
      });
    }
  }

  /**
   * The platform always keeps one active Administrator: refuse when `userId` is the last active
   * holder of the built-in Administrator role. Call inside the transaction that removes it; the
   * advisory lock makes two concurrent removals see each other.
   */
  private async requireAnotherAdministrator(m: EntityManager, userId: string): Promise<void> {
    await m.query('SELECT pg_advisory_xact_lock($1)', [ADMIN_LOCK]);
    const [row] = (await m.query(
      `SELECT count(*)::int AS n FROM staff_user u
         JOIN staff_user_role ur ON ur.staff_user_id = u.id JOIN role r ON r.id = ur.role_id
        WHERE r.built_in AND r.name = 'Administrator' AND u.active AND u.id <> $1`,
      [userId],
    )) as Array<{ n: number }>;
    if (!row!.n) {
      throw new ConflictError('This is the last active Administrator: make another staff user Administrator first.', {
        reason: 'LAST_ADMINISTRATOR',
      });
    }
  }

  private static isAdministrator(roles: RoleGrant[]): boolean {
    return roles.some((r) => r.builtIn && r.name === 'Administrator');
  }

  // ---------------------------------------------------------------- resolving the actor

  /** Resolve the actor of a request from `x-api-key`, `Authorization: Bearer` or the session cookie. */
  async resolveActor(request: FastifyRequest): Promise<Actor> {
    const header = request.headers['x-api-key'];
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const apiKey = typeof header === 'string' && header ? header : bearer?.startsWith('ak_') ? bearer : undefined;
    if (apiKey) return this.resolveApiKey(apiKey);
    const token = bearer ?? (request as FastifyRequest & { cookies?: Record<string, string | undefined> }).cookies?.[SESSION_COOKIE];
    if (!token) return ANONYMOUS;
    return this.resolveSession(token);
  }

  private async resolveSession(token: string): Promise<Actor> {
    const session = await this.ds.getRepository(AuthSession).findOne({
      where: { tokenHash: sha256(token) },
      relations: { staffUser: { roles: true }, customer: true },
    });
    if (!session || session.revokedAt || session.expiresAt.getTime() <= Date.now()) {
      return { kind: 'anonymous', rejected: 'Your session has expired or was ended.' };
    }
    if (session.kind === 'staff' && session.staffUser?.active) {
      const u = session.staffUser;
      return { kind: 'staff', userId: u.id, email: u.email, sessionId: session.id, permissions: this.permissionsOfRoles(u.roles) };
    }
    if (session.kind === 'customer' && session.customer) {
      return { kind: 'customer', customerId: session.customer.id, email: session.customer.email, sessionId: session.id };
    }
    return { kind: 'anonymous', rejected: 'Your session has expired or was ended.' };
  }

  private async resolveApiKey(secret: string): Promise<Actor> {
    const rejected: Actor = { kind: 'anonymous', rejected: 'This API key is unknown or was revoked.' };
    const prefix = /^ak_([0-9a-f]{12})_[\w-]+$/.exec(secret)?.[1];
    if (!prefix) return rejected;
    const digest = sha256(secret);
    let key = this.apiKeyCache.get(digest);
    if (!key) {
      const generation = this.apiKeyCache.begin();
      const found = await this.lookUpApiKey(prefix, digest);
      if (!found) return rejected;
      key = found;
      this.apiKeyCache.set(digest, key, generation);
    }
    if (Date.now() - key.touchedAt > API_KEY_TOUCH_MS) {
      // Set first, so that concurrent requests on the same key do not all write.
      key.touchedAt = Date.now();
      await this.ds.query(
        `UPDATE api_key SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
        [key.keyId],
      );
    }
    // The cached set is shared, not copied: actors' permission sets are read-only.
    return { kind: 'apiKey', keyId: key.keyId, name: key.name, permissions: key.permissions };
  }

  /**
   * One statement: the key by its public prefix, with its roles and its creator's roles. Null when
   * unknown, revoked or when the digest differs. A key never carries more than its creator holds
   * now: demoting or deactivating the creator narrows the key.
   */
  private async lookUpApiKey(prefix: string, digest: string): Promise<ResolvedApiKey | null> {
    const rows: Array<{
      id: string;
      name: string;
      secret_hash: string;
      revoked_at: Date | null;
      last_used_at: Date | null;
      creator_active: boolean;
      key_roles: RoleGrant[];
      creator_roles: RoleGrant[];
    }> = await this.ds.query(
      `SELECT k.id, k.name, k.secret_hash, k.revoked_at, k.last_used_at, u.active AS creator_active,
         COALESCE((SELECT json_agg(json_build_object('name', r.name, 'builtIn', r.built_in, 'permissions', r.permissions))
                   FROM api_key_role kr JOIN role r ON r.id = kr.role_id WHERE kr.api_key_id = k.id), '[]') AS key_roles,
         COALESCE((SELECT json_agg(json_build_object('name', r.name, 'builtIn', r.built_in, 'permissions', r.permissions))
                   FROM staff_user_role ur JOIN role r ON r.id = ur.role_id WHERE ur.staff_user_id = u.id), '[]') AS creator_roles
       FROM api_key k JOIN staff_user u ON u.id = k.created_by_id
       WHERE k.prefix = $1`,
      [prefix],
    );
    const key = rows[0];
    if (!key || key.revoked_at || !sameDigest(key.secret_hash, digest)) return null;
    const creator = key.creator_active ? this.permissionsOfRoles(key.creator_roles) : new Set<string>();
    const permissions = new Set([...this.permissionsOfRoles(key.key_roles)].filter((p) => creator.has(p)));
    return { keyId: key.id, name: key.name, permissions, touchedAt: key.last_used_at?.getTime() ?? 0 };
  }

  /**
   * Forget the API keys resolved in this process, so that a revocation or a change of roles or
   * staff users applies to the next request. Called after such changes commit; other processes
   * catch up within the cache TTL (`apiKeyCacheSeconds`).
   */
  invalidateApiKeys(): void {
    this.apiKeyCache.invalidate();
  }

  /** Run a change that can narrow API keys, then drop the resolved keys of this process. */
  private async changingAccess<T>(change: () => Promise<T>): Promise<T> {
    try {
      return await change();
    } finally {
      this.apiKeyCache.invalidate();
    }
  }

  // ---------------------------------------------------------------- sessions

  private async issueSession(
    m: EntityManager,
    owner: { staffUserId: string } | { customerId: string },
    ip: string | null,
  ): Promise<IssuedSession> {
    const token = randomToken();
    const staff = 'staffUserId' in owner;
    const hours = staff ? this.options.sessionTtlHours : this.options.customerSessionTtlHours;
    const expiresAt = new Date(Date.now() + hours * 3_600_000);
    const row = await m.getRepository(AuthSession).save({
      tokenHash: sha256(token),
      kind: staff ? ('staff' as const) : ('customer' as const),
      staffUserId: staff ? owner.staffUserId : null,
      customerId: staff ? null : owner.customerId,
      expiresAt,
      ip,
    });
    return { token, expiresAt, sessionId: row.id };
  }

  /** Start a session for a staff user without a password (tests, tooling). */
  createStaffSession(staffUserId: string, ip: string | null = null): Promise<IssuedSession> {
    return this.ds.transaction((m) => this.issueSession(m, { staffUserId }, ip));
  }

  /** Start a session for a customer without a code (tests, tooling). */
  createCustomerSession(customerId: string, ip: string | null = null): Promise<IssuedSession> {
    return this.ds.transaction((m) => this.issueSession(m, { customerId }, ip));
  }

  /** Sign a staff user in with email and password. Rate limited per account and per IP. */
  async login(email: string, password: string, ip: string): Promise<IssuedSession & { user: StaffUser }> {
    const normalized = normalizeEmail(email);
    await this.options.limits.consume('login', normalized, ip);
    const user = await this.ds.getRepository(StaffUser).findOne({ where: { email: normalized }, relations: { roles: true } });
    const ok = await verifyPassword(user?.passwordHash, password);
    if (!user || !ok || !user.active) {
      throw new UnauthenticatedError('Email or password is wrong, or the account is deactivated.');
    }
    await this.options.limits.reset('login', normalized);
    const session = await this.ds.transaction(async (m) => {
      const s = await this.issueSession(m, { staffUserId: user.id }, ip);
      await audit.record(m, {
        action: 'staffUser.login',
        objectType: 'StaffUser',
        objectId: user.id,
        actor: { kind: 'staff', id: user.id, display: user.email },
      });
      return s;
    });
    return { ...session, user };
  }

  /** End the session of this token (if any). */
  async logout(token: string | undefined): Promise<void> {
    if (!token) return;
    await this.ds.query(`UPDATE auth_session SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL`, [sha256(token)]);
  }

  // ---------------------------------------------------------------- passwords

  /** Change the signed-in staff user's password; ends their other sessions. */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string, ip = ''): Promise<void> {
    const me = requireStaff(actor);
    // A stolen session must not become a way to guess the password: attempts are limited like sign-in.
    await this.options.limits.consume('changePassword', me.userId, ip);
    const user = await this.ds.getRepository(StaffUser).findOneByOrFail({ id: me.userId });
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      throw new ValidationError([{ field: 'currentPassword', message: 'is wrong' }]);
    }
    await this.options.limits.reset('changePassword', me.userId);
    const hash = await hashPassword(newPassword);
    await this.ds.transaction(async (m) => {
      await m.update(StaffUser, { id: user.id }, { passwordHash: hash });
      await m.query(`UPDATE auth_session SET revoked_at = now() WHERE staff_user_id = $1 AND id <> $2 AND revoked_at IS NULL`, [
        user.id,
        me.sessionId,
      ]);
      await audit.record(m, { action: 'staffUser.changePassword', objectType: 'StaffUser', objectId: user.id });
    });
  }

  private async sendResetLink(m: EntityManager, user: StaffUser, subject: string, intro: string): Promise<void> {
    const token = randomToken();
    await m.getRepository(PasswordResetToken).insert({
      tokenHash: sha256(token),
      staffUserId: user.id,
      expiresAt: new Date(Date.now() + RESET_TOKEN_TTL_MS),
    });
    // Sent after the caller's work; a failure is logged, never shown (it would tell whether the account exists).
    setImmediate(() => {
      this.options.notify
        .send(
          {
            to: user.email,
            subject,
            text: `${intro}\n\nYour password-reset token (valid for 60 minutes, usable once):\n\n${token}\n\nIf you did not ask for this, ignore this message.`,
          },
          { sensitive: true },
        )
        .catch((err) => this.options.logger.error({ err }, 'sending the password-reset message failed'));
    });
  }

  /** Send a password-reset token if an active account has this email. Answers the same either way. */
  async requestPasswordReset(email: string, ip: string): Promise<void> {
    const normalized = normalizeEmail(email);
    await this.options.limits.consume('passwordReset', normalized, ip);
    this.afterAnswer('password reset', async () => {
      const user = await this.ds.getRepository(StaffUser).findOneBy({ email: normalized, active: true });
      if (!user) return;
      await this.ds.transaction((m) =>
        this.sendResetLink(m, user, 'Reset your Aftercare password', 'Someone asked to reset your password.'),
      );
    });
  }

  /**
   * Work that depends on whether an account exists runs after the answer, so that known and
   * unknown addresses take the same time to answer. Failures are logged, never shown.
   */
  private afterAnswer(what: string, work: () => Promise<void>): void {
    // Outside the request's context: its statements are not the request's (x-sql-count stays equal).
    requestContext.exit(() =>
      setImmediate(() => {
        work().catch((err) => this.options.logger.error({ err }, `${what} failed after answering`));
      }),
    );
  }

  /** Set a new password with a reset token (single use, expiring); ends all sessions of the user. */
  async resetPassword(token: string, newPassword: string): Promise<void> {
    const hash = await hashPassword(newPassword);
    await this.ds.transaction(async (m) => {
      // UPDATE … RETURNING answers [rows, affected count].
      const [rows] = (await m.query(
        `UPDATE password_reset_token t SET used_at = now() FROM staff_user u
          WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.expires_at > now() AND u.id = t.staff_user_id AND u.active
          RETURNING t.staff_user_id`,
        [sha256(token)],
      )) as [Array<{ staff_user_id: string }>, number];
      const row = rows[0];
      if (!row) throw new ValidationError([{ field: 'token', message: 'is invalid, already used or expired: request a new one' }]);
      await m.update(StaffUser, { id: row.staff_user_id }, { passwordHash: hash });
      await m.query(`UPDATE auth_session SET revoked_at = now() WHERE staff_user_id = $1 AND revoked_at IS NULL`, [row.staff_user_id]);
      await audit.record(m, { action: 'staffUser.resetPassword', objectType: 'StaffUser', objectId: row.staff_user_id });
    });
  }

  // ---------------------------------------------------------------- staff users

  /**
   * Create a staff user. Without a password, a random one is set and a reset token is sent, so
   * the person chooses their own. The actor must hold every permission of the given roles.
   */
  async createStaffUser(
    actor: Actor,
    input: { email: string; name: string; password?: string | null; roleIds: string[] },
    options: { skipGrantCheck?: boolean } = {},
  ): Promise<StaffUser> {
    const email = normalizeEmail(input.email);
    const hash = await hashPassword(input.password ?? generatePassword());
    return this.ds.transaction(async (m) => {
      const roles = await this.rolesByIds(m, input.roleIds);
      if (!options.skipGrantCheck) this.requireHoldsAll(actor, this.permissionsOfRoles(roles), 'a staff user');
      if (await m.getRepository(StaffUser).existsBy({ email })) {
        throw new ConflictError(`A staff user with email ${email} already exists.`, { field: 'email' });
      }
      const user = await m.getRepository(StaffUser).save({ email, name: input.name.trim(), passwordHash: hash, active: true, roles });
      await audit.record(m, {
        action: 'staffUser.create',
        objectType: 'StaffUser',
        objectId: user.id,
        after: { email, name: user.name, roles: roles.map((r) => r.name).sort(), active: true },
        actor: options.skipGrantCheck && actor.kind === 'anonymous' ? { kind: 'system', id: null, display: null } : undefined,
      });
      if (!input.password)
        await this.sendResetLink(m, user, 'Your Aftercare account', 'An account was created for you. Choose a password.');
      return user;
    });
  }

  /**
   * Change a staff user's name, email or roles. The actor must hold every permission the user holds
   * now and every permission of added roles. A new email only takes effect once its owner confirms
   * it (`confirmStaffEmail` with the token sent there): until then sign-in and password resets use
   * the old one, so nobody can take over an account by pointing it at an address they read.
   */
  async updateStaffUser(actor: Actor, input: { id: string; name?: string | null; email?: string | null; roleIds?: string[] | null }) {
    return this.changingAccess(() =>
      this.ds.transaction(async (m) => {
        const repo = m.getRepository(StaffUser);
        const user = await repo.findOne({
          where: { id: input.id },
          relations: { roles: true },
          lock: { mode: 'pessimistic_write', tables: ['staff_user'] },
        });
        if (!user) throw new NotFoundError('Staff user', input.id);
        this.requireOutranks(actor, user);
        const before = { email: user.email, name: user.name, roles: user.roles.map((r) => r.name).sort() };
        let confirmationToken: string | undefined;
        if (input.email != null) {
          const email = normalizeEmail(input.email);
          if (email !== user.email) {
            if (await repo.existsBy({ email })) {
              throw new ConflictError(`A staff user with email ${email} already exists.`, { field: 'email' });
            }
            confirmationToken = randomToken();
            user.pendingEmail = email;
            user.pendingEmailTokenHash = sha256(confirmationToken);
            user.pendingEmailExpiresAt = new Date(Date.now() + EMAIL_CONFIRM_TTL_MS);
          } else if (user.pendingEmail) {
            // Setting the current address again cancels a pending change.
            Object.assign(user, { pendingEmail: null, pendingEmailTokenHash: null, pendingEmailExpiresAt: null });
          }
        }
        if (input.name != null) user.name = input.name.trim();
        if (input.roleIds != null) {
          const roles = await this.rolesByIds(m, input.roleIds);
          const added = roles.filter((r) => !user.roles.some((x) => x.id === r.id));
          this.requireHoldsAll(actor, this.permissionsOfRoles(added), 'a staff user');
          if (IdentityService.isAdministrator(user.roles) && !IdentityService.isAdministrator(roles) && user.active) {
            await this.requireAnotherAdministrator(m, user.id);
          }
          user.roles = roles;
        }
        const saved = await repo.save(user);
        await audit.record(m, {
          action: 'staffUser.update',
          objectType: 'StaffUser',
          objectId: user.id,
          before,
          after: { email: saved.email, pendingEmail: saved.pendingEmail, name: saved.name, roles: saved.roles.map((r) => r.name).sort() },
        });
        if (confirmationToken) this.sendEmailConfirmation(saved.pendingEmail!, confirmationToken);
        return saved;
      }),
    );
  }

  private sendEmailConfirmation(to: string, token: string): void {
    setImmediate(() => {
      this.options.notify
        .send(
          {
            to,
            subject: 'Confirm your new Aftercare email',
            text: `Your Aftercare account is to use this address from now on. Confirm it with this token (valid for 24 hours, usable once):\n\n${token}\n\nUntil you confirm, the account keeps its old address. If you did not expect this, ignore this message.`,
          },
          { sensitive: true },
        )
        .catch((err) => this.options.logger.error({ err }, 'sending the email confirmation failed'));
    });
  }

  /** Confirm a pending staff email with the token sent to it; the address then becomes the sign-in email. */
  async confirmStaffEmail(token: string): Promise<void> {
    await this.changingAccess(() =>
      this.ds.transaction(async (m) => {
        const repo = m.getRepository(StaffUser);
        const user = await repo.findOne({ where: { pendingEmailTokenHash: sha256(token) }, lock: { mode: 'pessimistic_write' } });
        if (!user || !user.pendingEmail || !user.pendingEmailExpiresAt || user.pendingEmailExpiresAt.getTime() <= Date.now()) {
          throw new ValidationError([{ field: 'token', message: 'is invalid, already used or expired: ask for the change again' }]);
        }
        const email = user.pendingEmail;
        if (await repo.existsBy({ email })) {
          throw new ConflictError(`A staff user with email ${email} already exists.`, { field: 'email' });
        }
        const before = { email: user.email };
        await repo.update({ id: user.id }, { email, pendingEmail: null, pendingEmailTokenHash: null, pendingEmailExpiresAt: null });
        // Reset tokens sent to the old address no longer apply.
        await m.query(`UPDATE password_reset_token SET used_at = now() WHERE staff_user_id = $1 AND used_at IS NULL`, [user.id]);
        await audit.record(m, { action: 'staffUser.confirmEmail', objectType: 'StaffUser', objectId: user.id, before, after: { email } });
      }),
    );
  }

  /**
   * Deactivate a staff user: they can no longer sign in, and all their sessions end at once. The
   * actor must hold every permission the user holds; the last active Administrator stays.
   */
  async deactivateStaffUser(actor: Actor, id: string): Promise<StaffUser> {
    if (actor.kind === 'staff' && actor.userId === id) {
      throw new ForbiddenError('You cannot deactivate your own account: ask another administrator.');
    }
    return this.changingAccess(() =>
      this.ds.transaction(async (m) => {
        const user = await m.getRepository(StaffUser).findOne({ where: { id }, relations: { roles: true } });
        if (!user) throw new NotFoundError('Staff user', id);
        this.requireOutranks(actor, user);
        if (user.active) {
          if (IdentityService.isAdministrator(user.roles)) await this.requireAnotherAdministrator(m, id);
          await m.update(StaffUser, { id }, { active: false });
          await m.query(`UPDATE auth_session SET revoked_at = now() WHERE staff_user_id = $1 AND revoked_at IS NULL`, [id]);
          await audit.record(m, {
            action: 'staffUser.deactivate',
            objectType: 'StaffUser',
            objectId: id,
            before: { active: true },
            after: { active: false },
          });
        }
        return { ...user, active: false };
      }),
    );
  }

  async staffUsers(skip: number, take: number) {
    const [items, totalCount] = await this.ds.getRepository(StaffUser).findAndCount({
      relations: { roles: true },
      order: { email: 'ASC' },
      skip,
      take,
    });
    return { items, totalCount };
  }

  /**
   * Active staff users by name, for pickers: `search` matches part of the name or e-mail, and
   * `permission` keeps only those whose roles grant it (administrators always qualify).
   */
  async staffDirectory(options: { search?: string | null; permission?: string | null; take: number }): Promise<StaffUser[]> {
    const { search, permission, take } = options;
    if (permission && !this.allPermissions.has(permission)) {
      throw new ValidationError([{ field: 'permission', message: 'is not a known permission' }]);
    }
    const q = this.ds.getRepository(StaffUser).createQueryBuilder('u').select(['u.id', 'u.name']).where('u.active');
    const text = search?.trim();
    if (text) {
      q.andWhere(`(u.name ILIKE :like ESCAPE '\\' OR u.email ILIKE :like ESCAPE '\\')`, { like: `%${likeEscape(text)}%` });
    }
    if (permission) {
      q.andWhere(
        `EXISTS (SELECT 1 FROM staff_user_role ur JOIN role r ON r.id = ur.role_id
                  WHERE ur.staff_user_id = u.id AND (:perm = ANY(r.permissions) OR (r.built_in AND r.name = 'Administrator')))`,
        { perm: permission },
      );
    }
    return q.orderBy('u.name', 'ASC').addOrderBy('u.id', 'ASC').limit(take).getMany();
  }

  async staffUser(id: string): Promise<StaffUser | null> {
    return this.ds.getRepository(StaffUser).findOne({ where: { id }, relations: { roles: true } });
  }

  // ---------------------------------------------------------------- roles

  async roles(): Promise<Role[]> {
    const roles = await this.ds.getRepository(Role).find({ order: { builtIn: 'DESC', name: 'ASC' } });
    return roles.map((r) => this.presentRole(r));
  }

  private checkPermissionNames(names: string[]) {
    const unknown = names.filter((n) => !this.allPermissions.has(n));
    if (unknown.length) throw new ValidationError([{ field: 'permissions', message: `unknown permission(s): ${unknown.join(', ')}` }]);
  }

  /** Create a custom role; the actor must hold every permission it grants. */
  async createRole(actor: Actor, input: { name: string; description?: string | null; permissions: string[] }): Promise<Role> {
    const permissions = [...new Set(input.permissions)].sort();
    this.checkPermissionNames(permissions);
    this.requireHoldsAll(actor, new Set(permissions), 'a role');
    return this.ds.transaction(async (m) => {
      if (await m.getRepository(Role).existsBy({ name: input.name.trim() })) {
        throw new ConflictError(`A role named '${input.name.trim()}' already exists.`, { field: 'name' });
      }
      const role = await m
        .getRepository(Role)
        .save({ name: input.name.trim(), description: input.description ?? '', builtIn: false, permissions });
      await audit.record(m, { action: 'role.create', objectType: 'Role', objectId: role.id, after: { name: role.name, permissions } });
      return role;
    });
  }

  /** Change a role. Built-in roles keep their names; Administrator always holds every permission. */
  async updateRole(
    actor: Actor,
    input: { id: string; name?: string | null; description?: string | null; permissions?: string[] | null },
  ): Promise<Role> {
    return this.changingAccess(() =>
      this.ds.transaction(async (m) => {
        const role = await m.getRepository(Role).findOne({ where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
        if (!role) throw new NotFoundError('Role', input.id);
        const before = { name: role.name, description: role.description, permissions: role.permissions };
        if (input.name != null && input.name.trim() !== role.name) {
          if (role.builtIn) throw new ValidationError([{ field: 'name', message: `built-in role '${role.name}' cannot be renamed` }]);
          if (await m.getRepository(Role).existsBy({ name: input.name.trim() })) {
            throw new ConflictError(`A role named '${input.name.trim()}' already exists.`, { field: 'name' });
          }
          role.name = input.name.trim();
        }
        if (input.description != null) role.description = input.description;
        if (input.permissions != null) {
          if (role.builtIn && role.name === 'Administrator') {
            throw new ValidationError([{ field: 'permissions', message: 'the Administrator role always has every permission' }]);
          }
          const permissions = [...new Set(input.permissions)].sort();
          this.checkPermissionNames(permissions);
          this.requireHoldsAll(actor, new Set(permissions.filter((p) => !role.permissions.includes(p))), 'a role');
          role.permissions = permissions;
        }
        const saved = await m.getRepository(Role).save(role);
        await audit.record(m, {
          action: 'role.update',
          objectType: 'Role',
          objectId: role.id,
          before,
          after: { name: saved.name, description: saved.description, permissions: saved.permissions },
        });
        return this.presentRole(saved);
      }),
    );
  }

  // ---------------------------------------------------------------- API keys

  /** Create an API key; returns the secret once. Only staff users create keys, and never beyond their own permissions. */
  async createApiKey(actor: Actor, input: { name: string; roleIds: string[] }): Promise<{ apiKey: ApiKey; secret: string }> {
    const me = requireStaff(actor);
    return this.ds.transaction(async (m) => {
      const roles = await this.rolesByIds(m, input.roleIds);
      this.requireHoldsAll(me, this.permissionsOfRoles(roles), 'an API key');
      const id12 = randomBytes(6).toString('hex');
      const secret = `ak_${id12}_${randomToken()}`;
      const apiKey = await m.getRepository(ApiKey).save({
        name: input.name.trim(),
        prefix: id12,
        secretHash: sha256(secret),
        roles,
        createdById: me.userId,
        lastUsedAt: null,
        revokedAt: null,
      });
      await audit.record(m, {
        action: 'apiKey.create',
        objectType: 'ApiKey',
        objectId: apiKey.id,
        after: { name: apiKey.name, prefix: id12, roles: roles.map((r) => r.name).sort() },
      });
      return { apiKey, secret };
    });
  }

  /** Revoke an API key; requests with it fail from now on. */
  async revokeApiKey(id: string): Promise<ApiKey> {
    return this.changingAccess(() =>
      this.ds.transaction(async (m) => {
        const key = await m.getRepository(ApiKey).findOne({ where: { id }, relations: { roles: true } });
        if (!key) throw new NotFoundError('API key', id);
        if (!key.revokedAt) {
          key.revokedAt = new Date();
          await m.update(ApiKey, { id }, { revokedAt: key.revokedAt });
          await audit.record(m, { action: 'apiKey.revoke', objectType: 'ApiKey', objectId: id, metadata: { name: key.name } });
        }
        return key;
      }),
    );
  }

  async apiKeys(skip: number, take: number) {
    const [items, totalCount] = await this.ds.getRepository(ApiKey).findAndCount({
      relations: { roles: true },
      order: { createdAt: 'DESC' },
      skip,
      take,
    });
    return { items, totalCount };
  }

  // ---------------------------------------------------------------- customers

  /**
   * Send a 6-digit sign-in code if a customer has this email. Answers the same, with similar
   * timing, whether or not the customer exists: the message is sent after the answer.
   */
  async requestCustomerCode(email: string, ip: string): Promise<void> {
    const normalized = normalizeEmail(email);
    await this.options.limits.consume('customerCode', normalized, ip);
    this.afterAnswer('customer sign-in code', async () => {
      const code = sixDigitCode();
      const linkToken = randomToken();
      const customer = await this.ds.getRepository(Customer).findOneBy({ email: normalized });
      if (!customer) return;
      await this.ds.transaction(async (m) => {
        // A new code replaces older ones (and their links).
        await m.update(CustomerLoginCode, { customerId: customer.id, consumedAt: IsNull() }, { consumedAt: new Date() });
        const row = await m.getRepository(CustomerLoginCode).save({
          customerId: customer.id,
          codeHash: '',
          linkHash: sha256(linkToken),
          expiresAt: new Date(Date.now() + CUSTOMER_CODE_TTL_MS),
        });
        await m.update(CustomerLoginCode, { id: row.id }, { codeHash: sha256(`${row.id}:${code}`) });
      });
      const portal = this.options.portalUrl?.();
      const link = portal ? `${portal}sign-in?link=${encodeURIComponent(linkToken)}` : undefined;
      const message = signInMessage(customer.locale, code, link);
      await this.options.notify.send({ to: customer.email, ...message }, { sensitive: true });
    });
  }

  /**
   * Exchange the one-time link of a sign-in message for a customer session. The link and the code
   * of one message are one credential: using either consumes both.
   */
  async verifyCustomerLink(token: string, ip: string): Promise<IssuedSession & { customer: Customer }> {
    const hash = sha256(token);
    await this.options.limits.consume('customerVerify', hash, ip);
    const wrong = () => new UnauthenticatedError('This sign-in link has expired or was already used: request a new code.');
    const row = await this.ds.getRepository(CustomerLoginCode).findOne({ where: { linkHash: hash, consumedAt: IsNull() } });
    if (!row || row.expiresAt.getTime() <= Date.now()) throw wrong();
    const customer = await this.ds.getRepository(Customer).findOneBy({ id: row.customerId });
    if (!customer) throw wrong();
    return this.consumeCode(row.id, customer, ip, wrong);
  }

  /** Mark a code (and its link) used and open the session, in one transaction. */
  private async consumeCode(
    codeId: string,
    customer: Customer,
    ip: string,
    wrong: () => Error,
  ): Promise<IssuedSession & { customer: Customer }> {
    const session = await this.ds.transaction(async (m) => {
      const used = await m.query(`UPDATE customer_login_code SET consumed_at = now() WHERE id = $1 AND consumed_at IS NULL`, [codeId]);
      if (!used[1]) throw wrong();
      const s = await this.issueSession(m, { customerId: customer.id }, ip);
      await audit.record(m, {
        action: 'customer.signIn',
        objectType: 'Customer',
        objectId: customer.id,
        actor: { kind: 'customer', id: customer.id, display: customer.email },
      });
      return s;
    });
    return { ...session, customer };
  }

  /** End every session of the signed-in staff user or customer, on every device (this one too). */
  async endAllSessions(actor: Actor): Promise<number> {
    if (actor.kind === 'customer') {
      const r = await this.ds.query(`UPDATE auth_session SET revoked_at = now() WHERE customer_id = $1 AND revoked_at IS NULL`, [
        actor.customerId,
      ]);
      return r[1] ?? 0;
    }
    const me = requireStaff(actor);
    const r = await this.ds.query(`UPDATE auth_session SET revoked_at = now() WHERE staff_user_id = $1 AND revoked_at IS NULL`, [
      me.userId,
    ]);
    return r[1] ?? 0;
  }

  /** Exchange a customer's email and code for a customer session. At most 5 attempts per code. */
  async verifyCustomerCode(email: string, code: string, ip: string): Promise<IssuedSession & { customer: Customer }> {
    const normalized = normalizeEmail(email);
    await this.options.limits.consume('customerVerify', normalized, ip);
    const wrong = () => new UnauthenticatedError('The code is wrong, has expired or was tried too often: check it, or request a new one.');
    const customer = await this.ds.getRepository(Customer).findOneBy({ email: normalized });
    if (!customer) throw wrong();
    const row = await this.ds.getRepository(CustomerLoginCode).findOne({
      where: { customerId: customer.id, consumedAt: IsNull() },
      order: { createdAt: 'DESC' },
    });
    if (!row || row.expiresAt.getTime() <= Date.now()) throw wrong();
    const counted = await this.ds.query(
      `UPDATE customer_login_code SET attempts = attempts + 1 WHERE id = $1 AND attempts < $2 AND consumed_at IS NULL RETURNING attempts`,
      [row.id, CUSTOMER_CODE_MAX_ATTEMPTS],
    );
    // Same answer as for an unknown address or a wrong code: nothing tells whether the address is known.
    if (!counted[1]) throw wrong();
    if (!sameDigest(row.codeHash, sha256(`${row.id}:${code}`))) throw wrong();
    const session = await this.consumeCode(row.id, customer, ip, wrong);
    await this.options.limits.reset('customerVerify', normalized);
    return session;
  }

  /**
   * A customer's record. Customers see only their own (others are NOT_FOUND); staff reads of
   * personal data are audited as `customer.read`.
   */
  async customer(actor: Actor, id: string): Promise<Customer> {
    if (actor.kind === 'customer' && actor.customerId !== id) throw new NotFoundError('Customer', id);
    return this.ds.transaction(async (m) => {
      const c = await m.getRepository(Customer).findOneBy({ id });
      if (!c) throw new NotFoundError('Customer', id);
      if (actor.kind !== 'customer') await audit.record(m, { action: 'customer.read', objectType: 'Customer', objectId: id });
      return c;
    });
  }
}
