import { formatMs } from './format-ms.js';
import type { Paint, Style } from './paint.js';
import { fit, printable } from './text-fit.js';
import { barCells, type BarCell } from './waterfall-bar.js';
import { GUTTER, rowNotes, type WaterfallLayout, waterfallLayout } from './waterfall-layout.js';
import type { WaterfallRow } from './waterfall-rows.js';

// The waterfall: a header with the time axis, then one line per span, every line at most `width`
// columns whatever the names.

const BAR_CHAR: Record<BarCell, string> = { empty: ' ', span: '░', path: '█' };

export function renderWaterfall(rows: WaterfallRow[], traceMs: number, width: number, paint: Paint, styles: Map<string, Style>): string[] {
  const layout = waterfallLayout(rows, width);
  return [headerLine(layout, traceMs, paint), ...rows.map((row) => spanLine(row, layout, traceMs, paint, styles))];
}

function headerLine(layout: WaterfallLayout, traceMs: number, paint: Paint): string {
  const cells = [' '.repeat(GUTTER) + fit('span', layout.name), fit('service', layout.service), timeAxis(traceMs, layout.bar), fit('ms', layout.duration, 'right')];
  return paint(cells.join(' '), 'dim');
}

// `0` under the bar's first cell, the trace's duration under its last.
function timeAxis(traceMs: number, width: number): string {
  const end = `${formatMs(traceMs)} ms`;
  if (width < end.length + 2) return fit(end, width, 'right');
  return `0${fit(end, width - 1, 'right')}`;
}

function spanLine(row: WaterfallRow, layout: WaterfallLayout, traceMs: number, paint: Paint, styles: Map<string, Style>): string {
  const serviceStyle = styles.get(row.service);
  const serviceStyles: Style[] = serviceStyle ? [serviceStyle] : [];
  const gutter = row.onCriticalPath ? `${paint('*', 'bold')} ` : '  ';
  const indent = ' '.repeat(Math.min(row.depth * layout.indentStep, Math.floor(layout.name / 2)));
  const name = fit(indent + printable(row.operation), layout.name);
  const cells = [
    gutter + (row.error ? paint(name, 'red') : name),
    paint(fit(printable(row.service), layout.service), ...serviceStyles),
    bar(row, layout.bar, traceMs, paint, serviceStyles),
    fit(formatMs(row.durationMs), layout.duration, 'right'),
    notes(row, paint),
  ];
  return cells.join(' ').trimEnd();
}

// Runs of equal cells painted together: the path solid and bold, the rest of the span light.
function bar(row: WaterfallRow, width: number, traceMs: number, paint: Paint, serviceStyles: Style[]): string {
  const cells = barCells({ startMs: row.startMs, endMs: row.startMs + row.durationMs }, row.criticalSections, traceMs, width);
  let text = '';
  for (let i = 0; i < cells.length; ) {
    const cell = cells[i] as BarCell;
    let end = i;
    while (cells[end] === cell) end++;
    const run = BAR_CHAR[cell].repeat(end - i);
    text += cell === 'empty' ? run : paint(run, ...serviceStyles, ...(cell === 'path' ? (['bold'] as Style[]) : []));
    i = end;
  }
  return text;
}

function notes(row: WaterfallRow, paint: Paint): string {
  const { bottleneck, error } = rowNotes(row);
  return [paint(bottleneck, 'bold', 'yellow'), paint(error, 'bold', 'red')].filter((note) => note !== '').join(' ');
}
