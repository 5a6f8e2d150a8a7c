import { randomInt } from 'node:crypto';

/** Coupon alphabet: capitals and digits without look-alikes (no 0/O, 1/I/L, 5/S, 2/Z, 8/B). */
export const COUPON_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';

/** A random readable code: groups of 4 joined by '-', e.g. `K7QM-3XTA`. */
export function randomCouponCode(length = 8, prefix = ''): string {
  let raw = '';
  for (let i = 0; i < length; i++) raw += COUPON_ALPHABET[randomInt(COUPON_ALPHABET.length)];
  const groups = raw.match(/.{1,4}/g) ?? [raw];
  return (prefix ? `${prefix}-` : '') + groups.join('-');
}

/** How a typed code is compared: upper case, without spaces. */
export function normalizeCode(code: string): string {
  return code.trim().toUpperCase().replace(/\s+/g, '');
}
