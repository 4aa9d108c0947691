import { describe, expect, it } from 'vitest';
import { expandWord, splitWords } from '../src/dockerfile-words.js';

const vars = { SERVICE: 'backend', EMPTY: '' };

const expansions: Array<[string, string]> = [
  ['${SERVICE}', 'backend'],
  ['$SERVICE/dist', 'backend/dist'],
  ['services/${SERVICE}/', 'services/backend/'],
  ['"a b"', 'a b'],
  ['"$SERVICE"', 'backend'],
  ["'$SERVICE'", '$SERVICE'],
  ['\\$SERVICE', '$SERVICE'],
  ['"a\\"b\\n"', 'a"b\\n'],
  ['${MISSING}', ''],
  ['${MISSING:-fallback}', 'fallback'],
  ['${EMPTY:-fallback}', 'fallback'],
  ['${EMPTY-fallback}', ''],
  ['${SERVICE:+set}', 'set'],
  ['${MISSING+set}', ''],
  ['${MISSING:-${SERVICE}}', 'backend'],
  ['cost$', 'cost$'],
  ['$1', '$1'],
];

const splits: Array<[string, string[]]> = [
  ['a  b', ['a', 'b']],
  ['A="x y" B=z', ['A="x y"', 'B=z']],
  ["A='x y'", ["A='x y'"]],
  ['a\\ b c', ['a\\ b', 'c']],
  ['  ', []],
];

describe('expandWord', () => {
  it.each(expansions)('expands %s to "%s"', (raw, expected) => {
    expect(expandWord(raw, vars)).toBe(expected);
  });

  it('fails on ${NAME:?message} when NAME is unset, with the message', () => {
    expect(() => expandWord('${MISSING:?SERVICE is required}', vars)).toThrow(new Error('MISSING: SERVICE is required'));
  });
});

describe('splitWords', () => {
  it.each(splits)('splits `%s` into %j', (text, expected) => {
    expect(splitWords(text)).toEqual(expected);
  });
});
