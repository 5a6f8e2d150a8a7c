// Benchmark runner: starts the platform (built, production mode) and the raw baseline as separate
// processes on the same database, drives each workload against both with autocannon from this
// process, and reports throughput and latency as ratios. `--quick` runs shorter; `--only=W2,W3`
// runs some workloads; `--profile` starts the platform with `--cpu-prof` (profiles under .work/profiles);
// `--no-key-cache` makes both servers look the API key up on every request; `--key-cache-compare` also
// loads a second platform process without the cache after each workload and reports the difference.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { createLogger, freePort, startEmbeddedPostgres } from '@aftercare/core';
import pg from 'pg';
import { API_KEY_HEADER, createBenchApiKey, resolveApiKey } from './auth.js';
import { answer } from './baseline.js';
import { poolDb } from './db.js';
import { SEED_CUSTOMERS, SEED_PURCHASES, seed } from './seed.js';
import {
  SEED_ARTICLES,
  SEED_CASES,
  SEED_LEDGER_ENTRIES,
  SEED_SURVEY_RESPONSES,
  seedKnowledgeBase,
  seedLoyalty,
  seedReturns,
  seedServiceDesk,
  seedSurveys,
  seedWarranty,
} from './seed-plugins.js';
import { type Workload, workloads as allWorkloads } from './workloads.js';
import { worstCaseReport } from './worst-case.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const benchRoot = path.resolve(here, '..');
const repoRoot = path.resolve(benchRoot, '../..');
const quick = process.argv.includes('--quick');
const duration = quick ? 3 : 10;
const warmup = quick ? 1 : 2;
const connections = 10;
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const workloads = only ? allWorkloads.filter((w) => only.includes(w.id)) : allWorkloads;
const profileDir = process.argv.includes('--profile') ? path.join(benchRoot, '.work', 'profiles') : undefined;
const keyCache = !process.argv.includes('--no-key-cache');
const compareKeyCache = keyCache && process.argv.includes('--key-cache-compare');
/** Also load the platform run as two web processes (AFTERCARE_WEB_PROCESSES=2) and report the scaling. */
const compareProcesses = process.argv.includes('--processes-compare');
// The baseline's in-process statement count below reads this too.
if (!keyCache) process.env.BENCH_KEY_CACHE_SECONDS = '0';
/** Plugins the selected workloads need, unless AFTERCARE_PLUGINS says otherwise. */
const plugins = process.env.AFTERCARE_PLUGINS ?? [...new Set(workloads.flatMap((w) => w.plugins ?? []))].join(',');
/** Database the benchmark uses on DATABASE_URL's server (several checkouts on one server can keep apart). */
const benchDatabase = process.env.AFTERCARE_BENCH_DATABASE ?? 'aftercare_bench';
if (!/^[a-z_][a-z0-9_]*$/.test(benchDatabase)) throw new Error('AFTERCARE_BENCH_DATABASE must be a plain lower-case identifier');

function log(msg: string) {
  process.stderr.write(`[bench] ${msg}\n`);
}

async function database(): Promise<{ url: string; stop?: () => Promise<void> }> {
  let admin = process.env.DATABASE_URL;
  let stop: (() => Promise<void>) | undefined;
  if (!admin) {
    const embedded = await startEmbeddedPostgres({
      dataDir: path.join(benchRoot, '.work'),
      port: 54340,
      database: 'postgres',
      logger: createLogger('warn'),
    });
    admin = embedded.url;
    stop = embedded.stop;
  }
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  const { rowCount } = await client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [benchDatabase]);
  if (!rowCount) await client.query(`CREATE DATABASE ${benchDatabase}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${benchDatabase}`;
  return { url: url.toString(), stop };
}

async function waitReady(url: string, child: ChildProcess, name: string) {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${name} did not become ready`);
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}

/**
 * CPU time (user + system) a process and its live child processes (the web processes of
 * AFTERCARE_WEB_PROCESSES) have used so far, in ms, from /proc (clock ticks of 10 ms).
 */
function cpuMs(pid: number): number {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
  } catch {
    // gone, or no children
  }
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10 + children.reduce((sum, c) => sum + cpuMs(c), 0);
}

/**
 * Load a server and measure the CPU it spent per answered request (µs). On a shared machine the
 * throughput of a server follows the CPU it gets; the CPU it needs per request does much less.
 */
async function measured(pid: number, run: () => Promise<autocannon.Result>): Promise<{ result: autocannon.Result; cpuUs: number }> {
  const before = cpuMs(pid);
  const result = await run();
  return { result, cpuUs: ((cpuMs(pid) - before) * 1000) / Math.max(1, result.requests.total) };
}

async function probe(url: string, apiKey: string, query: string, variables: Record<string, unknown>) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [API_KEY_HEADER]: apiKey },
    body: JSON.stringify({ query, variables }),
  });
  return { body: await res.json(), sql: res.headers.get('x-sql-count') };
}

/** Load `url` with the workload; workloads with per-request variables (`next`) get a fresh body per request. */
function load(url: string, apiKey: string, w: Workload, variables: Record<string, unknown>, seconds: number): Promise<autocannon.Result> {
  const headers = { 'content-type': 'application/json', [API_KEY_HEADER]: apiKey };
  const next = w.next;
  return autocannon({
    url,
    method: 'POST',
    headers,
    connections,
    duration: seconds,
    ...(next
      ? {
          requests: [
            {
              method: 'POST',
              headers,
              setupRequest: (req: autocannon.Request) => ({
                ...req,
                body: JSON.stringify({ query: w.query, variables: { ...variables, ...next() } }),
              }),
            },
          ],
        }
      : { body: JSON.stringify({ query: w.query, variables }) }),
  });
}

interface Row {
  id: string;
  title: string;
  platform: autocannon.Result;
  /** The same workload on a platform process without the API key cache (`--key-cache-compare`). */
  uncached?: { result: autocannon.Result; sql: string };
  baseline: autocannon.Result;
  /** The same query on the bare Apollo Server (`bareApollo` workloads). */
  bareApollo?: autocannon.Result;
  /** The same workload on the platform run as two web processes (`--processes-compare`). */
  twoProcesses?: { result: autocannon.Result; cpuUs: number };
  /** CPU µs per request of the platform, the baseline and the bare Apollo server. */
  cpu: { platform: number; baseline: number; bareApollo?: number };
  sql: string;
  baselineSql: number;
  rss: number;
}

async function main() {
  log('building the server');
  execFileSync('pnpm', ['exec', 'turbo', 'run', 'build', '--filter=@aftercare/server...', '--output-logs=errors-only'], {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
  });
  const db = await database();
  const [platformPort, baselinePort] = [await freePort(), await freePort()];
  const children: ChildProcess[] = [];
  try {
    if (profileDir) mkdirSync(profileDir, { recursive: true });
    const profileArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
    const secretKey = process.env.AFTERCARE_SECRET_KEY ?? randomBytes(32).toString('hex');
    const startPlatform = (port: number, extraEnv: Record<string, string>, args: string[] = []) =>
      spawn(process.execPath, [...args, 'apps/server/dist/src/main.js', 'start'], {
        cwd: repoRoot,
        stdio: ['ignore', 'ignore', 'inherit'],
        env: {
          ...process.env,
          NODE_ENV: 'production',
          LOG_LEVEL: 'warn',
          DATABASE_URL: db.url,
          AFTERCARE_PORT: String(port),
          AFTERCARE_SQL_COUNT_HEADER: 'true',
          AFTERCARE_PLUGINS: plugins,
          // Production needs its own key; the benchmark stores no webhook secrets, so any key will do.
          AFTERCARE_SECRET_KEY: secretKey,
          ...extraEnv,
        },
      });
    // The job workers (event delivery after W4, schedules) run in a process of their own, as in the
    // documented topology: the measured web process then spends its CPU on requests only.
    const jobsPort = await freePort();
    const jobs = startPlatform(jobsPort, { AFTERCARE_JOBS: 'true' });
    children.push(jobs);
    await waitReady(`http://127.0.0.1:${jobsPort}/readyz`, jobs, 'job-worker process');
    const platform = startPlatform(
      platformPort,
      { AFTERCARE_JOBS: 'false', AFTERCARE_AUTO_MIGRATE: 'false', ...(keyCache ? {} : { AFTERCARE_API_KEY_CACHE_SECONDS: '0' }) },
      profileArgs,
    );
    children.push(platform);
    await waitReady(`http://127.0.0.1:${platformPort}/readyz`, platform, 'platform');
    // The comparison process runs no job workers: it only answers requests, next to the main one.
    const uncachedPort = compareKeyCache ? await freePort() : 0;
    const uncached = compareKeyCache
      ? startPlatform(uncachedPort, { AFTERCARE_API_KEY_CACHE_SECONDS: '0', AFTERCARE_JOBS: 'false' })
      : undefined;
    if (uncached) {
      children.push(uncached);
      await waitReady(`http://127.0.0.1:${uncachedPort}/readyz`, uncached, 'platform without key cache');
    }
    // Two web processes behind node:cluster, no job workers (the job-worker process runs those).
    const twoPort = compareProcesses ? await freePort() : 0;
    const two = compareProcesses ? startPlatform(twoPort, { AFTERCARE_WEB_PROCESSES: '2', AFTERCARE_JOBS: 'false' }) : undefined;
    if (two) {
      children.push(two);
      await waitReady(`http://127.0.0.1:${twoPort}/readyz`, two, 'platform with two web processes');
    }
    const baseline = spawn(
      process.execPath,
      ['--conditions=aftercare-source', '--import', '@swc-node/register/esm-register', 'src/baseline-server.ts'],
      {
        cwd: benchRoot,
        stdio: ['ignore', 'ignore', 'inherit'],
        env: { ...process.env, PORT: String(baselinePort), DATABASE_URL: db.url, ...(keyCache ? {} : { BENCH_KEY_CACHE_SECONDS: '0' }) },
      },
    );
    children.push(baseline);
    await waitReady(`http://127.0.0.1:${baselinePort}/`, baseline, 'baseline').catch(async () => {
      // The baseline answers 400 to GET /; any HTTP answer means it listens.
      await new Promise((r) => setTimeout(r, 500));
    });

    // The second baseline, started only when a selected workload compares against it.
    const apolloPort = workloads.some((w) => w.bareApollo) ? await freePort() : 0;
    let apolloPid = 0;
    if (apolloPort) {
      const apollo = spawn(
        process.execPath,
        ['--conditions=aftercare-source', '--import', '@swc-node/register/esm-register', 'src/apollo-baseline-server.ts'],
        {
          cwd: benchRoot,
          stdio: ['ignore', 'ignore', 'inherit'],
          env: { ...process.env, NODE_ENV: 'production', PORT: String(apolloPort) },
        },
      );
      children.push(apollo);
      apolloPid = apollo.pid!;
      await waitReady(`http://127.0.0.1:${apolloPort}/`, apollo, 'bare Apollo baseline');
    }

    const pool = new pg.Pool({ connectionString: db.url, max: 2 });
    const started = Date.now();
    if (await seed(pool)) log(`seeded ${SEED_CUSTOMERS} customers and ${SEED_PURCHASES} purchases in ${Date.now() - started} ms`);
    if (await seedServiceDesk(pool)) log(`seeded ${SEED_CASES} service desk cases`);
    if (await seedWarranty(pool)) log('seeded warranty registrations, contracts and claims');
    if (await seedReturns(pool)) log('seeded return requests');
    if (await seedSurveys(pool)) log(`seeded ${SEED_SURVEY_RESPONSES} survey responses`);
    if (await seedLoyalty(pool)) log(`seeded ${SEED_LEDGER_ENTRIES} loyalty ledger entries`);
    if (await seedKnowledgeBase(pool)) log(`seeded ${SEED_ARTICLES} knowledge base articles`);
    // Every request runs as an integrator key with the Administrator role, on both servers.
    const apiKey = await createBenchApiKey(pool);

    const rows: Row[] = [];
    const loadStart = os.loadavg()[0]!;
    const platformUrl = `http://127.0.0.1:${platformPort}/graphql`;
    const baselineUrl = `http://127.0.0.1:${baselinePort}/graphql`;
    for (const w of workloads) {
      const variables = (await w.variables?.(pool)) ?? {};
      // Twice: the second answer's x-sql-count is the steady state (the API key is resolved by then).
      await probe(platformUrl, apiKey, w.query, { ...variables, ...w.next?.() });
      const a = await probe(platformUrl, apiKey, w.query, { ...variables, ...w.next?.() });
      const b = await probe(baselineUrl, apiKey, w.query, { ...variables, ...w.next?.() });
      if ((a.body as { errors?: unknown }).errors || JSON.stringify(a.body) !== JSON.stringify(b.body)) {
        throw new Error(
          `${w.id}: platform and baseline answer differently:\n${JSON.stringify(a.body).slice(0, 400)}\n${JSON.stringify(b.body).slice(0, 400)}`,
        );
      }
      // Count the baseline's statements by answering once on a counting connection, the key
      // resolved just before (as it is on the loaded server, whose cache the load keeps warm).
      await resolveApiKey(poolDb(pool), apiKey);
      const counter = { n: 0 };
      await answer(poolDb(pool, counter), { query: w.query, variables: { ...variables, ...w.next?.() } }, apiKey);
      log(`${w.id} ${w.title}`);
      await load(platformUrl, apiKey, w, variables, warmup);
      const { result: p, cpuUs: platformCpu } = await measured(platform.pid!, () => load(platformUrl, apiKey, w, variables, duration));
      await load(baselineUrl, apiKey, w, variables, warmup);
      const { result: q, cpuUs: baselineCpu } = await measured(baseline.pid!, () => load(baselineUrl, apiKey, w, variables, duration));
      let bareApollo: autocannon.Result | undefined;
      let bareApolloCpu: number | undefined;
      if (w.bareApollo) {
        const url = `http://127.0.0.1:${apolloPort}/graphql`;
        const probed = await probe(url, apiKey, w.query, variables);
        if (JSON.stringify(probed.body) !== JSON.stringify(a.body)) {
          throw new Error(`${w.id}: platform and bare Apollo answer differently: ${JSON.stringify(probed.body).slice(0, 400)}`);
        }
        await load(url, apiKey, w, variables, warmup);
        ({ result: bareApollo, cpuUs: bareApolloCpu } = await measured(apolloPid, () => load(url, apiKey, w, variables, duration)));
      }
      let uncachedRow: Row['uncached'];
      if (compareKeyCache) {
        const url = `http://127.0.0.1:${uncachedPort}/graphql`;
        const probed = await probe(url, apiKey, w.query, { ...variables, ...w.next?.() });
        await load(url, apiKey, w, variables, warmup);
        uncachedRow = { result: await load(url, apiKey, w, variables, duration), sql: probed.sql ?? '?' };
      }
      let twoProcesses: Row['twoProcesses'];
      if (two) {
        const url = `http://127.0.0.1:${twoPort}/graphql`;
        const probed = await probe(url, apiKey, w.query, { ...variables, ...w.next?.() });
        if (!w.next && JSON.stringify(probed.body) !== JSON.stringify(a.body)) {
          throw new Error(`${w.id}: one and two web processes answer differently: ${JSON.stringify(probed.body).slice(0, 400)}`);
        }
        await load(url, apiKey, w, variables, warmup);
        twoProcesses = await measured(two.pid!, () => load(url, apiKey, w, variables, duration));
      }
      rows.push({
        twoProcesses,
        id: w.id,
        title: w.title,
        platform: p,
        baseline: q,
        bareApollo,
        cpu: { platform: platformCpu, baseline: baselineCpu, bareApollo: bareApolloCpu },
        uncached: uncachedRow,
        sql: a.sql ?? '?',
        baselineSql: counter.n,
        rss: rssMb(platform.pid!),
      });
    }
    await pool.end();
    log('most expensive requests within the limits');
    const worstCase = await worstCaseReport(platformUrl, apiKey);

    const ratio = (x: number, y: number) => (y ? (x / y).toFixed(2) : 'n/a');
    const lines = [
      `# Benchmark ${new Date().toISOString().slice(0, 19)}Z${quick ? ' (quick)' : ''}`,
      '',
      `${os.cpus().length} cores, Node ${process.version}, ${connections} connections, ${duration} s per server and workload after ${warmup} s warm-up.`,
      `Load average (1 min) at the start / end of the measurements: ${loadStart.toFixed(1)} / ${os.loadavg()[0]!.toFixed(1)} (other work on the machine lowers every number; compare ratios).`,
      'Platform: built server, NODE_ENV=production, LOG_LEVEL=warn, one web process (AFTERCARE_JOBS=false) measured; the job workers run in a second process next to it. Baseline: node:http + pg running the same SQL, same JSON.',
      `Data: ${SEED_CUSTOMERS} seeded customers with ${SEED_PURCHASES} purchases (plus those earlier W4 runs created)${plugins.includes('service-desk') ? `, ${SEED_CASES} service desk cases` : ''}${plugins.includes('warranty') ? ', about 20,000 warranty registrations' : ''}${plugins.includes('knowledge-base') ? `, ${SEED_ARTICLES} knowledge base articles` : ''}. Plugins enabled: ${plugins || 'none'}.`,
      `Every request carries an Administrator API key; both servers resolve it with one statement and ${keyCache ? 'reuse the resolved key for 5 s (AFTERCARE_API_KEY_CACHE_SECONDS)' : 'no cache (--no-key-cache: a lookup on every request)'}.`,
      '',
      '| workload | platform req/s | baseline req/s | throughput ratio | platform p50 / p99 ms | baseline p50 / p99 ms | p99 ratio | CPU µs per request (platform / baseline) | CPU ratio (platform / baseline) | SQL per op (platform / baseline) | platform RSS MB | errors |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...rows.map(
        (r) =>
          `| ${r.id} ${r.title} | ${Math.round(r.platform.requests.average)} | ${Math.round(r.baseline.requests.average)} | ${ratio(r.platform.requests.average, r.baseline.requests.average)} | ${r.platform.latency.p50} / ${r.platform.latency.p99} | ${r.baseline.latency.p50} / ${r.baseline.latency.p99} | ${ratio(r.platform.latency.p99, r.baseline.latency.p99)} | ${Math.round(r.cpu.platform)} / ${Math.round(r.cpu.baseline)} | ${ratio(r.cpu.platform, r.cpu.baseline)} | ${r.sql} / ${r.baselineSql} | ${r.rss} | ${r.platform.errors + r.platform.non2xx + r.baseline.errors + r.baseline.non2xx} |`,
      ),
      '',
      ...(rows.some((r) => r.bareApollo)
        ? [
            '## Against a bare Apollo Server, same run',
            '',
            'Apollo Server 5 on Fastify with a one-resolver schema and default options (`src/apollo-baseline-server.ts`): no context, plugins, validation rules, API key or database. It bounds what the platform can reach on the trivial query.',
            '',
            '| workload | platform req/s | bare Apollo req/s | platform / bare Apollo | p99 ms platform / bare Apollo | CPU µs per request platform / bare Apollo | CPU ratio (bare Apollo / platform) | bare Apollo / raw baseline | bare Apollo errors |',
            '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
            ...rows
              .filter((r) => r.bareApollo)
              .map(
                (r) =>
                  `| ${r.id} | ${Math.round(r.platform.requests.average)} | ${Math.round(r.bareApollo!.requests.average)} | ${ratio(r.platform.requests.average, r.bareApollo!.requests.average)} | ${r.platform.latency.p99} / ${r.bareApollo!.latency.p99} | ${Math.round(r.cpu.platform)} / ${Math.round(r.cpu.bareApollo!)} | ${ratio(r.cpu.bareApollo!, r.cpu.platform)} | ${ratio(r.bareApollo!.requests.average, r.baseline.requests.average)} | ${r.bareApollo!.errors + r.bareApollo!.non2xx} |`,
              ),
            '',
          ]
        : []),
      ...(compareProcesses
        ? [
            '## One web process against two, same run',
            '',
            'The platform started with AFTERCARE_WEB_PROCESSES=2 (node:cluster, the two share the port; no job workers), measured right after the one-process platform on the same data. The load generator runs on the same machine and takes CPU too, so on 2 cores the ceiling is well below 2×.',
            '',
            '| workload | 1 process req/s | 2 processes req/s | scaling (2 / 1) | p99 ms 1 / 2 | CPU µs per request 1 / 2 |',
            '|---|---:|---:|---:|---:|---:|',
            ...rows.map(
              (r) =>
                `| ${r.id} | ${Math.round(r.platform.requests.average)} | ${Math.round(r.twoProcesses!.result.requests.average)} | ${ratio(r.twoProcesses!.result.requests.average, r.platform.requests.average)} | ${r.platform.latency.p99} / ${r.twoProcesses!.result.latency.p99} | ${Math.round(r.cpu.platform)} / ${Math.round(r.twoProcesses!.cpuUs)} |`,
            ),
            '',
          ]
        : []),
      ...(compareKeyCache
        ? [
            '## API key cache, same run',
            '',
            'The same workload on a second platform process started with AFTERCARE_API_KEY_CACHE_SECONDS=0 (one lookup statement per request), measured right after the cached one.',
            '',
            '| workload | cached req/s | uncached req/s | cached / uncached | p99 ms cached / uncached | SQL per op cached / uncached |',
            '|---|---:|---:|---:|---:|---:|',
            ...rows.map(
              (r) =>
                `| ${r.id} | ${Math.round(r.platform.requests.average)} | ${Math.round(r.uncached!.result.requests.average)} | ${ratio(r.platform.requests.average, r.uncached!.result.requests.average)} | ${r.platform.latency.p99} / ${r.uncached!.result.latency.p99} | ${r.sql} / ${r.uncached!.sql} |`,
            ),
            '',
          ]
        : []),
      ...worstCase,
      '',
    ];
    const report = lines.join('\n');
    // Partial, profiled or uncached runs are not representative: they print but keep results/latest.md.
    if (!only && !profileDir && keyCache) {
      mkdirSync(path.join(benchRoot, 'results'), { recursive: true });
      writeFileSync(path.join(benchRoot, 'results', 'latest.md'), report);
    }
    console.log(report);
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1500));
    await db.stop?.();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
