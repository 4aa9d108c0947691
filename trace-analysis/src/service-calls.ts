import type { TraceTree, TreeSpan } from './trace-tree.js';

// The spans where work enters a service: the roots, and every span whose parent runs in another
// service (an HTTP server span, a message consumer span). Their count is a trace's `serviceCalls`.
export function serviceEntrySpans(tree: TraceTree): TreeSpan[] {
  return tree.spans.filter((span) => {
    const parent = span.parentId === undefined ? undefined : tree.byId.get(span.parentId);
    return !parent || parent.service !== span.service;
  });
}
