#!/usr/bin/env node
// Re-run a sweepstake draw from its published proof and check the commitment.
//
//   node verify-draw.mjs proof.json
//
// proof.json is the `sweepstakeProof` answer: { prize, winnersCount, seedHash, listHash, seed,
// entries: [{ id, participant }], winnerEntryIds }. Needs only Node (no packages). It checks that
// SHA-256(seed) is the published seedHash and SHA-256 of the sorted entry ids (joined by "\n") is the
// published listHash, then derives the winners: for k = 0, 1, …, h = SHA-256(`${seed}:${listHash}:${prize}:${k}`)
// picks index BigInt('0x' + h) mod n of the remaining entries sorted by id; the winner's other entries
// (same participant) leave the list. Exit code 0 when everything matches, 1 otherwise.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

export function rerun(proof) {
  const entries = [...proof.entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const listHash = sha256(entries.map((e) => e.id).join('\n'));
  let remaining = entries;
  const winners = [];
  for (let k = 0; k < proof.winnersCount && remaining.length > 0; k++) {
    const h = sha256(`${proof.seed}:${listHash}:${proof.prize}:${k}`);
    const winner = remaining[Number(BigInt(`0x${h}`) % BigInt(remaining.length))];
    winners.push(winner.id);
    remaining = remaining.filter((e) => e.participant !== winner.participant);
  }
  return { seedOk: sha256(proof.seed) === proof.seedHash, listOk: listHash === proof.listHash, winners };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node verify-draw.mjs proof.json');
    process.exit(2);
  }
  const raw = JSON.parse(readFileSync(file, 'utf8'));
  const proof = raw.data?.sweepstakeProof ?? raw.sweepstakeProof ?? raw;
  const { seedOk, listOk, winners } = rerun(proof);
  const same = JSON.stringify(winners) === JSON.stringify(proof.winnerEntryIds);
  console.log(JSON.stringify({ seedMatchesCommitment: seedOk, entryListMatchesCommitment: listOk, winners, sameWinners: same }, null, 2));
  process.exit(seedOk && listOk && same ? 0 : 1);
}
