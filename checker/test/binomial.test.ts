import { expect, it } from 'vitest';
import { binomialRange } from '../src/binomial.js';
import { SAMPLE } from '../src/tasks/tail-sampled.js';

// Task 12's range for a 10% policy over its 100 ordinary orders: a right policy falls inside it in
// all but one run in 10,000, a policy that keeps all or none of them never does.

it('gives task 12 the range 1 to 23 of 100 ordinary orders for a 10% policy', () => {
  expect(binomialRange(SAMPLE.ordinary, SAMPLE.keptShare, SAMPLE.maxFailure)).toEqual({ low: 1, high: 23 });
});

it('leaves out keeping none and keeping all, so neither can pass', () => {
  const { low, high } = binomialRange(SAMPLE.ordinary, SAMPLE.keptShare, SAMPLE.maxFailure);
  expect(low).toBeGreaterThan(0);
  expect(high).toBeLessThan(SAMPLE.ordinary);
});

it('widens the range as the tolerated failure shrinks', () => {
  expect(binomialRange(100, 0.1, 0.05)).toEqual({ low: 5, high: 16 });
  expect(binomialRange(100, 0.1, 1e-6)).toEqual({ low: 0, high: 27 });
});

it('keeps the same range as n grows in proportion', () => {
  const { low, high } = binomialRange(1000, 0.1, 1e-4);
  expect(low).toBeGreaterThan(60);
  expect(high).toBeLessThan(140);
});
