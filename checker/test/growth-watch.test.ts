import { expect, it } from 'vitest';
import { GrowthWatch } from '../src/growth-watch.js';

it('a trace counts as stalled only after no span arrived for the quiet time', () => {
  const watch = new GrowthWatch(1000);
  expect(watch.stalled(3, 0)).toBe(false);
  expect(watch.stalled(3, 999)).toBe(false);
  expect(watch.stalled(5, 1500)).toBe(false);
  expect(watch.stalled(5, 2499)).toBe(false);
  expect(watch.stalled(5, 2500)).toBe(true);
});
