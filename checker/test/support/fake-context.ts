import type { Span, Trace } from '@tracing-lab/trace-analysis';
import { type ExpectedSpan, PRIVATE_BAGGAGE, REJECTED_ORDER, SWEPT_ORDER_BAGGAGE } from '../../src/expectations.js';
import { isComplete } from '../../src/expected-spans.js';
import type { HealthResult } from '../../src/health-report.js';
import type { LogLine } from '../../src/log-lines.js';
import { DEFAULTS, type CheckerOptions } from '../../src/options.js';
import type { FollowedRequest, TaskContext } from '../../src/run-context.js';
import { rootsOf } from '../../src/trace-shape.js';
import { type Fixture, loadFixture } from './fixtures.js';

// A run of the checker over recorded fixtures instead of the live mesh: the tasks get exactly the
// traces, health answers and search results a test sets up.

export interface FakeMesh {
  order?: Fixture;
  users?: Fixture;
  error?: Fixture;
  rejected?: Fixture;
  privateBaggage?: Fixture;
  // Task 5's order left to the outbox relay's sweep; its `linked` traces are the sweep's batch.
  swept?: Fixture;
  // What Jaeger holds of the order sent with an unsampled traceparent (task 10): nothing by default.
  unsampledTrace?: Trace;
  health?: Map<string, HealthResult>;
  // Every trace a Jaeger search could find: orphans and linked traces.
  searchable?: Trace[];
  services?: string[];
  orderId?: number;
  // Each service's log lines (task 11); by default, one line per server or consumer span of the order.
  logs?: Record<string, LogLine[]>;
}

export const OPTIONS: CheckerOptions = {
  jaegerUrl: DEFAULTS.jaegerUrl,
  frontendUrl: DEFAULTS.frontendUrl,
  task: undefined,
  exercise: undefined,
  json: false,
  junit: undefined,
  watch: false,
  timeoutMs: 1000,
  audit: 3,
  logsDir: '/nonexistent',
  help: false,
};

export function fakeContext(mesh: FakeMesh = {}): TaskContext {
  const order = mesh.order ?? loadFixture('order-healthy');
  const users = mesh.users ?? loadFixture('users-healthy');
  const error = mesh.error ?? loadFixture('order-backend-error');
  const rejected = mesh.rejected ?? loadFixture('order-rejected');
  const privateBaggage = mesh.privateBaggage ?? loadFixture('order-private-baggage');
  const swept = mesh.swept ?? loadFixture('order-swept');
  const health = mesh.health ?? order.health;
  const searchable = mesh.searchable ?? [];
  const sent = [order, users, error, rejected, privateBaggage, swept];
  const traces = new Map(sent.map((f) => [f.request.traceId as string, f.trace]));
  const followed = (fixture: Fixture, table: ExpectedSpan[], done = (spans: Span[]) => isComplete(spans, table)): FollowedRequest => ({
    request: fixture.request,
    trace: fixture.request.traceId ? fixture.trace : undefined,
    complete: done(fixture.trace.spans),
    waitMessage: undefined,
  });
  return {
    options: OPTIONS,
    // The run id the fixtures were recorded with (record-fixture.ts).
    runId: 'fixture',
    health: async () => health,
    jaegerServices: async () => mesh.services ?? ['backend', 'database', 'frontend', 'jaeger', 'notifier'],
    probe: async () => ({
      order: followed(order, []),
      users: followed(users, []),
      orderId: mesh.orderId ?? (orderIdIn(order.trace) as number),
    }),
    follow: async (request, table, done) => followed(sent.find((f) => f.request.traceId === request.traceId) ?? order, table, done),
    linkedTraces: async () => searchable,
    orphanTraces: async (service) => searchable.filter((t) => rootsOf(t.spans).some((root) => root.service === service)),
    sendOrder: async (extraBaggage, body, traceparent) => {
      if (traceparent) {
        const traceId = traceparent.split('-')[1] as string;
        if (mesh.unsampledTrace) traces.set(traceId, { ...mesh.unsampledTrace, spans: mesh.unsampledTrace.spans.map((s) => ({ ...s, traceId })) });
        return { ...order.request, traceId, sampled: false };
      }
      if (body?.quantity === REJECTED_ORDER.quantity) return rejected.request;
      if (extraBaggage?.includes('backend-error')) return error.request;
      if (extraBaggage === SWEPT_ORDER_BAGGAGE) return swept.request;
      return extraBaggage?.includes(PRIVATE_BAGGAGE.key) ? privateBaggage.request : order.request;
    },
    sendUsers: async () => users.request,
    readTrace: async (traceId) => traces.get(traceId),
    searchTraces: async ({ service }) => [...searchable, ...swept.linked].filter((t) => t.spans.some((s) => s.service === service)),
    logLines: async (service) => (mesh.logs ?? linesOf(order))[service],
  };
}

// The lines the mesh writes for an order: one per request or message handled, in its span's context.
export function linesOf(order: Fixture): Record<string, LogLine[]> {
  const lines: Record<string, LogLine[]> = {};
  for (const span of order.trace.spans.filter((s) => s.kind === 'server' || s.kind === 'consumer')) {
    (lines[span.service] ??= []).push({ time: order.request.sentAtMs + 1, msg: 'request finished', trace_id: span.traceId, span_id: span.spanId });
  }
  return lines;
}

// The order id the notifier's custom span carries, which is what the mesh answered the order with.
function orderIdIn(trace: Trace): unknown {
  return trace.spans.find((s) => s.operation === 'notification.send')?.tags['app.order.id'];
}

export function unreachable(service: string): HealthResult {
  return { url: `http://localhost/${service}/health`, reachable: false, error: 'connection refused' };
}
