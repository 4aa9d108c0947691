import type { TraceAnalysis } from '../analyze.js';
import type { TraceTree } from '../trace-tree.js';
import { type Paint, serviceStyles } from './paint.js';
import { renderBottlenecks } from './render-bottlenecks.js';
import { renderBreakdown } from './render-breakdown.js';
import { renderErrorCause } from './render-error-cause.js';
import { renderHeader } from './render-header.js';
import { renderWaterfall } from './render-waterfall.js';
import { waterfallRows } from './waterfall-rows.js';

// The whole terminal report of one trace: header, waterfall, then where the time went.
export function renderReport(tree: TraceTree, analysis: TraceAnalysis, width: number, paint: Paint): string {
  const rows = waterfallRows(tree, analysis);
  const styles = serviceStyles(rows.map((row) => row.service));
  const sections = [
    renderHeader(analysis, tree, width, paint),
    renderWaterfall(rows, analysis.totalDuration, width, paint, styles),
    renderBreakdown(analysis, width, paint, styles),
    renderBottlenecks(analysis, tree, width, paint),
    renderErrorCause(analysis, tree, width, paint),
  ];
  return sections
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join('\n'))
    .join('\n\n');
}
