// Fails when schema.graphql or a generated GraphQL client (the console's, the tests') is stale:
// prints the schema and generates the clients into a temporary folder, then compares them with the
// committed files.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Subfolder of CODEGEN_OUT (see codegen.ts) → where the client is committed.
const clients = {
  admin: path.join(root, 'packages/admin-kit/src/generated/graphql'),
  portal: path.join(root, 'packages/portal-kit/src/generated/graphql'),
  testing: path.join(root, 'packages/testing/src/generated/graphql'),
};
const tmp = mkdtempSync(path.join(tmpdir(), 'aftercare-codegen-'));
const run = (cmd, args, opts) => execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'], ...opts });

try {
  const schema = path.join(tmp, 'schema.graphql');
  run(
    process.execPath,
    ['--conditions=aftercare-source', '--import', '@swc-node/register/esm-register', 'src/main.ts', 'schema:print', '--out', schema],
    { cwd: path.join(root, 'apps/server'), env: { ...process.env, LOG_LEVEL: 'silent' } },
  );
  run(path.join(root, 'node_modules/.bin/graphql-codegen'), ['--config', 'codegen.ts', '--silent'], {
    cwd: root,
    env: { ...process.env, CODEGEN_SCHEMA: schema, CODEGEN_OUT: path.join(tmp, 'gen') },
  });
  const stale = [];
  const same = (a, b) => existsSync(a) && existsSync(b) && readFileSync(a, 'utf8') === readFileSync(b, 'utf8');
  if (!same(schema, path.join(root, 'schema.graphql'))) stale.push('schema.graphql');
  for (const [name, generated] of Object.entries(clients)) {
    const dir = path.join(tmp, 'gen', name);
    const fresh = existsSync(dir) ? readdirSync(dir) : [];
    const committed = existsSync(generated) ? readdirSync(generated) : [];
    for (const f of new Set([...fresh, ...committed])) {
      if (!same(path.join(dir, f), path.join(generated, f))) stale.push(path.relative(root, path.join(generated, f)));
    }
  }
  if (stale.length) {
    console.error(`Generated GraphQL files are stale: ${stale.join(', ')}.\nRun 'pnpm codegen' and commit the result.`);
    process.exit(1);
  }
  console.log('codegen: schema.graphql and the generated clients are up to date.');
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
