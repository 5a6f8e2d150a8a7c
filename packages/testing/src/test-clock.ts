import type { Clock } from '@aftercare/core';

/** A clock a test sets and moves; pass it to `createTestServer({ clock })`. */
export interface TestClock extends Clock {
  /** Jump to a moment (ISO string or Date). */
  set(at: string | Date): void;
  /** Move forward by `ms` milliseconds. */
  advance(ms: number): void;
  /** Move forward by whole minutes. */
  advanceMinutes(minutes: number): void;
}

/**
 * A fixed clock starting at `start` that only moves when the test moves it. The server runs its
 * normal SLA service, alert jobs and plugin code on it; to let due jobs run after moving it, use
 * `server.advanceClock(ms)`, which also brings the queued jobs' due times forward by the same amount.
 */
export function createTestClock(start: string | Date = new Date()): TestClock {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    set(at) {
      now = new Date(at);
    },
    advance(ms) {
      now = new Date(now.getTime() + ms);
    },
    advanceMinutes(minutes) {
      now = new Date(now.getTime() + minutes * 60_000);
    },
  };
}
