import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger, startEmbeddedPostgres } from '@aftercare/core';
import type { TestProject } from 'vitest/node';
import { dropStaleTestDatabases } from './test-database.js';

import './provided-context.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * Vitest global setup: use DATABASE_URL when set (CI points it at a real server), otherwise start
 * an embedded PostgreSQL under `.aftercare/test` at the repository root for the whole run.
 */
export default async function setup(project: TestProject) {
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
  let stop: (() => Promise<void>) | undefined;
  let url: string | undefined = process.env.DATABASE_URL;
  if (!url) {
    const embedded = await startEmbeddedPostgres({
      dataDir: path.join(repoRoot, '.aftercare', 'test'),
      port: 54330,
      database: 'postgres',
      logger,
    });
    url = embedded.url;
    stop = embedded.stop;
  }
  const adminUrl: string = url;
  // Templates are keyed by migration content, so a template from an earlier run is dropped only when unused.
  await dropStaleTestDatabases(adminUrl);
  project.provide('aftercareDatabaseUrl', adminUrl);
  return async () => {
    await stop?.();
  };
}
