import type { Span, Trace } from '@tracing-lab/trace-analysis';
import { MESSAGING_EDGE, ORDER_TRACE, OUTBOX_BATCH, type ExpectedSpan } from './expectations.js';
import { looksLike } from './expected-spans.js';

// Where the outbox relay's sweep put its spans for one order it published late. The shape OpenTelemetry
// gives work done for many traces at once: the batch span roots a trace of its own and links to each
// event's trace, while each event's publish continues that event's trace.

export type SweepShape =
  | { kind: 'linked'; batch: Span }
  // The batch span joined an event's trace as a child: the batch is filed under one of its orders.
  | { kind: 'inEventTrace'; batch: Span }
  // The order's publish hangs under the batch span, so the order's trace lost its message.
  | { kind: 'publishAdopted'; batch: Span }
  // There is a batch span, but it does not lead to this order.
  | { kind: 'unlinked'; batch: Span }
  | { kind: 'missing' };

const PUBLISH = ORDER_TRACE.find((e) => e.id === MESSAGING_EDGE.producer) as ExpectedSpan;
const CONSUMER = ORDER_TRACE.find((e) => e.id === MESSAGING_EDGE.consumer) as ExpectedSpan;

// The order's own trace holds its publish and the notifier's processing of it.
export function publishedInOwnTrace(spans: Span[]): boolean {
  return spans.some((s) => looksLike(s, PUBLISH)) && spans.some((s) => looksLike(s, CONSUMER));
}

// `order`: the swept order's trace; `batchTraces`: the database service's traces holding a batch span,
// started since the order was sent.
export function sweepShape(order: Trace, batchTraces: Trace[]): SweepShape {
  // A search may return the order's own trace (a batch span inside it), read later than `order` was.
  const traces = [...batchTraces, ...(batchTraces.some((t) => t.traceId === order.traceId) ? [] : [order])];
  const spans = traces.flatMap((t) => t.spans);
  const batches = spans.filter((s) => looksLike(s, OUTBOX_BATCH));
  const first = batches[0];
  if (!first) return { kind: 'missing' };
  const inOrder = batches.find((b) => b.traceId === order.traceId);
  if (inOrder) return { kind: 'inEventTrace', batch: inOrder };
  if (!order.spans.some((s) => looksLike(s, PUBLISH))) {
    const adopting = batches.find((b) => spans.some((s) => looksLike(s, PUBLISH) && s.parentSpanId === b.spanId));
    if (adopting) return { kind: 'publishAdopted', batch: adopting };
  }
  const linking = batches.filter((b) => b.references.some((ref) => ref.type !== 'CHILD_OF' && ref.traceId === order.traceId));
  const nested = linking.find((b) => b.parentSpanId !== undefined);
  if (nested) return { kind: 'inEventTrace', batch: nested };
  const linked = linking[0];
  return linked ? { kind: 'linked', batch: linked } : { kind: 'unlinked', batch: first };
}
