import { toMs } from './milliseconds.js';
import type { SelfTimes } from './self-time.js';
import { serviceEntrySpans } from './service-calls.js';
import type { TraceTree, TreeSpan } from './trace-tree.js';

// GET /traces/:traceId/visualize: the span tree, children in start order, with what a waterfall needs
// (offset from the trace's start, duration, self time, status).
export interface VisualNode {
  spanId: string;
  serviceName: string;
  operationName: string;
  startOffset: number;
  duration: number;
  selfTime: number;
  status: 'success' | 'error';
  children: VisualNode[];
}

export interface TraceVisualization {
  traceId: string;
  duration: number;
  serviceCalls: number;
  // The first root; a trace whose parents were lost has more, listed in `otherRoots`.
  tree: VisualNode;
  otherRoots: VisualNode[];
}

export function visualizeTrace(tree: TraceTree, self: SelfTimes): TraceVisualization {
  const [first, ...others] = tree.roots.map((root) => visualNode(root, tree, self));
  return {
    traceId: tree.traceId,
    duration: toMs(tree.durationUs),
    serviceCalls: serviceEntrySpans(tree).length,
    tree: first as VisualNode,
    otherRoots: others,
  };
}

// Built top-down with an explicit stack: a generated trace may be deeper than the call stack.
function visualNode(root: TreeSpan, tree: TraceTree, self: SelfTimes): VisualNode {
  const make = (span: TreeSpan): VisualNode => ({
    spanId: span.spanId,
    serviceName: span.service,
    operationName: span.operation,
    startOffset: toMs(span.startUs - tree.startUs),
    duration: toMs(span.durationUs),
    selfTime: toMs(self.bySpanId.get(span.spanId) ?? 0),
    status: span.error ? 'error' : 'success',
    children: [],
  });
  const top = make(root);
  const stack: Array<[TreeSpan, VisualNode]> = [[root, top]];
  while (stack.length > 0) {
    const [span, node] = stack.pop() as [TreeSpan, VisualNode];
    for (const child of span.children) {
      const childNode = make(child);
      node.children.push(childNode);
      stack.push([child, childNode]);
    }
  }
  return top;
}
