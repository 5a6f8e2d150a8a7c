import type { Logger as PinoLogger } from 'pino';
import { DataSource, type Logger as TypeOrmLogger, type QueryRunner } from 'typeorm';
import { currentRequest } from '../request-context.js';
import { SnakeNamingStrategy } from './naming-strategy.js';

/** Routes TypeORM's log to pino and counts statements per request. */
class SqlLogger implements TypeOrmLogger {
  constructor(private readonly logger: PinoLogger) {}
  // Parameters are never logged: they carry names, emails and search text. Their count is enough to debug.
  logQuery(query: string, parameters?: unknown[], _qr?: QueryRunner) {
    const ctx = currentRequest();
    if (ctx) ctx.queryCount++;
    if (this.logger.isLevelEnabled('trace')) this.logger.trace({ query, parameterCount: parameters?.length ?? 0 }, 'sql');
  }
  logQueryError(error: string | Error, query: string, parameters?: unknown[]) {
    const e = error as Error & { code?: string };
    this.logger.debug({ code: e.code, query, parameterCount: parameters?.length ?? 0 }, 'sql failed');
  }
  logQuerySlow(time: number, query: string) {
    this.logger.warn({ time, query }, 'slow sql');
  }
  logSchemaBuild(message: string) {
    this.logger.debug(message);
  }
  logMigration(message: string) {
    this.logger.info(message);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown) {
    if (level === 'warn') this.logger.warn(String(message));
    else this.logger.debug(String(message));
  }
}

/** One DataSource for core and every enabled plugin. Never synchronises: migrations own the schema. */
export function createDataSource(options: {
  url: string;
  entities: Function[];
  logger: PinoLogger;
  poolSize?: number;
  applicationName?: string;
  /** Longest a single statement may run before PostgreSQL cancels it (0 or absent: no limit). */
  statementTimeoutMs?: number;
}): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    namingStrategy: new SnakeNamingStrategy(),
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install, none to grant.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    synchronize: false,
    migrationsRun: false,
    logging: true,
    logger: new SqlLogger(options.logger),
    maxQueryExecutionTime: 1000,
    poolSize: options.poolSize ?? 10,
    applicationName: options.applicationName ?? 'aftercare',
    // Set on every pooled connection, so that no request can hold a connection for minutes.
    extra: options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {},
  });
}
