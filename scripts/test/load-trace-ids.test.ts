import { describe, expect, it } from 'vitest';
import { traceIdFromHeaders, traceIdOf } from '../src/load/trace-response.js';
import { type TraceSample, TraceSamples } from '../src/load/trace-samples.js';

describe('the trace id of a traceresponse header', () => {
  // [header, trace id]
  const rows: Array<[string | string[] | undefined, string | undefined]> = [
    ['00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', '4bf92f3577b34da6a3ce929d0e0e4736'],
    ['00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00', '4bf92f3577b34da6a3ce929d0e0e4736'],
    [' 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01 ', '4bf92f3577b34da6a3ce929d0e0e4736'],
    [['00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', '00-ffffffffffffffffffffffffffffffff-00f067aa0ba902b7-01'], '4bf92f3577b34da6a3ce929d0e0e4736'],
    ['00-00000000000000000000000000000000-00f067aa0ba902b7-01', undefined],
    ['00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01', undefined],
    ['01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', undefined],
    ['00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01', undefined],
    ['', undefined],
    [undefined, undefined],
  ];

  it.each(rows)('%j -> %s', (header, traceId) => {
    expect(traceIdOf(header)).toBe(traceId);
  });

  it('is found in response headers whatever the spelling of the name', () => {
    const header = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    expect(traceIdFromHeaders({ traceresponse: header })).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(traceIdFromHeaders({ 'content-type': 'application/json', TraceResponse: header })).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(traceIdFromHeaders({ traceparent: header })).toBeUndefined();
    expect(traceIdFromHeaders(undefined)).toBeUndefined();
  });
});

describe('trace samples', () => {
  const answer = (n: number, status = 200): TraceSample => ({ traceId: String(n).padStart(32, '0'), status, method: 'GET', path: `/api/orders/${n}` });
  const ids = (samples: TraceSample[]) => samples.map((sample) => Number(sample.traceId));

  it('keeps the first answers while there is room, apart from the errors', () => {
    const samples = new TraceSamples(3, () => 0);
    [answer(1), answer(2, 502), answer(3), answer(4, 404)].forEach((sample) => samples.offer(sample));
    expect(ids(samples.ok)).toEqual([1, 3]);
    expect(ids(samples.errors)).toEqual([2, 4]);
  });

  it('spreads over the whole run once full, listed in the order the answers came', () => {
    // Answer n replaces slot floor(random * n) when that slot exists: here the 4th takes slot 0 and
    // the 6th slot 1, the 5th none.
    const draws = [0, 0.9, 0.2];
    const samples = new TraceSamples(3, () => draws.shift() ?? 0.99);
    for (let n = 1; n <= 8; n += 1) samples.offer(answer(n));
    expect(ids(samples.ok)).toEqual([3, 4, 6]);
  });
});
