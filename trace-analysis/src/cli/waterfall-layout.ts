import { formatMs } from './format-ms.js';
import { columns, printable } from './text-fit.js';
import type { WaterfallRow } from './waterfall-rows.js';

// The waterfall's columns for a width: `* name service bar ms notes`. The duration and notes columns
// are as wide as their widest entry, the service column as its longest name up to a cap, and the
// name and the bar share the rest.
export interface WaterfallLayout {
  name: number;
  service: number;
  bar: number;
  duration: number;
  notes: number;
  // Columns of indentation per tree level: two when every name still fits, otherwise one.
  indentStep: 1 | 2;
}

// `* ` on the critical path.
export const GUTTER = 2;
const GAP = 1;
const MIN_SERVICE = 4;
const MAX_SERVICE = 12;
const MIN_NAME = 8;
const MIN_BAR = 10;
// Names take up to half of what is left, the bar the rest: both are worth reading.
const NAME_SHARE = 0.5;

// `!48%` for a bottleneck (its self time's share of the trace), `ERR` for a span that failed.
export function rowNotes(row: WaterfallRow): { bottleneck: string; error: string } {
  return {
    bottleneck: row.bottleneckPercentage === undefined ? '' : `!${Math.round(row.bottleneckPercentage)}%`,
    error: row.error ? 'ERR' : '',
  };
}

export function notesText(row: WaterfallRow): string {
  const { bottleneck, error } = rowNotes(row);
  return [bottleneck, error].filter((note) => note !== '').join(' ');
}

export function waterfallLayout(rows: WaterfallRow[], width: number): WaterfallLayout {
  const longest = (texts: string[]) => texts.reduce((max, text) => Math.max(max, columns(text)), 0);
  const duration = Math.max(columns('ms'), longest(rows.map((row) => formatMs(row.durationMs))));
  const notes = longest(rows.map(notesText));
  const others = GUTTER + GAP + GAP + GAP + duration + (notes > 0 ? GAP + notes : 0);
  // Service names are short; only a narrow width makes them give up columns to the name and the bar.
  const service = Math.max(MIN_SERVICE, Math.min(longest(rows.map((row) => printable(row.service))), MAX_SERVICE, width - others - MIN_NAME - MIN_BAR));
  const flexible = width - others - service;

  const nameNeeded = (step: number) => longest(rows.map((row) => ' '.repeat(row.depth * step) + printable(row.operation)));
  let name = Math.max(MIN_NAME, Math.min(nameNeeded(2), Math.floor(flexible * NAME_SHARE)));
  if (flexible - name < MIN_BAR) name = Math.max(1, flexible - MIN_BAR);
  return {
    name,
    service,
    bar: flexible - name,
    duration,
    notes,
    indentStep: nameNeeded(2) <= name ? 2 : 1,
  };
}
