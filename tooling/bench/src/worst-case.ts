// The most expensive requests the request limits still allow (depth, aliases, tokens and the cost
// rule that multiplies by page sizes and nesting), on the bench data set. Each shape is widened
// with aliases until one more would cross the cost limit, then timed; the report shows what one
// such request costs the server, and what it does to a cheap request sent while four of them run.
import { REQUEST_LIMITS, buildPlatformSchema, core, operationCost } from '@aftercare/core';
import { parse } from 'graphql';
import { API_KEY_HEADER } from './auth.js';

const SHAPES: Array<{ name: string; field: (i: number) => string }> = [
  {
    name: 'customers(take: 100) → purchases → model → product',
    field: (i) =>
      `c${i}: customers(take: 100) { items { id name email purchases { id serialNumber purchasedAt model { id name product { id name } } } } }`,
  },
  {
    name: 'purchases(take: 100) → customer → purchases',
    field: (i) => `p${i}: purchases(take: 100) { items { id serialNumber customer { id name purchases { id serialNumber } } } }`,
  },
  {
    name: 'customers(take: 100, search: "a") → purchases → model',
    field: (i) => `s${i}: customers(take: 100, search: "a${i}") { totalCount items { id name purchases { id model { name } } } }`,
  },
];

interface Timed {
  ms: number;
  status: number;
  sql: string | null;
  bytes: number;
  errors: unknown;
}

async function send(url: string, apiKey: string, query: string): Promise<Timed> {
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [API_KEY_HEADER]: apiKey },
    body: JSON.stringify({ query }),
  });
  const text = await res.text();
  const ms = performance.now() - started;
  return { ms, status: res.status, sql: res.headers.get('x-sql-count'), bytes: text.length, errors: JSON.parse(text).errors };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Markdown lines for the report. */
export async function worstCaseReport(url: string, apiKey: string): Promise<string[]> {
  const schema = await buildPlatformSchema({ owner: 'core', resolvers: core.resolvers }, []);
  const rows: Array<{ name: string; aliases: number; cost: number; ms: number; sql: string | null; kb: number; refused: boolean }> = [];
  let worst: { query: string; ms: number } | undefined;
  for (const shape of SHAPES) {
    let n = 0;
    let query = '';
    for (let k = 1; k <= REQUEST_LIMITS.maxAliases; k++) {
      const candidate = `{ ${Array.from({ length: k }, (_, i) => shape.field(i)).join(' ')} }`;
      if (operationCost(schema, parse(candidate)) > REQUEST_LIMITS.maxCost) break;
      n = k;
      query = candidate;
    }
    if (!n) continue;
    await send(url, apiKey, query);
    const runs: Timed[] = [];
    for (let i = 0; i < 5; i++) runs.push(await send(url, apiKey, query));
    const ms = median(runs.map((r) => r.ms));
    rows.push({
      name: shape.name,
      aliases: n,
      cost: operationCost(schema, parse(query)),
      ms,
      sql: runs[0]!.sql,
      kb: Math.round(runs[0]!.bytes / 1024),
      refused: runs.some((r) => r.status !== 200 || r.errors),
    });
    if (!worst || ms > worst.ms) worst = { query, ms };
  }
  const lines = [
    '## Most expensive requests within the limits',
    '',
    `Each shape widened with aliases up to the cost limit (${REQUEST_LIMITS.maxCost}; list sizes and nesting multiply) and the alias limit (${REQUEST_LIMITS.maxAliases}), sent 5 times one after another.`,
    '',
    '| shape | aliases | cost | median ms | SQL | response KiB | refused |',
    '|---|---:|---:|---:|---:|---:|---|',
    ...rows
      .sort((a, b) => b.ms - a.ms)
      .map(
        (r) => `| ${r.name} | ${r.aliases} | ${r.cost} | ${Math.round(r.ms)} | ${r.sql ?? '?'} | ${r.kb} | ${r.refused ? 'yes' : 'no'} |`,
      ),
  ];
  if (worst) {
    const cheap = '{ platform { version } }';
    const alone = median(await Promise.all([1, 2, 3].map(() => send(url, apiKey, cheap).then((r) => r.ms))));
    const heavy = Array.from({ length: 4 }, () => send(url, apiKey, worst!.query));
    const during = (await send(url, apiKey, cheap)).ms;
    await Promise.all(heavy);
    lines.push(
      '',
      `While 4 of the most expensive run at once, \`platform { version }\` took ${Math.round(during)} ms (alone: ${Math.round(alone)} ms).`,
    );
  }
  return lines;
}
