import type { TraceAnalysis } from '../analyze.js';
import { BOTTLENECK_SHARE } from '../bottlenecks.js';
import type { TraceTree } from '../trace-tree.js';
import { formatMs, formatPercent } from './format-ms.js';
import type { Paint } from './paint.js';
import { printable, truncate } from './text-fit.js';

// The largest bottlenecks, each with whether the request waited on it, and what it ran.

const TOP = 5;
const INDENT = '  ';
const DETAIL_INDENT = '      ';
// A query's text is what tells two `pg.query:SELECT` spans apart, and shows what made one slow.
const DETAIL_ATTRIBUTES = ['db.query.text', 'db.statement'];

export function renderBottlenecks(analysis: TraceAnalysis, tree: TraceTree, width: number, paint: Paint): string[] {
  const threshold = `${Math.round(BOTTLENECK_SHARE * 100)}%`;
  if (analysis.bottlenecks.length === 0) return [truncate(`Bottlenecks: none (no span's self time is over ${threshold} of the trace)`, width)];

  const lines = [paint(truncate(`Bottlenecks (self time over ${threshold}; * on the critical path)`, width), 'bold')];
  for (const bottleneck of analysis.bottlenecks.slice(0, TOP)) {
    const gutter = bottleneck.onCriticalPath ? '* ' : '  ';
    const head = `${gutter}! ${formatPercent(bottleneck.percentage)}  ${formatMs(bottleneck.duration)} ms  ${printable(bottleneck.span)}`;
    lines.push(paint(truncate(head, width), 'yellow'));
    const detail = detailOf(tree, bottleneck.spanId);
    if (detail) lines.push(truncate(`${DETAIL_INDENT}${printable(detail)}`, width));
  }
  const more = analysis.bottlenecks.length - TOP;
  if (more > 0) lines.push(truncate(`${INDENT}(and ${more} more: --json lists them all)`, width));
  return lines;
}

function detailOf(tree: TraceTree, spanId: string): string | undefined {
  const attributes = tree.byId.get(spanId)?.attributes ?? {};
  const value = DETAIL_ATTRIBUTES.map((key) => attributes[key]).find((candidate) => typeof candidate === 'string');
  return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : undefined;
}
