import { describe, expect, it } from 'vitest';
import { renderTextTable } from '../src/bench/text-table.js';

describe('a text table', () => {
  it('lines up the columns, lets a single value span them, and puts the aims last', () => {
    const text = renderTextTable(
      ['off', '100%'],
      [
        { title: '1. Overhead', rows: [{ label: 'throughput', values: ['160.0', '147.2 (-8.0%)'], aim: 'met' }] },
        { title: '2. Completeness', rows: [{ label: 'complete', values: '10000/10000 and then some' }] },
      ],
    );
    expect(text).toBe(
      [
        '              off    100%                aim',
        '1. Overhead',
        '  throughput  160.0  147.2 (-8.0%)       met',
        '2. Completeness',
        '  complete    10000/10000 and then some',
        '',
      ].join('\n'),
    );
  });

  it('has no aim column when no row has an aim', () => {
    expect(renderTextTable(['a'], [{ title: 'T', rows: [{ label: 'x', values: ['1'] }] }])).toBe('     a\nT\n  x  1\n');
  });
});
