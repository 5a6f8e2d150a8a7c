import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { BootError } from '../errors.js';

/** Raised when a sealed secret cannot be opened: unknown key id, wrong key, tampered or malformed value. */
export class SecretKeyError extends Error {
  constructor(
    message: string,
    /** The key id the value was sealed with, when it could be read. */
    readonly keyId?: string,
  ) {
    super(message);
    this.name = 'SecretKeyError';
  }
}

const VERSION = 'v1';
const KEY_BYTES = 32;
const IV_BYTES = 12;

/**
 * Parse a 32-byte key given as 64 hex digits or as base64 / base64url (43 or 44 characters).
 * Throws an Error that says what was wrong (never echoing the value).
 */
export function parseSecretKey(value: string): Buffer {
  const v = value.trim();
  let key: Buffer | undefined;
  if (/^[0-9a-fA-F]{64}$/.test(v)) key = Buffer.from(v, 'hex');
  else if (/^[A-Za-z0-9+/_-]{43}=?$/.test(v)) key = Buffer.from(v.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (key?.length !== KEY_BYTES) {
    throw new Error(
      `must be ${KEY_BYTES} random bytes written as 64 hex digits or 44 base64 characters (e.g. the output of 'openssl rand -base64 32')`,
    );
  }
  return key;
}

/** A key's public id: the first 8 hex digits of the SHA-256 of the key. Stored beside each sealed value. */
export function secretKeyId(key: Buffer): string {
  return createHash('sha256').update('aftercare-secret-key-id').update(key).digest('hex').slice(0, 8);
}

/**
 * Encrypts secrets that the server must be able to read back (webhook signing secrets) with
 * AES-256-GCM under the server's secret key. A sealed value is one string,
 * `v1:<key id>:<iv>:<tag>:<ciphertext>` (base64url parts; 96-bit random IV, 128-bit tag), so it
 * fits a text column and says which key opens it.
 *
 * Rotation: construct it with the new key as `current` and the old ones as `previous`. Values
 * sealed under a previous key still open; {@link needsReseal} tells which to seal again, which
 * the webhook service does for every subscription at start.
 *
 * `context` is authenticated but not stored (e.g. the table, column and row id): a value copied to
 * another row fails to open.
 */
export class SecretBox {
  /** Id of the key new values are sealed with. */
  readonly keyId: string;
  private readonly keys: Map<string, Buffer>;

  constructor(current: Buffer, previous: Buffer[] = []) {
    this.keyId = secretKeyId(current);
    this.keys = new Map([...previous.map((k) => [secretKeyId(k), k] as const), [this.keyId, current]]);
  }

  /** Ids of every key that can open values, the current one first. */
  get keyIds(): string[] {
    return [this.keyId, ...[...this.keys.keys()].filter((id) => id !== this.keyId)];
  }

  /** Encrypt `plaintext` under the current key. */
  seal(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.keyId)!, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const b64 = (b: Buffer) => b.toString('base64url');
    return [VERSION, this.keyId, b64(iv), b64(cipher.getAuthTag()), b64(ciphertext)].join(':');
  }

  /** Decrypt a value made by {@link seal}; throws {@link SecretKeyError} with a message an operator can act on. */
  open(sealed: string, context: string): string {
    const parts = sealed.split(':');
    if (parts.length !== 5 || parts[0] !== VERSION) {
      throw new SecretKeyError(`The stored secret is not a sealed value of format ${VERSION}: it was not written by this server version.`);
    }
    const [, keyId, iv, tag, ciphertext] = parts as [string, string, string, string, string];
    const key = this.keys.get(keyId);
    if (!key) {
      throw new SecretKeyError(
        `The stored secret was encrypted with key ${keyId}, which this server does not have (it has ${this.keyIds.join(', ')}). ` +
          'Set AFTERCARE_SECRET_KEY to that key, or list it in AFTERCARE_PREVIOUS_SECRET_KEYS while rotating.',
        keyId,
      );
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretKeyError(
        `The stored secret could not be decrypted with key ${keyId}: the value was altered or belongs to another record.`,
        keyId,
      );
    }
  }

  /** The key id a sealed value names, or undefined when it is not a sealed value. */
  static keyIdOf(sealed: string): string | undefined {
    const parts = sealed.split(':');
    return parts.length === 5 && parts[0] === VERSION ? parts[1] : undefined;
  }

  /** True when the value was sealed under another key than the current one (rotate it). */
  needsReseal(sealed: string): boolean {
    return SecretBox.keyIdOf(sealed) !== this.keyId;
  }
}

/** File under the data directory that holds the generated key in development and test. */
export const GENERATED_SECRET_KEY_FILE = 'secret-key';

/**
 * The server's {@link SecretBox}. With `secretKey` set (AFTERCARE_SECRET_KEY), that key; otherwise
 * in development and test a key generated once and kept in `<dataDir>/secret-key` (mode 0600), so
 * restarts keep reading what was sealed; in production a missing key stops boot.
 */
export async function loadSecretBox(config: {
  env: 'development' | 'production' | 'test';
  dataDir: string;
  secretKey?: string;
  previousSecretKeys?: string[];
}): Promise<{ box: SecretBox; generatedFile?: string }> {
  const previous = (config.previousSecretKeys ?? []).map(parseSecretKey);
  if (config.secretKey) return { box: new SecretBox(parseSecretKey(config.secretKey), previous) };
  if (config.env === 'production') {
    throw new BootError(
      'SECRET_KEY_MISSING',
      "AFTERCARE_SECRET_KEY is not set. In production the server needs its own 32-byte key to encrypt webhook secrets: generate one with 'openssl rand -base64 32', keep it in your secret store and set AFTERCARE_SECRET_KEY.",
    );
  }
  const file = path.join(config.dataDir, GENERATED_SECRET_KEY_FILE);
  return { box: new SecretBox(await readOrCreateKeyFile(file), previous), generatedFile: file };
}

/** Read the key file, or create it atomically (several processes may start at once). */
async function readOrCreateKeyFile(file: string): Promise<Buffer> {
  const read = async () => {
    try {
      return parseSecretKey(await fs.readFile(file, 'utf8'));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new BootError('SECRET_KEY_INVALID', `The generated key in ${file} is unreadable or damaged: ${(err as Error).message}.`);
    }
  };
  const existing = await read();
  if (existing) return existing;
  await fs.mkdir(path.dirname(file), { recursive: true });
  // Written whole to a private temporary file, then linked into place: link fails if another
  // process won the race, and nobody ever reads a half-written key.
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await fs.writeFile(tmp, `${randomBytes(KEY_BYTES).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    await fs.link(tmp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    await fs.unlink(tmp).catch(() => undefined);
  }
  return (await read())!;
}
