import { spanLabel, type TraceTree, type TreeSpan } from './trace-tree.js';

export interface ErrorRootCause {
  spanId: string;
  span: string;
  message: string | undefined;
  // From the root down to the failing span, as `service:operation`.
  chain: string[];
}

// The deepest span with an error status: errors propagate upwards (a failing query fails its handler,
// which fails the HTTP call), so the deepest one is where the failure began. Among equally deep ones,
// the one that failed first. Undefined when no span failed.
export function errorRootCause(tree: TraceTree): ErrorRootCause | undefined {
  let deepest: TreeSpan | undefined;
  for (const span of tree.spans) {
    if (!span.error) continue;
    if (!deepest || span.depth > deepest.depth || (span.depth === deepest.depth && span.endUs < deepest.endUs)) deepest = span;
  }
  if (!deepest) return undefined;
  const chain: string[] = [];
  for (let span: TreeSpan | undefined = deepest; span; span = span.parentId === undefined ? undefined : tree.byId.get(span.parentId)) {
    chain.unshift(spanLabel(span));
  }
  return { spanId: deepest.spanId, span: spanLabel(deepest), message: deepest.errorMessage, chain };
}
