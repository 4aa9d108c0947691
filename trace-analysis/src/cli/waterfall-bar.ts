// One span's bar on the trace's time axis: `width` cells, each a slice of the trace's duration.
// A cell is `path` where the critical path runs through the span, `span` elsewhere in the span and
// `empty` outside it. Every span and every critical section gets at least one cell, so a 0.1 ms
// query on the path is still visible on a 1 s trace.
export type BarCell = 'empty' | 'span' | 'path';

export interface TimeRange {
  startMs: number;
  endMs: number;
}

export function barCells(span: TimeRange, criticalSections: TimeRange[], traceMs: number, width: number): BarCell[] {
  const cells: BarCell[] = new Array<BarCell>(width).fill('empty');
  const [first, end] = cellRange(span, traceMs, width);
  for (let i = first; i < end; i++) cells[i] = 'span';
  for (const section of criticalSections) {
    const [from, to] = cellRange(section, traceMs, width);
    for (let i = Math.max(from, first); i < Math.min(to, end); i++) cells[i] = 'path';
  }
  return cells;
}

const EDGE_TOLERANCE = 1e-9;

// The first cell the range touches and the cell after its last.
function cellRange(range: TimeRange, traceMs: number, width: number): [number, number] {
  if (traceMs <= 0) return [0, 1];
  // The tolerance keeps a boundary that lands on a cell edge, give or take floating point, from
  // spilling into the next cell.
  const first = Math.min(width - 1, Math.max(0, Math.floor((range.startMs / traceMs) * width + EDGE_TOLERANCE)));
  const end = Math.min(width, Math.max(first + 1, Math.ceil((range.endMs / traceMs) * width - EDGE_TOLERANCE)));
  return [first, end];
}
