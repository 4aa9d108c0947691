import { type Bottleneck, bottlenecks } from './bottlenecks.js';
import { criticalPath, criticalPathSpans } from './critical-path.js';
import { type ErrorRootCause, errorRootCause } from './error-root-cause.js';
import { toMs } from './milliseconds.js';
import { selfTimes } from './self-time.js';
import { serviceBreakdown } from './service-breakdown.js';
import { serviceEntrySpans } from './service-calls.js';
import { spanLabel, type TraceTree } from './trace-tree.js';

// GET /traces/:traceId/analyze: where the time went.
export interface TraceAnalysis {
  traceId: string;
  totalDuration: number;
  serviceCalls: number;
  bottlenecks: Bottleneck[];
  // Self time per service; adds up to totalDuration.
  serviceBreakdown: Record<string, number>;
  // The spans on the critical path in the order it reaches them, as `service:operation`.
  criticalPath: string[];
  criticalPathSpans: { spanId: string; span: string; onPath: number }[];
  errorRootCause: ErrorRootCause | null;
}

export function analyzeTrace(tree: TraceTree): TraceAnalysis {
  const self = selfTimes(tree);
  const onPath = criticalPathSpans(criticalPath(tree));
  return {
    traceId: tree.traceId,
    totalDuration: toMs(tree.durationUs),
    serviceCalls: serviceEntrySpans(tree).length,
    bottlenecks: bottlenecks(tree, self, new Set(onPath.map(({ span }) => span.spanId))),
    serviceBreakdown: serviceBreakdown(tree, self),
    criticalPath: onPath.map(({ span }) => spanLabel(span)),
    criticalPathSpans: onPath.map(({ span, onPathUs }) => ({ spanId: span.spanId, span: spanLabel(span), onPath: toMs(onPathUs) })),
    errorRootCause: errorRootCause(tree) ?? null,
  };
}
