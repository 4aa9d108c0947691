import { describe, expect, it } from 'vitest';
import { plainPaint, serviceStyles } from '../src/cli/paint.js';
import { renderBottlenecks } from '../src/cli/render-bottlenecks.js';
import { renderBreakdown } from '../src/cli/render-breakdown.js';
import { renderErrorCause } from '../src/cli/render-error-cause.js';
import { analyzeTrace, buildTraceTree, IDLE_ENTRY } from '../src/index.js';
import { type FixtureName, recordedTrace, type SpanRow, syntheticTrace } from './support/fixtures.js';

function analysed(name: FixtureName) {
  const tree = buildTraceTree(recordedTrace(name));
  return { tree, analysis: analyzeTrace(tree) };
}

function breakdown(name: FixtureName, width = 80): string[] {
  return renderBreakdown(analysed(name).analysis, width, plainPaint, serviceStyles([]));
}

// `  database  1023.4 ms   96.0%  ████` -> [1023.4, 96.0]
function figures(line: string): [number, number] {
  const match = / ([\d.]+) ms +([\d.]+)%/.exec(line);
  if (!match) throw new Error(`no figures in ${JSON.stringify(line)}`);
  return [Number(match[1]), Number(match[2])];
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

describe('the service breakdown', () => {
  it("lists the self time of each slow-db service, largest first, with its share and a bar, and the order event's wait in the queue", () => {
    expect(breakdown('slow-db')).toEqual([
      "Self time by service (adds up to the trace's 1065.9 ms)",
      '  database        1023.4 ms   96.0%  █████████████████████████████████████████',
      '  notifier          32.3 ms    3.0%  █',
      '  frontend          5.23 ms    0.5%',
      '  backend           4.59 ms    0.4%',
      `  ${IDLE_ENTRY}    0.38 ms    0.0%`,
    ]);
  });

  it.each<FixtureName>(['order', 'slow-db', 'backend-error'])('prints %s figures that add up to the trace duration and to 100%', (name) => {
    const { analysis } = analysed(name);
    const rows = breakdown(name).slice(1).map(figures);
    // Each printed figure is rounded to its last digit shown: at most half of 0.1 off.
    expect(Math.abs(sum(rows.map(([ms]) => ms)) - analysis.totalDuration)).toBeLessThanOrEqual(0.05 * rows.length);
    expect(Math.abs(sum(rows.map(([, percent]) => percent)) - 100)).toBeLessThanOrEqual(0.05 * rows.length);
  });

  it('lists the time when no span was open, so the figures still add up', () => {
    const analysis = analyzeTrace(buildTraceTree(syntheticTrace([['a', undefined, 'api', 0, 4000], ['b', 'a', 'worker', 6000, 4000, { followsFrom: true }]])));
    expect(renderBreakdown(analysis, 60, plainPaint, serviceStyles([])).slice(1)).toEqual([
      '  api             4.00 ms   40.0%  ██████████',
      '  worker          4.00 ms   40.0%  ██████████',
      `  ${IDLE_ENTRY}  2.00 ms   20.0%  █████`,
    ]);
  });
});

describe('the bottlenecks', () => {
  it('puts the slow-db SELECT pg_sleep first, on the critical path, with its query', () => {
    const { tree, analysis } = analysed('slow-db');
    expect(renderBottlenecks(analysis, tree, 80, plainPaint)).toEqual([
      'Bottlenecks (self time over 10%; * on the critical path)',
      '* ! 47.1%  502.3 ms  database:pg.query:SELECT lab',
      '      SELECT pg_sleep($1) /* lab fault scenario: slow-db */',
      '  ! 47.0%  501.2 ms  database:pg.query:SELECT lab',
      '      SELECT pg_sleep($1) /* lab fault scenario: slow-db */',
    ]);
  });

  it('says so when no span stands out', () => {
    const tenEqualChildren = Array.from({ length: 10 }, (_, i): SpanRow => [`c${i}`, 'a', 's', i * 10, 10]);
    const tree = buildTraceTree(syntheticTrace([['a', undefined, 's', 0, 100], ...tenEqualChildren]));
    expect(renderBottlenecks(analyzeTrace(tree), tree, 80, plainPaint)).toEqual(["Bottlenecks: none (no span's self time is over 10% of the trace)"]);
  });
});

describe('the error root cause', () => {
  it('names the failing backend handler of the backend-error trace, with its message wrapped to the width', () => {
    const { tree, analysis } = analysed('backend-error');
    expect(renderErrorCause(analysis, tree, 60, plainPaint)).toEqual([
      'Error root cause (5 spans failed, marked ERR)',
      '  backend:request handler',
      '  order processing failed (lab fault scenario',
      "  'backend-error')",
    ]);
  });

  it('prints nothing for a trace without errors', () => {
    const { tree, analysis } = analysed('order');
    expect(renderErrorCause(analysis, tree, 80, plainPaint)).toEqual([]);
  });
});
