import { describe, expect, it } from 'vitest';
import { formatSeconds } from '../explorer/format.js';

describe("the explorer's learner times", () => {
  it.each([
    [45, '45 s'],
    [600, '10 min 0 s'],
    [725.4, '12 min 5 s'],
    [3780, '1 h 3 min'],
  ])('writes %d s as %s', (seconds, text) => {
    expect(formatSeconds(seconds)).toBe(text);
  });
});
