import { describe, expect, it } from 'vitest';
import { poll, waitFor } from '../src/poll.js';

it('returns the value once the probe says done', async () => {
  let calls = 0;
  const result = await poll('three calls', async () => ({ value: ++calls, done: calls === 3, seen: `${calls}` }), { timeoutMs: 1000, intervalMs: 1 });
  expect(result).toEqual({ done: true, value: 3 });
});

it('times out saying what it waited for and what it saw last, keeping the last value', async () => {
  const result = await poll('trace abc to be complete', async () => ({ value: 7, done: false, seen: '4 spans from frontend' }), {
    timeoutMs: 20,
    intervalMs: 5,
  });
  expect(result).toEqual({ done: false, value: 7, message: 'timed out after 0s waiting for trace abc to be complete (last: 4 spans from frontend)' });
});

it('keeps polling through a probe that throws, and reports the error as what it saw', async () => {
  const result = await poll('Jaeger', async () => {
    throw new Error('Jaeger is unreachable at http://x (connection refused)');
  }, { timeoutMs: 10, intervalMs: 5 });
  expect(result).toMatchObject({ done: false, message: 'timed out after 0s waiting for Jaeger (last: Jaeger is unreachable at http://x (connection refused))' });
});

describe('waitFor', () => {
  it('returns the first value the probe gives that is not undefined', async () => {
    let calls = 0;
    expect(await waitFor('three calls', async () => (++calls === 3 ? 'ready' : undefined), { timeoutMs: 1000, intervalMs: 1 })).toBe('ready');
  });

  it("throws on timeout with the probe's last error, which an undefined answer after it does not hide", async () => {
    let calls = 0;
    const probe = async () => {
      if (++calls === 1) throw new Error('connection refused');
      return undefined;
    };
    await expect(waitFor('the frontend', probe, { timeoutMs: 20, intervalMs: 5 })).rejects.toThrow(
      'timed out after 0s waiting for the frontend (last: connection refused)',
    );
  });

  it('gives up at once when waiting longer is pointless, saying why', async () => {
    await expect(waitFor('backend to be healthy', async () => undefined, { giveUpIf: () => 'it exited' })).rejects.toThrow(
      'gave up waiting for backend to be healthy: it exited',
    );
  });
});
