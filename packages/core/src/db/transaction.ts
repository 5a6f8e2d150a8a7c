import type { EntityManager } from 'typeorm';

/**
 * Run `fn` in the caller's transaction when `manager` is in one, or in a new transaction otherwise,
 * so that a service's writes (and row locks) always share one transaction with the change that
 * caused them.
 */
export function inTransaction<T>(manager: EntityManager, fn: (m: EntityManager) => Promise<T>): Promise<T> {
  return manager.queryRunner?.isTransactionActive ? fn(manager) : manager.transaction(fn);
}
