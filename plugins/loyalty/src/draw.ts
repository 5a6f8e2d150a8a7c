import { createHash } from 'node:crypto';

/**
 * The sweepstake draw, as a pure function so anyone can re-run it. The same algorithm is in
 * `scripts/verify-draw.mjs` (plain Node, no dependencies) for people outside the platform.
 *
 * - `listHash` = SHA-256 (hex) of the entry ids sorted ascending and joined by `\n`.
 * - `seedHash` = SHA-256 (hex) of the seed string (published before the draw as the commitment).
 * - Winner k (0-based): h = SHA-256(`${seed}:${listHash}:${prize}:${k}`); the k-th winner is the
 *   remaining entry at index `BigInt('0x' + h) % remaining.length` of the sorted list; it is removed
 *   along with every other entry of the same participant, so nobody wins twice.
 */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** One entry of a draw: its public id and an opaque participant key (entries of one participant share it). */
export interface DrawEntry {
  id: string;
  participant: string;
}

/** SHA-256 of the sorted entry ids. */
export function entryListHash(entryIds: readonly string[]): string {
  return sha256Hex([...entryIds].sort().join('\n'));
}

/** The winners' entry ids, in winning order. */
export function drawWinners(seed: string, entries: readonly DrawEntry[], prize: string, count: number): string[] {
  const listHash = entryListHash(entries.map((e) => e.id));
  let remaining = [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const winners: string[] = [];
  for (let k = 0; k < count && remaining.length > 0; k++) {
    const h = sha256Hex(`${seed}:${listHash}:${prize}:${k}`);
    const index = Number(BigInt(`0x${h}`) % BigInt(remaining.length));
    const winner = remaining[index]!;
    winners.push(winner.id);
    remaining = remaining.filter((e) => e.participant !== winner.participant);
  }
  return winners;
}
