import type { TraceAnalysis } from '../analyze.js';
import type { TraceTree } from '../trace-tree.js';
import { formatMs } from './format-ms.js';
import type { Paint } from './paint.js';
import { flow } from './text-fit.js';

// Which trace this is, its size, and how to read the marks of the waterfall.
export function renderHeader(analysis: TraceAnalysis, tree: TraceTree, width: number, paint: Paint): string[] {
  const services = new Set(tree.spans.map((span) => span.service)).size;
  const errors = tree.spans.filter((span) => span.error).length;
  const facts = [
    `${formatMs(analysis.totalDuration)} ms`,
    `${tree.spans.length} spans`,
    `${services} services`,
    `${analysis.serviceCalls} service calls`,
    ...(errors > 0 ? [`${errors} failed`] : []),
  ];
  const legend = [
    '* on the critical path',
    '█ the path in the span',
    '░ rest of the span',
    ...(analysis.bottlenecks.length > 0 ? ['!n% bottleneck: self time share'] : []),
    ...(errors > 0 ? ['ERR failed'] : []),
  ];
  return [
    ...flow([`Trace ${tree.traceId}`, `started ${new Date(tree.startUs / 1000).toISOString()}`], width).map((line) => paint(line, 'bold')),
    ...flow(facts, width),
    ...flow(legend, width).map((line) => paint(line, 'dim')),
  ];
}
