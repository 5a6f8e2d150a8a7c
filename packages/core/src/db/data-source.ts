import type { Logger as PinoLogger } from 'pino';
import { DataSource, type Logger as TypeOrmLogger, type QueryRunner } from 'typeorm';
import { currentRequest } from '../request-context.js';
import { SnakeNamingStrategy } from './naming-strategy.js';

/** Routes TypeORM's log to pino and counts statements per request. */
class SqlLogger implements TypeOrmLogger {
  constructor(private readonly logger: PinoLogger) {}
  logQuery(query: string, parameters?: unknown[], _qr?: QueryRunner) {
    const ctx = currentRequest();
    if (ctx) ctx.queryCount++;
    if (this.logger.isLevelEnabled('trace')) this.logger.trace({ query, parameters }, 'sql');
  }
  logQueryError(error: string | Error, query: string, parameters?: unknown[]) {
    this.logger.debug({ err: error, query, parameters }, 'sql failed');
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
}): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install, none created at connect.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    migrationsRun: false,
    logging: true,
    logger: new SqlLogger(options.logger),
    maxQueryExecutionTime: 1000,
    poolSize: options.poolSize ?? 10,
    applicationName: options.applicationName ?? 'aftercare',
  });
}
