import { roundTo, toMs } from './milliseconds.js';
import type { SelfTimes } from './self-time.js';
import { spanLabel, type TraceTree } from './trace-tree.js';

// A span is a bottleneck when its self time is more than this share of the trace's duration.
export const BOTTLENECK_SHARE = 0.1;

export interface Bottleneck {
  span: string;
  spanId: string;
  // Self time, ms: the span's own work, its children's excluded.
  duration: number;
  // Self time as a percentage of the trace's duration.
  percentage: number;
  // The span's whole duration, ms.
  spanDuration: number;
  // Whether the request's end-to-end latency waited on it (see critical-path.ts): a slow span in
  // asynchronous work that outlives the request is a bottleneck of the trace, not of the request.
  onCriticalPath: boolean;
}

// Largest self time first.
export function bottlenecks(tree: TraceTree, self: SelfTimes, criticalSpanIds: ReadonlySet<string>, share = BOTTLENECK_SHARE): Bottleneck[] {
  if (tree.durationUs <= 0) return [];
  return tree.spans
    .map((span) => ({ span, selfUs: self.bySpanId.get(span.spanId) ?? 0 }))
    .filter(({ selfUs }) => selfUs > share * tree.durationUs)
    .sort((a, b) => b.selfUs - a.selfUs)
    .map(({ span, selfUs }) => ({
      span: spanLabel(span),
      spanId: span.spanId,
      duration: toMs(selfUs),
      percentage: roundTo((100 * selfUs) / tree.durationUs, 2),
      spanDuration: toMs(span.durationUs),
      onCriticalPath: criticalSpanIds.has(span.spanId),
    }));
}
