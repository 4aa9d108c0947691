import { roundTo, toMs } from './milliseconds.js';
import { percentile } from './percentile.js';
import type { TraceTree } from './trace-tree.js';

// One edge of the service dependency graph: `parent` called `child` (HTTP, or a message it consumed).
export interface DependencyEdge {
  parent: string;
  child: string;
  callCount: number;
  errorCount: number;
  // errorCount / callCount, 0 to 1.
  errorRate: number;
  // 95th percentile of the called span's duration (the callee's server or consumer span), ms.
  p95: number;
}

// Every span whose parent runs in another service is one call along that edge.
export function dependencyGraph(trees: readonly TraceTree[]): DependencyEdge[] {
  const edges = new Map<string, { parent: string; child: string; durations: number[]; errors: number }>();
  for (const tree of trees) {
    for (const span of tree.spans) {
      const parent = span.parentId === undefined ? undefined : tree.byId.get(span.parentId);
      if (!parent || parent.service === span.service) continue;
      const key = `${parent.service}\u0000${span.service}`;
      let edge = edges.get(key);
      if (!edge) edges.set(key, (edge = { parent: parent.service, child: span.service, durations: [], errors: 0 }));
      edge.durations.push(span.durationUs);
      if (span.error) edge.errors++;
    }
  }
  return [...edges.values()]
    .map(({ parent, child, durations, errors }) => ({
      parent,
      child,
      callCount: durations.length,
      errorCount: errors,
      errorRate: roundTo(errors / durations.length, 4),
      p95: toMs(percentile(durations, 95)),
    }))
    .sort((a, b) => a.parent.localeCompare(b.parent) || a.child.localeCompare(b.child));
}
