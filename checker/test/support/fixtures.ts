import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Span, type Trace, tracesFromResponse } from '@tracing-lab/trace-analysis';
import { parseHealthBody, type HealthResult } from '../../src/health-report.js';
import type { SentRequest } from '../../src/mesh-client.js';

// Traces recorded from the real Jaeger by src/record-fixture.ts, and ways to break them as a learner's
// bug would.

export interface Fixture {
  trace: Trace;
  request: SentRequest;
  health: Map<string, HealthResult>;
  orphans: Trace[];
  // Traces that link to this one: the outbox relay's batch for a swept order.
  linked: Trace[];
}

export function loadFixture(name: string): Fixture {
  const raw = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', `${name}.json`), 'utf8')) as {
    request: SentRequest;
    health: Record<string, unknown>;
    orphans?: unknown[];
    linked?: unknown[];
  };
  const trace = tracesFromResponse(raw)[0];
  if (!trace) throw new Error(`fixture ${name} holds no trace`);
  const health = new Map(
    Object.entries(raw.health).map(([service, body]): [string, HealthResult] => [
      service,
      body === null
        ? { url: `http://localhost/${service}/health`, reachable: false, error: 'connection refused' }
        : { url: `http://localhost/${service}/health`, reachable: true, httpStatus: 200, body: parseHealthBody(body) },
    ]),
  );
  return {
    trace,
    request: raw.request,
    health,
    orphans: tracesFromResponse({ data: raw.orphans ?? [] }),
    linked: tracesFromResponse({ data: raw.linked ?? [] }),
  };
}

// The trace without the spans `drop` selects, as if their service never exported them.
export function without(trace: Trace, drop: (span: Span) => boolean): Trace {
  return { ...trace, spans: trace.spans.filter((s) => !drop(s)) };
}

// The trace with each span `change` returns a replacement for.
export function changed(trace: Trace, change: (span: Span) => Span | undefined): Trace {
  return { ...trace, spans: trace.spans.map((s) => change(s) ?? s) };
}

export function spanNamed(trace: Trace, service: string, operation: string): Span {
  const span = trace.spans.find((s) => s.service === service && s.operation === operation);
  if (!span) throw new Error(`no ${service} "${operation}" span in the fixture`);
  return span;
}

// The order trace split at the RabbitMQ hop as a consumer that starts its own trace and links back to
// the producer would make it: the notifier's spans move to a new trace whose root has a FOLLOWS_FROM
// reference to the publish span.
export function splitAtLink(trace: Trace, newTraceId = 'f'.repeat(32)): { order: Trace; linked: Trace } {
  const producer = trace.spans.find((s) => s.kind === 'producer') as Span;
  const consumer = trace.spans.find((s) => s.kind === 'consumer') as Span;
  const moved = new Set<string>([consumer.spanId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const s of trace.spans) {
      if (!moved.has(s.spanId) && s.parentSpanId && moved.has(s.parentSpanId)) {
        moved.add(s.spanId);
        grew = true;
      }
    }
  }
  const linked = trace.spans
    .filter((s) => moved.has(s.spanId))
    .map((s): Span => {
      if (s.spanId !== consumer.spanId) {
        return { ...s, traceId: newTraceId, references: s.references.map((r) => ({ ...r, traceId: newTraceId })) };
      }
      return { ...s, traceId: newTraceId, parentSpanId: undefined, references: [{ type: 'FOLLOWS_FROM', traceId: producer.traceId, spanId: producer.spanId }] };
    });
  return { order: without(trace, (s) => moved.has(s.spanId)), linked: { traceId: newTraceId, spans: linked } };
}
