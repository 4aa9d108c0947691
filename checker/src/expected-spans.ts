import type { Span, Trace } from '@tracing-lab/trace-analysis';
import type { ExpectedSpan } from './expectations.js';
import { ancestorIds, spansMissingTheirParent } from './trace-shape.js';

// Matches a trace against a table of expected spans (expectations.ts).

export function describeExpected(expected: ExpectedSpan): string {
  const name = typeof expected.name === 'string' ? `"${expected.name}"` : String(expected.name);
  return `${expected.service}(${expected.kind}) ${name}`;
}

// Service, kind and name alone, wherever the span sits in the tree.
export function looksLike(span: Span, expected: ExpectedSpan): boolean {
  if (span.service !== expected.service || span.kind !== expected.kind) return false;
  return typeof expected.name === 'string' ? span.operation === expected.name : expected.name.test(span.operation);
}

// The spans matching each expected span, its place in the tree included: a span only counts when the
// span it must be `under` was found among its ancestors. The table lists parents before children.
export function matchExpected(spans: Span[], table: ExpectedSpan[]): Map<string, Span[]> {
  const matches = new Map<string, Span[]>();
  for (const expected of table) {
    const above = expected.under ? new Set((matches.get(expected.under) ?? []).map((s) => s.spanId)) : undefined;
    const found = spans.filter((span) => {
      if (!looksLike(span, expected)) return false;
      if (!above) return true;
      const ancestors = ancestorIds(span, spans);
      return [...above].some((id) => ancestors.has(id));
    });
    matches.set(expected.id, found);
  }
  return matches;
}

export function missingSpans(spans: Span[], table: ExpectedSpan[]): ExpectedSpan[] {
  const matches = matchExpected(spans, table);
  return table.filter((expected) => !matches.get(expected.id)?.length);
}

export function firstMatch(spans: Span[], table: ExpectedSpan[], id: string): Span | undefined {
  return matchExpected(spans, table).get(id)?.[0];
}

// Complete: every expected span is there, and no span waits for a parent that never came.
export function isComplete(spans: Span[], table: ExpectedSpan[]): boolean {
  return missingSpans(spans, table).length === 0 && spansMissingTheirParent(spans).length === 0;
}

// The trace with the traces that link into it: a consumer that starts a trace of its own and links
// to the producer belongs to the request as much as a child does.
export function withLinkedTraces(trace: Trace, candidates: Trace[]): Trace {
  const ids = new Set(trace.spans.map((s) => s.spanId));
  const linked = candidates.filter(
    (other) =>
      other.traceId !== trace.traceId &&
      other.spans.some((span) => span.references.some((ref) => ref.traceId === trace.traceId && ids.has(ref.spanId))),
  );
  return { traceId: trace.traceId, spans: [...trace.spans, ...linked.flatMap((other) => other.spans)] };
}
