import type { TraceAnalysis } from '../analyze.js';
import { criticalPath } from '../critical-path.js';
import { selfTimes } from '../self-time.js';
import { toMs } from '../milliseconds.js';
import type { TraceTree } from '../trace-tree.js';
import { type VisualNode, visualizeTrace } from '../visualize.js';

// What one line of the waterfall shows about a span, times in ms from the trace's start.
export interface WaterfallRow {
  spanId: string;
  depth: number;
  operation: string;
  service: string;
  startMs: number;
  durationMs: number;
  // The stretches of this span the critical path runs through: the time the request waited on it.
  criticalSections: { startMs: number; endMs: number }[];
  onCriticalPath: boolean;
  // Self time as a percentage of the trace, for a bottleneck.
  bottleneckPercentage: number | undefined;
  error: boolean;
}

// The spans in tree order (each parent, then its children by start time), roots by start time.
export function waterfallRows(tree: TraceTree, analysis: TraceAnalysis): WaterfallRow[] {
  const visual = visualizeTrace(tree, selfTimes(tree));
  const sections = sectionsBySpan(tree);
  const onPath = new Set(analysis.criticalPathSpans.map((span) => span.spanId));
  const bottleneckShare = new Map(analysis.bottlenecks.map((bottleneck) => [bottleneck.spanId, bottleneck.percentage]));

  const rows: WaterfallRow[] = [];
  // Depth first with an explicit stack, children pushed last-first: a generated trace may be deeper
  // than the call stack.
  const stack: Array<[VisualNode, number]> = [visual.tree, ...visual.otherRoots].reverse().map((root) => [root, 0]);
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [VisualNode, number];
    rows.push({
      spanId: node.spanId,
      depth,
      operation: node.operationName,
      service: node.serviceName,
      startMs: node.startOffset,
      durationMs: node.duration,
      criticalSections: sections.get(node.spanId) ?? [],
      onCriticalPath: onPath.has(node.spanId),
      bottleneckPercentage: bottleneckShare.get(node.spanId),
      error: node.status === 'error',
    });
    for (let i = node.children.length - 1; i >= 0; i--) stack.push([node.children[i] as VisualNode, depth + 1]);
  }
  return rows;
}

function sectionsBySpan(tree: TraceTree): Map<string, WaterfallRow['criticalSections']> {
  const bySpan = new Map<string, WaterfallRow['criticalSections']>();
  for (const section of criticalPath(tree)) {
    const list = bySpan.get(section.span.spanId) ?? [];
    list.push({ startMs: toMs(section.startUs - tree.startUs), endMs: toMs(section.endUs - tree.startUs) });
    bySpan.set(section.span.spanId, list);
  }
  return bySpan;
}
