import argon2 from 'argon2';
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** A URL-safe random token with 256 bits of entropy. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * SHA-256 hex of a token. Right for high-entropy random tokens (sessions, API keys, reset links):
 * they cannot be guessed, so a slow hash would add cost without adding safety.
 */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Compare two hex digests in constant time. */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A 6-digit one-time code, uniformly drawn. */
export function sixDigitCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** argon2id hash of a password (library defaults: 64 MiB, 3 passes). */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

let dummyHash: Promise<string> | undefined;

/**
 * Verify a password against an argon2 hash. With no hash (unknown account) a dummy hash is
 * verified anyway, so that "no such user" and "wrong password" take the same time.
 */
export async function verifyPassword(hash: string | undefined, password: string): Promise<boolean> {
  const target = hash ?? (await (dummyHash ??= hashPassword(randomToken())));
  try {
    return (await argon2.verify(target, password)) && hash !== undefined;
  } catch {
    return false;
  }
}

/** A generated password: 20 URL-safe characters (120 bits). */
export function generatePassword(): string {
  return randomToken(15);
}
