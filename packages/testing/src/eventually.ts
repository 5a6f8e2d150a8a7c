/** Options of {@link eventually}. */
export interface EventuallyOptions {
  /** Give up after this long (default 10 s). Generous on purpose: it bounds a wait, it is not a speed goal. */
  timeoutMs?: number;
  /** Pause between attempts (default 50 ms). */
  intervalMs?: number;
  /** What is awaited, for the error message ("the breach event", "the welcome mail"). */
  what?: string;
}

/**
 * Wait for an asynchronous effect — an event delivered, a job run, a mail sent after the answer —
 * by calling `fn` until it returns a truthy value, which `eventually` resolves with. An attempt that
 * throws (e.g. a failing `expect`) counts as not yet; after `timeoutMs` it rejects with the last
 * error. For an assertion, return something truthy once it passes.
 *
 * @example
 * const mail = await eventually(() => server.messages.find((m) => m.to === 'ana@example.com'));
 * await eventually(async () => (await rows(id))[0]?.status === 'sent', { what: 'the message marked sent' });
 * await eventually(() => {
 *   expect(alertsOf(1)).toEqual(['core.sla.warning:firstResponse']);
 *   return true;
 * });
 */
export async function eventually<T>(fn: () => T | Promise<T>, options: EventuallyOptions = {}): Promise<NonNullable<T>> {
  const { timeoutMs = 10_000, intervalMs = 50, what } = options;
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value as NonNullable<T>;
      last = undefined;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) {
      const reason = last instanceof Error ? `: ${last.message}` : last !== undefined ? `: ${String(last)}` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what ?? 'the condition'}${reason}`, { cause: last });
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
