import { describe, expect, it } from 'vitest';
import { parseAnalysisBench } from '../src/bench/analysis-speed.js';
import { parseBenchOptions } from '../src/bench/options.js';

describe('npm run bench options', () => {
  it.each([
    [[], { json: false, smoke: false, priceList: false }],
    [['--json'], { json: true, smoke: false, priceList: false }],
    [['--smoke', '--json'], { json: true, smoke: true, priceList: false }],
    [['--price-list', '--smoke'], { json: false, smoke: true, priceList: true }],
    [['--help'], 'help'],
  ] as const)('%j -> %j', (argv, expected) => {
    expect(parseBenchOptions(argv)).toEqual(expected);
  });

  it('refuse an unknown flag in one line naming it', () => {
    expect(() => parseBenchOptions(['--rate', '5'])).toThrow('--rate: unknown option or argument (see --help)');
  });
});

describe("the analysis benchmark's line", () => {
  it('gives the median, min and max', () => {
    const line = 'analyzed a 10000-span trace 20 times: median 46.1 ms, min 44.0 ms, max 52.3 ms (Node v24.21.0)\n';
    expect(parseAnalysisBench(line, 10_000, 20)).toEqual({ spans: 10_000, runs: 20, medianMs: 46.1, minMs: 44, maxMs: 52.3 });
  });

  it('is refused when it says something else', () => {
    expect(() => parseAnalysisBench('Error: boom', 10, 1)).toThrow('trace-analysis/dist/bench.js printed something unexpected: Error: boom');
  });
});
