import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { intBetween, listLimit, positiveInt } from '../src/input-schemas.js';

// The message after the field name in a 400, or the parsed value.
function outcome(schema: z.ZodType, input: unknown): unknown {
  const result = schema.safeParse(input);
  return result.success ? result.data : result.error.issues[0]?.message;
}

describe('intBetween', () => {
  const quantity = intBetween(1, 100);

  it.each<[unknown, unknown]>([
    [1, 1],
    [100, 100],
    [0, 'must be an integer from 1 to 100'],
    [101, 'must be an integer from 1 to 100'],
    [2.5, 'must be an integer from 1 to 100'],
    ['5', 'must be an integer from 1 to 100'],
    [undefined, 'must be an integer from 1 to 100'],
    [null, 'must be an integer from 1 to 100'],
    [Number.NaN, 'must be an integer from 1 to 100'],
  ])('quantity %j -> %j', (input, expected) => {
    expect(outcome(quantity, input)).toEqual(expected);
  });

  it('parses query-string text when coercing', () => {
    const coerced = intBetween(1, 100, true);
    expect(outcome(coerced, '42')).toBe(42);
    expect(outcome(coerced, 'abc')).toBe('must be an integer from 1 to 100');
    expect(outcome(coerced, '0')).toBe('must be an integer from 1 to 100');
  });
});

describe('positiveInt', () => {
  it.each<[unknown, unknown]>([
    [1, 1],
    // The largest id a PostgreSQL integer column holds; one more is a 400, not an SQL error.
    [2_147_483_647, 2_147_483_647],
    [2_147_483_648, 'must be at most 2147483647'],
    [0, 'must be a positive integer'],
    [-3, 'must be a positive integer'],
    ['7', 'must be a positive integer'],
  ])('%j -> %j', (input, expected) => {
    expect(outcome(positiveInt(), input)).toEqual(expected);
  });

  it('parses a path parameter when coercing', () => {
    expect(outcome(positiveInt(true), '7')).toBe(7);
    expect(outcome(positiveInt(true), 'seven')).toBe('must be a positive integer');
  });
});

describe('listLimit', () => {
  it.each<[unknown, unknown]>([
    [undefined, 20],
    ['1', 1],
    ['100', 100],
    ['0', 'must be an integer from 1 to 100'],
    ['101', 'must be an integer from 1 to 100'],
    ['ten', 'must be an integer from 1 to 100'],
    [['5', '6'], 'must be an integer from 1 to 100'],
  ])('?limit=%j -> %j', (input, expected) => {
    expect(outcome(listLimit, input)).toEqual(expected);
  });
});
