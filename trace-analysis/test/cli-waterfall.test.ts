import { describe, expect, it } from 'vitest';
import { ansiPaint, plainPaint, serviceStyles, stripAnsi } from '../src/cli/paint.js';
import { renderReport } from '../src/cli/render-report.js';
import { renderWaterfall } from '../src/cli/render-waterfall.js';
import { barCells } from '../src/cli/waterfall-bar.js';
import { waterfallRows } from '../src/cli/waterfall-rows.js';
import { analyzeTrace, buildTraceTree, type JaegerTrace } from '../src/index.js';
import { type FixtureName, recordedTrace, type SpanRow, syntheticTrace } from './support/fixtures.js';

const FIXTURES: FixtureName[] = ['order', 'slow-db', 'backend-error'];
const WIDTHS = [50, 60, 80, 120];

function report(trace: JaegerTrace, width: number, color = false): string[] {
  const tree = buildTraceTree(trace);
  return renderReport(tree, analyzeTrace(tree), width, color ? ansiPaint : plainPaint).split('\n');
}

function waterfall(name: FixtureName, width: number): string[] {
  const tree = buildTraceTree(recordedTrace(name));
  const analysis = analyzeTrace(tree);
  const rows = waterfallRows(tree, analysis);
  return renderWaterfall(rows, analysis.totalDuration, width, plainPaint, serviceStyles([]));
}

const columnsOf = (line: string) => [...stripAnsi(line)].length;

describe('the terminal report', () => {
  for (const name of FIXTURES) {
    for (const width of WIDTHS) {
      it(`keeps every line of the ${name} trace within ${width} columns, with and without colours`, () => {
        for (const color of [false, true]) {
          const tooWide = report(recordedTrace(name), width, color).filter((line) => columnsOf(line) > width);
          expect(tooWide).toEqual([]);
        }
      });
    }
  }

  it.each(FIXTURES)('writes no escape code for the %s trace when colours are off', (name) => {
    expect(report(recordedTrace(name), 80).join('\n')).not.toContain('\x1b');
  });

  it('paints with ANSI codes when colours are on, the text staying the same', () => {
    const painted = report(recordedTrace('slow-db'), 80, true);
    expect(painted.join('\n')).toContain('\x1b[');
    expect(painted.map(stripAnsi)).toEqual(report(recordedTrace('slow-db'), 80));
  });

  it('keeps long names, deep trees and hostile characters within the width', () => {
    const operation = (level: number) => `op-${level}-${'x'.repeat(60)}`;
    const deep = Array.from({ length: 40 }, (_, i): SpanRow => [operation(i), i === 0 ? undefined : operation(i - 1), `service-with-a-very-long-name-${i % 3}`, i * 10, 1000 - i * 10]);
    const hostile = syntheticTrace([['\x1b[31mred\nnewline', undefined, 'evil\tservice', 0, 5]]);
    for (const width of WIDTHS) {
      for (const trace of [syntheticTrace(deep), hostile]) {
        const lines = report(trace, width);
        expect(lines.filter((line) => columnsOf(line) > width)).toEqual([]);
        expect(lines.join('\n')).not.toContain('\x1b');
      }
    }
  });
});

describe('the waterfall', () => {
  it('marks the slow-db SELECT pg_sleep span as on the critical path and a bottleneck, its bar solid', () => {
    const lines = waterfall('slow-db', 80);
    expect(lines[0]).toBe('  span                         service  0                   1065.9 ms    ms');
    expect(lines[11]).toBe('*         pg.query:SELECT lab  database ██████████████                502.3 !47%');
  });

  it('marks the second pg_sleep, in the notification after the response, as a bottleneck off the critical path', () => {
    expect(waterfall('slow-db', 80)[29]).toBe('               pg.query:SELEC… database                ░░░░░░░░░░░░░░ 501.3 !47%');
  });

  it('shows one row per span, in tree order, indented by depth', () => {
    const tree = buildTraceTree(recordedTrace('order'));
    const lines = waterfall('order', 120).slice(1);
    expect(lines).toHaveLength(tree.spans.length);
    expect(lines.slice(0, 4).map((line) => line.slice(0, 20).trimEnd())).toEqual(['* POST /api/orders', '*   request handler', '*     POST', '*       POST /orders']);
  });

  it('marks every failed span of the backend-error trace ERR', () => {
    const lines = waterfall('backend-error', 80).slice(1);
    expect(lines).toHaveLength(5);
    for (const line of lines) expect(line).toMatch(/ ERR$/);
  });

  it('marks no span ERR in a trace without errors', () => {
    expect(waterfall('order', 80).join('\n')).not.toContain('ERR');
  });
});

describe('barCells', () => {
  it.each<[string, [number, number], [number, number][], string]>([
    ['a span over the whole trace, off the path', [0, 100], [], 'ssssssssss'],
    ['a span over the whole trace, on the path at both ends', [0, 100], [[0, 10], [90, 100]], 'pssssssssp'],
    ['the second half of the trace', [50, 100], [[50, 100]], '.....ppppp'],
    ['a span shorter than a cell still gets one', [42, 42.1], [[42, 42.1]], '....p.....'],
    ['a span ending on a cell edge stops there', [0, 30], [], 'sss.......'],
    ['a span ending exactly at the end of the trace', [99.99, 100], [], '.........s'],
  ])('draws %s', (_, [startMs, endMs], sections, expected) => {
    const cells = barCells({ startMs, endMs }, sections.map(([s, e]) => ({ startMs: s, endMs: e })), 100, 10);
    expect(cells.map((cell) => ({ empty: '.', span: 's', path: 'p' })[cell]).join('')).toBe(expected);
  });
});
