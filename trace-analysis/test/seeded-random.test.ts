import { expect, it } from 'vitest';
import { seededRandom } from '../src/seeded-random.js';

const draws = (seed: number, count: number) => Array.from({ length: count }, seededRandom(seed));

it("draws Mulberry32's sequence for a seed: seed 1 starts 0.6270739405881613, 0.002735721180215478, 0.5274470399599522", () => {
  expect(draws(1, 3)).toEqual([0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
});

it('repeats a seed exactly, and tells two seeds apart', () => {
  expect(draws(20261123, 100)).toEqual(draws(20261123, 100));
  expect(draws(2, 3)).not.toEqual(draws(1, 3));
});

it('stays in [0, 1)', () => {
  expect(draws(7, 10_000).every((x) => x >= 0 && x < 1)).toBe(true);
});
