import type { Span } from '@tracing-lab/trace-analysis';

// Pure questions about how the spans of a trace hang together.

// `backend(producer) "publish orders"`: how the checker names a span to a learner.
export function describeSpan(span: Span): string {
  return `${span.service}(${span.kind}) "${span.operation}"`;
}

export function edgeOf(parent: Span, child: Span): string {
  return `${parent.service}(${parent.kind}) -> ${child.service}(${child.kind})`;
}

// Every parent/child edge that crosses from one service to another, as `parent(kind) -> child(kind)`.
export function crossServiceEdges(spans: Span[]): string[] {
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  const edges = new Set<string>();
  for (const child of spans) {
    const parent = child.parentSpanId ? byId.get(child.parentSpanId) : undefined;
    if (parent && parent.service !== child.service) edges.add(edgeOf(parent, child));
  }
  return [...edges].sort();
}

// The edges from one service into another, whatever the span kinds: what was found instead of an
// expected edge whose kinds are wrong.
export function edgesBetween(spans: Span[], parentService: string, childService: string): string[] {
  return crossServiceEdges(spans).filter((edge) => edge.startsWith(`${parentService}(`) && edge.includes(`-> ${childService}(`));
}

// `frontend(client) -> backend(server)` into its two services.
export function servicesOfEdge(edge: string): { parent: string; child: string } {
  const match = /^(\S+)\(\w+\) -> (\S+)\(\w+\)$/.exec(edge);
  if (!match) throw new Error(`not an edge: ${edge}`);
  return { parent: match[1] as string, child: match[2] as string };
}

// Spans attached to nothing in the trace, neither by parent nor by link: the one root, and any span
// whose parent never arrived.
export function rootsOf(spans: Span[]): Span[] {
  const ids = new Set(spans.map((s) => s.spanId));
  return spans.filter((s) => !s.references.some((ref) => ids.has(ref.spanId)));
}

// Spans that name a parent the trace does not have: the parent was never exported (or not yet).
export function spansMissingTheirParent(spans: Span[]): Span[] {
  const ids = new Set(spans.map((s) => s.spanId));
  return spans.filter((s) => s.parentSpanId !== undefined && !ids.has(s.parentSpanId));
}

// Jaeger's own "invalid parent span IDs=..." warnings, which its UI shows on such spans.
export function invalidParentWarnings(spans: Span[]): string[] {
  return spans.flatMap((s) => s.warnings.filter((w) => /invalid parent/i.test(w)).map((w) => `${describeSpan(s)}: ${w}`));
}

export function servicesIn(spans: Span[]): string[] {
  return [...new Set(spans.map((s) => s.service))].sort();
}

// The span ids reachable upwards from `span` through parents and links, inside `spans`.
export function ancestorIds(span: Span, spans: Span[]): Set<string> {
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  const seen = new Set<string>();
  const pending = span.references.map((ref) => ref.spanId);
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    byId.get(id)?.references.forEach((ref) => pending.push(ref.spanId));
  }
  return seen;
}
