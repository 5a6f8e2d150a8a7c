import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import { RateLimitedError } from '../errors.js';

/** Attempts allowed per window, per account and per client IP. */
export const RATE_LIMITS = {
  login: { account: { points: 5, seconds: 15 * 60 }, ip: { points: 50, seconds: 15 * 60 } },
  customerCode: { account: { points: 3, seconds: 15 * 60 }, ip: { points: 20, seconds: 15 * 60 } },
  customerVerify: { account: { points: 10, seconds: 15 * 60 }, ip: { points: 30, seconds: 15 * 60 } },
  passwordReset: { account: { points: 3, seconds: 60 * 60 }, ip: { points: 20, seconds: 15 * 60 } },
  changePassword: { account: { points: 5, seconds: 15 * 60 }, ip: { points: 50, seconds: 15 * 60 } },
} as const;

/** The guarded operations. */
export type RateLimitedAction = keyof typeof RATE_LIMITS;

/**
 * Brute-force protection for sign-in operations. Counters live in PostgreSQL (table `rate_limit`,
 * rate-limiter-flexible's layout) so that every server process shares them.
 */
export class RateLimits {
  private readonly limiters = new Map<string, RateLimiterPostgres>();

  constructor(dataSource: DataSource) {
    // TypeORM's Postgres driver keeps its pg Pool as `master`.
    const pool = (dataSource.driver as unknown as { master: unknown }).master;
    for (const [action, scopes] of Object.entries(RATE_LIMITS)) {
      for (const [scope, { points, seconds }] of Object.entries(scopes)) {
        this.limiters.set(
          `${action}:${scope}`,
          new RateLimiterPostgres({
            storeClient: pool,
            storeType: 'pool',
            tableName: 'rate_limit',
            tableCreated: true,
            keyPrefix: `${action}:${scope}`,
            points,
            duration: seconds,
          }),
        );
      }
    }
  }

  /**
   * Count one attempt against the account and the IP. Throws RATE_LIMITED (with the seconds to
   * wait) when either is exhausted. Every attempt counts, including each aliased field of one request.
   */
  async consume(action: RateLimitedAction, account: string, ip: string): Promise<void> {
    const scopes: Array<[string, string]> = [
      ['account', account.toLowerCase()],
      ['ip', ip],
    ];
    for (const [scope, key] of scopes) {
      try {
        await this.limiters.get(`${action}:${scope}`)!.consume(key);
      } catch (err) {
        if (err instanceof RateLimiterRes) throw new RateLimitedError(Math.max(1, Math.ceil(err.msBeforeNext / 1000)));
        throw err;
      }
    }
  }

  /** Forget the account's failed attempts after a success (the IP counter stays). */
  async reset(action: RateLimitedAction, account: string): Promise<void> {
    await this.limiters.get(`${action}:account`)!.delete(account.toLowerCase());
  }
}
