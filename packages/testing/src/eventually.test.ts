import { describe, expect, it } from 'vitest';
import { eventually } from './eventually.js';

describe('eventually', () => {
  it('resolves with the first truthy answer, retrying falsy answers and thrown errors', async () => {
    let calls = 0;
    const value = await eventually(
      () => {
        calls += 1;
        if (calls === 1) throw new Error('not yet');
        return calls < 4 ? undefined : { calls };
      },
      { intervalMs: 1 },
    );
    expect(value).toEqual({ calls: 4 });
  });

  it('gives up after the timeout, naming what it waited for and the last failure', async () => {
    await expect(
      eventually(
        () => {
          throw new Error('no mail to ana@example.com');
        },
        { timeoutMs: 20, intervalMs: 5, what: 'the welcome mail' },
      ),
    ).rejects.toThrow(/waiting for the welcome mail: no mail to ana@example.com/);
    await expect(eventually(() => false, { timeoutMs: 10, intervalMs: 5 })).rejects.toThrow(/waiting for the condition$/);
  });
});
