/**
 * The server's source of the current time. The server takes one at start
 * (`startAftercare(config, { clock })`); core (SLA clocks and their alert jobs, the job queue's
 * due times, notifications) and every plugin (`ctx.clock`, `GraphQLContext.clock`) read the time
 * only through it, so a test that fixes the time runs exactly the code production runs.
 */
export interface Clock {
  /** The current time. */
  now(): Date;
}

/** The system clock: what production runs on. */
export const systemClock: Clock = Object.freeze({ now: () => new Date() });

/**
 * Milliseconds from the clock's now until `at`, never negative: how long a job due at `at` (a
 * moment on the server's clock) waits in the queue, whose own timer is the database's.
 */
export function delayUntil(clock: Clock, at: Date): number {
  return Math.max(0, at.getTime() - clock.now().getTime());
}
