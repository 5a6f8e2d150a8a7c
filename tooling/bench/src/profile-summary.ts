// Summarise a V8 CPU profile (`--cpu-prof`) by where the self time goes: idle, garbage collection,
// and by package (node_modules/<name>) or the platform's own source, with the top functions.
// Usage: node src/profile-summary.ts <file.cpuprofile> (run through the bench package's loader).
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
const file = process.argv[2];
if (!file) throw new Error('usage: profile-summary <file.cpuprofile>');
const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const groups = new Map<string, number>();
const fns = new Map<string, number>();
let total = 0;

function group(n: Node): string {
  const { functionName, url } = n.callFrame;
  if (functionName === '(idle)' || functionName === '(program)' || functionName === '(garbage collector)') return functionName;
  const pkg = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return pkg;
  if (url.includes('/packages/') || url.includes('/apps/')) return 'aftercare';
  if (['writev', 'writeBuffer', 'writeUtf8String', 'writeLatin1String'].includes(functionName)) return 'socket writes';
  if (
    /^(wrapSafe|compileSourceTextModule|parseCJS|parseSource|internalModuleStat|openFileHandle|readPackage|read|compileForInternalLoader|compileFunction)$/.test(
      functionName,
    )
  )
    return 'module loading (boot)';
  if (/Hook$|^trackPromise$|^emitInit|^emitBefore|^emitAfter|^emitDestroy/.test(functionName)) return 'async hooks (AsyncLocalStorage)';
  if (url.startsWith('node:') || url === '') return 'node internals';
  return url;
}

profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  const n = byId.get(id)!;
  total += dt;
  const g = group(n);
  groups.set(g, (groups.get(g) ?? 0) + dt);
  const f = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}`;
  fns.set(f, (fns.get(f) ?? 0) + dt);
});
const idle = groups.get('(idle)') ?? 0;
const busy = total - idle;
const pct = (x: number, of: number) => `${((100 * x) / of).toFixed(1)} %`;
// Idle includes the time the platform was not under load (the baseline's turn, start-up), so only
// the busy time is meaningful; module loading is start-up and not per request.
console.log(
  `total ${(total / 1e6).toFixed(1)} s, idle ${pct(idle, total)}, busy ${(busy / 1e6).toFixed(1)} s; shares below are of the busy time`,
);
for (const [g, t] of [...groups]
  .filter(([g]) => g !== '(idle)')
  .sort((a, b) => b[1] - a[1])
  .slice(0, 20))
  console.log(`${pct(t, busy).padStart(8)}  ${g}`);
console.log('\ntop functions (self time):');
for (const [f, t] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${pct(t, busy).padStart(8)}  ${f}`);
