import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new signing secret: `whsec_` and 32 random bytes, base64url. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** hex HMAC-SHA256 of `<timestamp>.<body>` with the secret (its UTF-8 bytes) as key. */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** The `x-aftercare-signature` header value: `t=<unix seconds>,v1=<hex signature>`. */
export function webhookSignatureHeader(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${webhookSignature(secret, timestamp, body)}`;
}

/**
 * Check an incoming webhook the way a receiver should: the signature over the raw body must match
 * one `v1` value of the header, and its timestamp must be within `toleranceSeconds` of now (replays
 * of old requests are refused). Compare in constant time.
 */
export function verifyWebhookSignature(options: {
  secret: string;
  /** The `x-aftercare-signature` header. */
  header: string | undefined;
  /** The raw request body, exactly as received. */
  body: string;
  toleranceSeconds?: number;
  /** Unix seconds; defaults to the current time. */
  now?: number;
}): boolean {
  const parts = (options.header ?? '').split(',').map((p) => p.trim().split('='));
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  const candidates = parts.filter(([k, v]) => k === 'v1' && v).map(([, v]) => v!);
  if (!Number.isInteger(t) || !candidates.length) return false;
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - t) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(webhookSignature(options.secret, t, options.body), 'hex');
  return candidates.some((c) => {
    const given = Buffer.from(c, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
