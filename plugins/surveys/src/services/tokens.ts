import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Why a token was refused. */
export type TokenProblem = 'invalid' | 'expired';

/** Result of reading a token: the invitation it is for, or why it is refused. */
export type TokenCheck = { ok: true; invitationId: string; expiresAt: Date } | { ok: false; problem: TokenProblem };

/** A fresh random signing key (32 bytes, base64url). */
export function newSigningKey(): string {
  return randomBytes(32).toString('base64url');
}

function mac(key: string, invitationId: string, expSeconds: number): Buffer {
  return createHmac('sha256', Buffer.from(key, 'base64url')).update(`surveys.invitation:${invitationId}:${expSeconds}`).digest();
}

/**
 * A survey link token: `<invitation id>.<expiry, unix seconds>.<HMAC-SHA256>` (base64url). The
 * signature binds the invitation and the expiry, so a changed character is refused and a token
 * never opens another customer's survey.
 */
export function signToken(key: string, invitationId: string, expiresAt: Date): string {
  const exp = Math.floor(expiresAt.getTime() / 1000);
  return `${invitationId}.${exp}.${mac(key, invitationId, exp).toString('base64url')}`;
}

/** Read a token: signature first (constant time), then expiry against `now`. */
export function verifyToken(key: string, token: string, now: Date): TokenCheck {
  if (typeof token !== 'string' || token.length > 200) return { ok: false, problem: 'invalid' };
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, problem: 'invalid' };
  const [id, expText, sig] = parts as [string, string, string];
  if (!UUID.test(id) || !/^\d{1,12}$/.test(expText) || !/^[A-Za-z0-9_-]{43}$/.test(sig)) return { ok: false, problem: 'invalid' };
  const exp = Number(expText);
  const expected = mac(key, id, exp);
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, problem: 'invalid' };
  const expiresAt = new Date(exp * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, problem: 'expired' };
  return { ok: true, invitationId: id, expiresAt };
}
