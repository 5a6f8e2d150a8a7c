#!/usr/bin/env node
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { lexicographicSortSchema, printSchema } from 'graphql';
import {
  AftercareError,
  BootError,
  createLogger,
  loadConfig,
  loadPlugins,
  loadSecretBox,
  migrationSets,
  migrationStatus,
  openDatabase,
  pluginSpecifier,
  resolvePlugins,
  buildPlatformSchema,
  core,
  createAdmin,
  ensureDevelopmentAdmin,
  runMigrations,
  startAftercare,
  stopOnSignals,
  IMPORT_KINDS,
  type AftercareApp,
  type AftercareConfig,
  type ImportKind,
} from '@aftercare/core';
import fs from 'node:fs/promises';
import configFile from '../aftercare.config.js';
import { generateMigration } from './migration-generator.js';
import { generatePlugin } from './plugin-generator.js';
import { processRole, superviseProcesses } from './processes.js';
import { defaultDataDir, repoRoot } from './paths.js';

const HELP = `Usage: aftercare <command> [options]

Commands:
  start                         Start the server (migrates first unless AFTERCARE_AUTO_MIGRATE=false)
  migrate                       Apply pending migrations of core and the enabled plugins, then exit
  migrate:status                List applied and pending migrations
  migration:generate <owner> <Name>
                                Write a migration for the difference between the entities of <owner>
                                ('core' or a plugin name) and the schema its migrations produce
  plugin:new <name> [--skip-install]
                                Write a new plugin under plugins/<name> (entity, migration, state machine,
                                resolvers, permissions, event, settings, console page, test), link it into
                                the workspace and regenerate the typed GraphQL documents
  create-admin --email <email> [--password <password>] [--name <name>]
                                Create a staff user with the Administrator role; prints a generated
                                password when none is given (at least 12 characters otherwise)
  seed                          Seed the demo company (customers, products, purchases, calendar,
                                SLA policies, plugins' demo data) unless customers exist already
  import <kind> <file>          Import a CSV file of customers, products or purchases row by row;
                                prints rejected rows and exits with 2 when there were any
  config                        Print the effective configuration
  schema:print [--out <file>]   Write the GraphQL schema of core plus every plugin in the workspace
                                (default: schema.graphql at the repository root); the admin console's
                                typed documents are generated from it

Configuration comes from aftercare.config.ts and environment variables; see the README.`;

/**
 * The built admin console (apps/admin/dist), when it has been built; `pnpm start` builds it first.
 * Tests and `pnpm dev` run without it (the console then comes from Vite).
 */
function adminConsoleDir(): string | undefined {
  try {
    const dir = path.join(path.dirname(createRequire(import.meta.url).resolve('@aftercare/admin/package.json')), 'dist');
    return existsSync(path.join(dir, 'index.html')) ? dir : undefined;
  } catch {
    return undefined;
  }
}

/** The built customer portal (apps/portal/dist), when it has been built; `pnpm start` builds it first. */
function portalDir(): string | undefined {
  try {
    const dir = path.join(path.dirname(createRequire(import.meta.url).resolve('@aftercare/portal/package.json')), 'dist');
    return existsSync(path.join(dir, 'index.html')) ? dir : undefined;
  } catch {
    return undefined;
  }
}

/** A demo customer to sign in to the portal as: the one with the most purchases (development only). */
async function demoCustomerEmail(app: Pick<AftercareApp, 'dataSource'>): Promise<string | undefined> {
  const rows: Array<{ email: string }> = await app.dataSource.query(
    `SELECT c.email FROM customer c JOIN purchase p ON p.customer_id = c.id WHERE c.anonymized_at IS NULL
     GROUP BY c.id, c.email ORDER BY count(*) DESC, c.email LIMIT 1`,
  );
  return rows[0]?.email;
}

/** Every plugin package in the workspace (plugins/<name>/src/index.ts), loaded from source. */
async function workspacePlugins() {
  const dir = path.join(repoRoot, 'plugins');
  const names = existsSync(dir) ? readdirSync(dir).filter((n) => existsSync(path.join(dir, n, 'src', 'index.ts'))) : [];
  const entries = [];
  for (const name of names.sort()) {
    const mod = (await import(pathToFileURL(path.join(dir, name, 'src', 'index.ts')).href)) as { default?: unknown };
    if (mod.default && typeof (mod.default as { name?: unknown }).name === 'string') entries.push(mod.default);
  }
  return loadPlugins(entries as Parameters<typeof loadPlugins>[0]);
}

// Plugins are imported from here, the composition root, whose dependencies hold them.
const importer = (specifier: string) => import(specifier);

function config(): AftercareConfig {
  return loadConfig(configFile, process.env, { dataDir: defaultDataDir });
}

async function withDatabase<T>(
  fn: (ctx: Awaited<ReturnType<typeof openDatabase>>, cfg: AftercareConfig, plugins: Awaited<ReturnType<typeof loadPlugins>>) => Promise<T>,
) {
  const cfg = config();
  const logger = createLogger(cfg.logLevel === 'info' ? 'warn' : cfg.logLevel);
  const plugins = resolvePlugins(await loadPlugins(cfg.plugins, importer), core);
  const db = await openDatabase(cfg, plugins, logger);
  try {
    return await fn(db, cfg, plugins);
  } finally {
    await db.close();
  }
}

/** Boot the platform without HTTP and without job workers (events are delivered by the running server), run `fn`, stop. */
async function withApp<T>(fn: (app: AftercareApp) => Promise<T>): Promise<T> {
  const cfg = { ...config(), jobs: false };
  const logger = createLogger(cfg.logLevel === 'info' ? 'warn' : cfg.logLevel);
  const app = await startAftercare(cfg, { importer, logger, listen: false });
  try {
    return await fn(app);
  } finally {
    await app.stop();
  }
}

async function main(argv: string[]) {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    options: {
      help: { type: 'boolean', short: 'h' },
      email: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      out: { type: 'string' },
      'skip-install': { type: 'boolean' },
    },
  });
  const [command = 'start', ...rest] = positionals;
  if (values.help || command === 'help') {
    console.log(HELP);
    return;
  }
  switch (command) {
    case 'start': {
      const cfg = config();
      const logger = createLogger(cfg.logLevel);
      let demo: Awaited<ReturnType<typeof ensureDevelopmentAdmin>>;
      let seeded: Awaited<ReturnType<AftercareApp['seedDemoData']>> | undefined;
      const role = processRole();
      if (!role && cfg.webProcesses > 1) {
        // The supervisor: migrate (and in development seed) once, then start the processes.
        await superviseProcesses(cfg, logger, async (prepared) => {
          const once = await startAftercare(
            { ...prepared, jobs: false, mailListenPort: undefined },
            {
              importer,
              logger,
              listen: false,
              beforeListen: async (a) => {
                if (cfg.env === 'development') {
                  await ensureDevelopmentAdmin(a.identity, a.dataSource, cfg.dataDir);
                  await a.seedDemoData();
                }
              },
            },
          );
          await once.stop();
        });
        return;
      }
      if (role === 'jobs') {
        // The job-worker process of a supervisor: no HTTP.
        stopOnSignals(await startAftercare(cfg, { importer, logger, listen: false }));
        return;
      }
      const consoleDir = adminConsoleDir();
      const customerPortalDir = portalDir();
      // Under a supervisor the SMTP listener runs once, in the job-worker process: web processes share
      // the HTTP port, but not that one.
      const app = await startAftercare(role === 'web' ? { ...cfg, mailListenPort: undefined } : cfg, {
        importer,
        logger,
        staticDir: consoleDir,
        portalDir: customerPortalDir,
        beforeListen: async (a) => {
          if (cfg.env === 'development' && !role) {
            demo = await ensureDevelopmentAdmin(a.identity, a.dataSource, cfg.dataDir);
            // An empty development database gets the demo company; existing data is never touched.
            seeded = await a.seedDemoData();
          }
        },
      });
      stopOnSignals(app);
      // Web processes of a supervisor say nothing: one banner per process would repeat itself.
      if (role) return;
      const demoCustomer = cfg.env === 'development' && customerPortalDir ? await demoCustomerEmail(app) : undefined;
      const lines = [
        '',
        '  Aftercare is running',
        consoleDir
          ? `  Admin console ${app.url}/`
          : `  Admin console not built: run 'pnpm start' from the repository root, or 'pnpm dev' for the console with hot reload`,
        customerPortalDir
          ? `  Portal        ${cfg.portalUrl ?? `${app.url}${cfg.portalPath}`}`
          : `  Portal        not built: run 'pnpm start' from the repository root`,
        `  GraphQL API   ${app.graphqlUrl}${cfg.env === 'development' ? '   (open it in a browser for the GraphQL sandbox)' : ''}`,
        `  Health        ${app.url}/healthz   ${app.url}/readyz`,
        `  Plugins       ${app.plugins.map((p) => p.name).join(', ') || '(none enabled)'}`,
        `  Database      ${cfg.databaseUrl ? 'DATABASE_URL' : `embedded PostgreSQL in ${path.join(cfg.dataDir, 'postgres')}`}`,
        ...(seeded?.seeded
          ? [
              `  Demo data     seeded ${seeded.customers} customers, ${seeded.models} models, ${seeded.purchases} purchases${seeded.contributions.length ? ` and ${seeded.contributions.join(', ')}` : ''}`,
            ]
          : []),
        ...(demo
          ? [
              `  Demo admin    ${demo.email} / ${demo.password}   (development only; kept in ${path.join(cfg.dataDir, 'admin-password.txt')})`,
              ...(demo.staff ?? []).map((s) => `  Demo ${s.role.toLowerCase().padEnd(9)} ${s.email} / same password`),
            ]
          : []),
        ...(demoCustomer
          ? [
              `  Demo customer ${demoCustomer}   (sign in to the portal with a code: the message is written to ${path.join(cfg.dataDir, 'mail')})`,
            ]
          : []),
        '',
      ];
      console.log(lines.join('\n'));
      return;
    }
    case 'migrate': {
      const applied = await withDatabase(async (db, cfg, plugins) =>
        runMigrations(db.dataSource, migrationSets(plugins), undefined, { secrets: (await loadSecretBox(cfg)).box }),
      );
      console.log(
        applied.length
          ? `Applied ${applied.length} migration(s):\n  ${applied.join('\n  ')}`
          : 'Nothing to migrate: the database is up to date.',
      );
      return;
    }
    case 'migrate:status': {
      const status = await withDatabase((db, _cfg, plugins) => migrationStatus(db.dataSource, migrationSets(plugins)));
      for (const m of status)
        console.log(`${m.appliedAt ? 'applied ' + m.appliedAt.toISOString() : 'PENDING                 '}  ${m.owner}/${m.name}`);
      const pending = status.filter((m) => !m.appliedAt).length;
      console.log(pending ? `${pending} pending` : 'Up to date.');
      return;
    }
    case 'plugin:new': {
      const [name] = rest;
      if (!name) throw new BootError('USAGE', "Usage: aftercare plugin:new <name>, e.g. 'plugin:new gift-wrap'.");
      const made = await generatePlugin({ name, root: repoRoot });
      console.log(`Wrote ${path.relative(repoRoot, made.dir)}: ${made.files.length} files.`);
      if (!values['skip-install']) {
        // Link the new package into the workspace, then regenerate schema.graphql and the typed documents.
        const run = (args: string[]) => execFileSync('pnpm', args, { cwd: repoRoot, stdio: 'inherit' });
        try {
          run(['install', '--offline']);
        } catch {
          run(['install']);
        }
        run(['codegen']);
      }
      console.log(
        [
          '',
          `Next: enable it — add '${name}' to plugins in apps/server/aftercare.config.ts (or AFTERCARE_PLUGINS) — then`,
          `  pnpm exec vitest run plugins/${name}   its test, on real PostgreSQL`,
          `  pnpm start                             its page "${made.names.Title}" is in the console`,
          '  docs/plugins.md walks through every file.',
        ].join('\n'),
      );
      return;
    }
    case 'migration:generate': {
      const [owner, name] = rest;
      if (!owner || !name || !/^[A-Za-z][\w-]*$/.test(name)) {
        throw new BootError(
          'USAGE',
          "Usage: aftercare migration:generate <owner> <Name>, e.g. 'migration:generate warranty AddClaimReason'.",
        );
      }
      const cfg = config();
      const logger = createLogger(cfg.logLevel === 'info' ? 'warn' : cfg.logLevel);
      const entries = owner === 'core' || cfg.plugins.includes(owner) ? cfg.plugins : [...cfg.plugins, owner];
      const plugins = resolvePlugins(await loadPlugins(entries, importer), core);
      const spec = owner === 'core' ? '@aftercare/core' : pluginSpecifier(owner);
      const packageDir = path.dirname(createRequire(import.meta.url).resolve(`${spec}/package.json`));
      const file = await generateMigration({ config: cfg, plugins, owner, name, packageDir, logger });
      console.log(
        file
          ? `Wrote ${path.relative(process.cwd(), file)} and updated its index.ts. Review it, then commit it.`
          : `No changes: the entities of '${owner}' match its migrations.`,
      );
      return;
    }
    case 'create-admin': {
      const email = typeof values.email === 'string' ? values.email : undefined;
      if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
        throw new BootError(
          'USAGE',
          "Usage: aftercare create-admin --email <email> [--password <password>], e.g. 'create-admin --email ops@example.com'.",
        );
      }
      const password = typeof values.password === 'string' ? values.password : undefined;
      const name = typeof values.name === 'string' ? values.name : undefined;
      const created = await withDatabase(async (db, cfg, plugins) => {
        const pending = (await migrationStatus(db.dataSource, migrationSets(plugins))).filter((m) => !m.appliedAt);
        if (pending.length)
          throw new BootError('MIGRATIONS_PENDING', `${pending.length} migration(s) pending: run 'pnpm aftercare migrate' first.`);
        const logger = createLogger(cfg.logLevel === 'info' ? 'warn' : cfg.logLevel);
        try {
          return await createAdmin({ dataSource: db.dataSource, plugins, email, password, name, logger });
        } catch (err) {
          throw new BootError('CREATE_ADMIN_FAILED', (err as Error).message);
        }
      });
      console.log(
        password
          ? `Created administrator ${created.user.email}.`
          : `Created administrator ${created.user.email} with password:\n  ${created.password}\nSign in and change it.`,
      );
      return;
    }
    case 'seed': {
      const result = await withApp((app) => app.seedDemoData());
      console.log(
        result.seeded
          ? `Seeded the demo company: ${result.customers} customers, ${result.products} products with ${result.models} models, ${result.purchases} purchases${result.contributions.length ? `; plugin demo data: ${result.contributions.join(', ')}` : ''}.`
          : `Nothing seeded: ${result.reason}.`,
      );
      return;
    }
    case 'import': {
      const [kind, file] = rest;
      if (!kind || !file || !(IMPORT_KINDS as string[]).includes(kind)) {
        throw new BootError(
          'USAGE',
          `Usage: aftercare import <${IMPORT_KINDS.join('|')}> <file.csv>, e.g. 'import customers customers.csv'.`,
        );
      }
      const csv = await fs.readFile(path.resolve(process.env.INIT_CWD ?? process.cwd(), file), 'utf8').catch((err: Error) => {
        throw new BootError('USAGE', `Cannot read '${file}': ${err.message}`);
      });
      const report = await withApp((app) => app.domain.imports.run(kind as ImportKind, csv));
      console.log(`${report.acceptedRows} of ${report.totalRows} ${kind} rows imported, ${report.rejectedRows} rejected.`);
      for (const r of report.rejected) console.log(`  line ${r.line}: ${r.reasons.join('; ')}`);
      if (report.rejectedRows) process.exitCode = 2;
      return;
    }
    case 'schema:print': {
      const out = path.resolve(typeof values.out === 'string' ? values.out : path.join(repoRoot, 'schema.graphql'));
      const plugins = resolvePlugins(await workspacePlugins(), core);
      const schema = await buildPlatformSchema({ owner: 'core', resolvers: core.resolvers }, plugins);
      mkdirSync(path.dirname(out), { recursive: true });
      writeFileSync(out, printSchema(lexicographicSortSchema(schema)) + '\n');
      console.log(`Wrote ${path.relative(process.cwd(), out)} (core${plugins.map((p) => ` + ${p.name}`).join('')}).`);
      return;
    }
    case 'config': {
      const cfg = config();
      const masked = {
        ...cfg,
        databaseUrl: maskPassword(cfg.databaseUrl),
        smtpUrl: maskPassword(cfg.smtpUrl),
        secretKey: cfg.secretKey ? '***' : undefined,
        previousSecretKeys: cfg.previousSecretKeys.map(() => '***'),
        plugins: cfg.plugins.map((p) => (typeof p === 'string' ? p : p.name)),
      };
      console.log(JSON.stringify(masked, null, 2));
      return;
    }
    default:
      throw new BootError('USAGE', `Unknown command '${command}'.\n\n${HELP}`);
  }
}

/** A connection URL with its password replaced by `***`, for printing. */
function maskPassword(url: string | undefined): string | undefined {
  return url?.replace(/:\/\/([^:@]+):[^@]+@/, '://$1:***@');
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof BootError || err instanceof AftercareError) {
    console.error(`aftercare: ${err.message}`);
  } else {
    console.error(err);
  }
  process.exit(1);
});
