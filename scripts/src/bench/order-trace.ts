import type { BenchSpan } from './jaeger-spans.js';

// What a complete `POST /api/orders` trace is, as data, and the one predicate over it. The same
// shape as the README's trace and the checker's expectations (checker/src/expectations.ts), kept
// here because the checker builds after this package: the spans every order must produce, the four
// cross-service edges, and no span whose parent is missing (which catches a lost span anywhere in
// the middle, whatever its name).

interface ExpectedSpan {
  service: string;
  kind: string;
  name: string | RegExp;
}

export const ORDER_SPANS: readonly ExpectedSpan[] = [
  { service: 'frontend', kind: 'server', name: 'POST /api/orders' },
  { service: 'backend', kind: 'server', name: 'POST /orders' },
  { service: 'database', kind: 'server', name: 'POST /db/orders' },
  { service: 'database', kind: 'internal', name: 'inventory.reserve' },
  { service: 'database', kind: 'client', name: /^pg\.query:UPDATE/ },
  { service: 'database', kind: 'client', name: /^pg\.query:INSERT/ },
  { service: 'database', kind: 'client', name: /^pg\.query:COMMIT/ },
  { service: 'backend', kind: 'producer', name: /^publish orders/ },
  { service: 'notifier', kind: 'consumer', name: /order-created/ },
  { service: 'notifier', kind: 'client', name: 'notification.send' },
  { service: 'database', kind: 'server', name: 'POST /db/notifications' },
];

export const ORDER_EDGES: readonly string[] = [
  'frontend(client) -> backend(server)',
  'backend(client) -> database(server)',
  'backend(producer) -> notifier(consumer)',
  'notifier(client) -> database(server)',
];

// What the trace lacks, one line per gap; empty when the trace is complete.
export function missingFromOrderTrace(spans: readonly BenchSpan[]): string[] {
  if (spans.length === 0) return ['not in Jaeger'];
  const missing = ORDER_SPANS.filter((expected) => !spans.some((span) => matches(span, expected))).map(
    (expected) => `span ${expected.service}(${expected.kind}) ${String(expected.name)}`,
  );
  const edges = new Set(crossServiceEdges(spans));
  missing.push(...ORDER_EDGES.filter((edge) => !edges.has(edge)).map((edge) => `edge ${edge}`));
  const ids = new Set(spans.map((span) => span.spanId));
  const orphans = spans.filter((span) => span.parentSpanId !== undefined && !ids.has(span.parentSpanId));
  if (orphans.length) missing.push(`the parent of ${orphans.length} span(s)`);
  return missing;
}

export function isCompleteOrderTrace(spans: readonly BenchSpan[]): boolean {
  return missingFromOrderTrace(spans).length === 0;
}

function matches(span: BenchSpan, expected: ExpectedSpan): boolean {
  if (span.service !== expected.service || span.kind !== expected.kind) return false;
  return typeof expected.name === 'string' ? span.operation === expected.name : expected.name.test(span.operation);
}

function crossServiceEdges(spans: readonly BenchSpan[]): string[] {
  const byId = new Map(spans.map((span) => [span.spanId, span]));
  return spans.flatMap((child) => {
    const parent = child.parentSpanId ? byId.get(child.parentSpanId) : undefined;
    return parent && parent.service !== child.service ? [`${parent.service}(${parent.kind}) -> ${child.service}(${child.kind})`] : [];
  });
}
