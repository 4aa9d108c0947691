import { roundTo, toMs } from './milliseconds.js';
import { serviceEntrySpans } from './service-calls.js';
import { traceStatus } from './trace-summary.js';
import type { TraceTree } from './trace-tree.js';

// GET /stats over a set of traces. `serviceStats` counts the calls into each service (its entry spans,
// see service-calls.ts) and averages their durations.
export interface TraceStats {
  totalTraces: number;
  completedTraces: number;
  failedTraces: number;
  avgDuration: number;
  slowestTraces: { traceId: string; duration: number }[];
  serviceStats: Record<string, { count: number; avgDuration: number }>;
}

export const SLOWEST_LISTED = 5;

export function traceStats(trees: readonly TraceTree[]): TraceStats {
  const failed = trees.filter((tree) => traceStatus(tree) === 'failed').length;
  const services = new Map<string, { count: number; totalUs: number }>();
  for (const tree of trees) {
    for (const span of serviceEntrySpans(tree)) {
      const entry = services.get(span.service) ?? { count: 0, totalUs: 0 };
      entry.count++;
      entry.totalUs += span.durationUs;
      services.set(span.service, entry);
    }
  }
  const totalUs = trees.reduce((sum, tree) => sum + tree.durationUs, 0);
  return {
    totalTraces: trees.length,
    completedTraces: trees.length - failed,
    failedTraces: failed,
    avgDuration: trees.length ? roundTo(toMs(totalUs / trees.length), 3) : 0,
    slowestTraces: [...trees]
      .sort((a, b) => b.durationUs - a.durationUs)
      .slice(0, SLOWEST_LISTED)
      .map((tree) => ({ traceId: tree.traceId, duration: toMs(tree.durationUs) })),
    serviceStats: Object.fromEntries(
      [...services].sort(([a], [b]) => a.localeCompare(b)).map(([service, { count, totalUs: serviceUs }]) => [
        service,
        { count, avgDuration: roundTo(toMs(serviceUs / count), 3) },
      ]),
    ),
  };
}
