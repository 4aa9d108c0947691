import { expect, it } from 'vitest';
import { poll } from '../src/poll.js';

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
