import type { SelfTimes } from './self-time.js';
import { toMs } from './milliseconds.js';
import type { TraceTree } from './trace-tree.js';

// Time no span accounts for (see self-time.ts) is listed under this name, so the breakdown still adds
// up to the trace's duration; it appears only when there is some.
export const IDLE_ENTRY = '(no span open)';

// Self time summed per service, in ms, largest first.
export function serviceBreakdown(tree: TraceTree, self: SelfTimes): Record<string, number> {
  const byService = new Map<string, number>();
  for (const span of tree.spans) byService.set(span.service, (byService.get(span.service) ?? 0) + (self.bySpanId.get(span.spanId) ?? 0));
  if (self.idleUs > 0) byService.set(IDLE_ENTRY, self.idleUs);
  return Object.fromEntries([...byService].sort((a, b) => b[1] - a[1]).map(([service, micros]) => [service, toMs(micros)]));
}
