import { roundTo, toMs } from './milliseconds.js';
import { selfTimes } from './self-time.js';
import { serviceBreakdown } from './service-breakdown.js';
import { spanLabel, type TraceTree, type TreeSpan } from './trace-tree.js';

// GET /traces/:a/compare/:b: which spans got slower or faster from trace A to trace B, which appeared
// and which vanished.
//
// Spans are matched by their place in the tree, not by id (ids differ between any two traces): the
// chain of `service:operation` from the root down to the span, plus its rank among siblings with the
// same chain in start order. So the second `pg.query:INSERT` under the same handler matches the
// second one in the other trace. A matched span counts as changed when its duration moved by at least
// `minChangeMs` and at least `minChangeRatio` of its duration in A. A slow span makes all its ancestors
// slower too, so changes are listed by how much the span's own self time moved, largest first: the
// span that caused the change comes before the ones that merely waited for it.
export interface CompareOptions {
  minChangeMs: number;
  minChangeRatio: number;
}

export const DEFAULT_COMPARE_OPTIONS: CompareOptions = { minChangeMs: 1, minChangeRatio: 0.2 };

export interface ChangedSpan {
  path: string;
  spanIdA: string;
  spanIdB: string;
  durationA: number;
  durationB: number;
  delta: number;
  ratio: number;
  // Self time in B minus self time in A, ms.
  selfDelta: number;
}

export interface PresentSpan {
  path: string;
  spanId: string;
  duration: number;
}

export interface TraceComparison {
  traceA: string;
  traceB: string;
  durationA: number;
  durationB: number;
  delta: number;
  slower: ChangedSpan[];
  faster: ChangedSpan[];
  appeared: PresentSpan[];
  vanished: PresentSpan[];
  // Per service: self time in B minus self time in A, ms.
  serviceDelta: Record<string, number>;
}

export function compareTraces(a: TraceTree, b: TraceTree, options: CompareOptions = DEFAULT_COMPARE_OPTIONS): TraceComparison {
  const inA = spansByPath(a);
  const inB = spansByPath(b);
  const selfA = selfTimes(a);
  const selfB = selfTimes(b);
  const slower: ChangedSpan[] = [];
  const faster: ChangedSpan[] = [];
  const vanished: PresentSpan[] = [];
  for (const [path, spanA] of inA) {
    const spanB = inB.get(path);
    if (!spanB) {
      vanished.push({ path, spanId: spanA.spanId, duration: toMs(spanA.durationUs) });
      continue;
    }
    const deltaUs = spanB.durationUs - spanA.durationUs;
    const big = Math.abs(deltaUs) >= options.minChangeMs * 1000 && Math.abs(deltaUs) >= options.minChangeRatio * spanA.durationUs;
    if (!big) continue;
    const change = {
      path,
      spanIdA: spanA.spanId,
      spanIdB: spanB.spanId,
      durationA: toMs(spanA.durationUs),
      durationB: toMs(spanB.durationUs),
      delta: toMs(deltaUs),
      ratio: spanA.durationUs > 0 ? roundTo(spanB.durationUs / spanA.durationUs, 2) : Number.POSITIVE_INFINITY,
      selfDelta: toMs((selfB.bySpanId.get(spanB.spanId) ?? 0) - (selfA.bySpanId.get(spanA.spanId) ?? 0)),
    };
    (deltaUs > 0 ? slower : faster).push(change);
  }
  const appeared = [...inB].filter(([path]) => !inA.has(path)).map(([path, span]) => ({ path, spanId: span.spanId, duration: toMs(span.durationUs) }));
  slower.sort((x, y) => y.selfDelta - x.selfDelta);
  faster.sort((x, y) => x.selfDelta - y.selfDelta);
  return {
    traceA: a.traceId,
    traceB: b.traceId,
    durationA: toMs(a.durationUs),
    durationB: toMs(b.durationUs),
    delta: toMs(b.durationUs - a.durationUs),
    slower,
    faster,
    appeared,
    vanished,
    serviceDelta: breakdownDelta(serviceBreakdown(a, selfA), serviceBreakdown(b, selfB)),
  };
}

// Paths look like `frontend:POST /api/orders > backend:POST /orders#1`; `#n` is the rank among
// same-named siblings, from 0 (left out for the first).
function spansByPath(tree: TraceTree): Map<string, TreeSpan> {
  const byPath = new Map<string, TreeSpan>();
  const stack: Array<[TreeSpan, string]> = [];
  const pushSiblings = (siblings: readonly TreeSpan[], prefix: string) => {
    const seen = new Map<string, number>();
    for (const span of siblings) {
      const label = spanLabel(span);
      const rank = seen.get(label) ?? 0;
      seen.set(label, rank + 1);
      stack.push([span, `${prefix}${label}${rank === 0 ? '' : `#${rank}`}`]);
    }
  };
  pushSiblings(tree.roots, '');
  while (stack.length > 0) {
    const [span, path] = stack.pop() as [TreeSpan, string];
    byPath.set(path, span);
    pushSiblings(span.children, `${path} > `);
  }
  return byPath;
}

function breakdownDelta(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const services = new Set([...Object.keys(a), ...Object.keys(b)]);
  return Object.fromEntries([...services].sort().map((service) => [service, roundTo((b[service] ?? 0) - (a[service] ?? 0), 3)]));
}
