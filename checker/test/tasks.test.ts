import type { Span, Trace } from '@tracing-lab/trace-analysis';
import { describe, expect, it } from 'vitest';
import { parseHealthBody, type HealthResult } from '../src/health-report.js';
import type { TaskContext } from '../src/run-context.js';
import type { LogLine } from '../src/log-lines.js';
import type { Task, TaskOutcome } from '../src/task.js';
import { TASKS } from '../src/tasks/index.js';
import { fakeContext, linesOf, unreachable } from './support/fake-context.js';
import { changed, type Fixture, loadFixture, spanNamed, splitAtLink, without } from './support/fixtures.js';

const task = (id: number): Task => TASKS.find((t) => t.id === id) as Task;
const run = (id: number, context: TaskContext): Promise<TaskOutcome> => task(id).run(context);
const passed = (outcome: TaskOutcome): boolean => outcome.checks.every((c) => c.ok);
const failing = (outcome: TaskOutcome): string[] => outcome.checks.filter((c) => !c.ok).map((c) => c.text);
const texts = (outcome: TaskOutcome): string[] => outcome.hints.map((h) => h.text);
const ids = (outcome: TaskOutcome): string[] => outcome.hints.map((h) => h.id);

const healthy = loadFixture('order-healthy');

function withHealth(change: Record<string, HealthResult>): Map<string, HealthResult> {
  return new Map([...healthy.health, ...Object.entries(change)]);
}

function reporting(service: string, body: Record<string, unknown>): HealthResult {
  const base = { status: 'ok', service, tracing: { enabled: true, exporterEndpoint: 'http://127.0.0.1:4318/v1/traces' }, dependencies: {} };
  return { url: `http://localhost/${service}/health`, reachable: true, httpStatus: 200, body: parseHealthBody({ ...base, ...body }) };
}

it('the eleven tasks are numbered 1 to 11 and their points sum to 100', () => {
  expect(TASKS.map((t) => t.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  expect(TASKS.reduce((sum, t) => sum + t.points, 0)).toBe(100);
});

it('every task passes on the recorded healthy mesh', async () => {
  for (const t of TASKS) {
    const outcome = await t.run(fakeContext());
    expect({ task: t.id, failing: failing(outcome), hints: texts(outcome) }).toEqual({ task: t.id, failing: [], hints: [] });
  }
});

describe('task 1: tracing configured', () => {
  it('names the service whose /health says OTEL_SDK_DISABLED', async () => {
    const health = withHealth({ backend: reporting('backend', { tracing: { enabled: false, exporterEndpoint: 'http://127.0.0.1:4318/v1/traces' } }) });
    const outcome = await run(1, fakeContext({ health }));
    expect(failing(outcome)).toEqual(['backend: /health says tracing OFF as "backend", exporting to http://127.0.0.1:4318/v1/traces']);
    expect(texts(outcome)).toEqual([
      "tracing is switched off in the backend: OTEL_SDK_DISABLED=true is set. Remove it from the backend's environment (docker-compose.yml) and restart it",
    ]);
  });

  it('names the doubled exporter path', async () => {
    const health = withHealth({ database: reporting('database', { tracing: { enabled: true, exporterEndpoint: 'http://jaeger:4318/v1/traces/v1/traces' } }) });
    const outcome = await run(1, fakeContext({ health }));
    expect(texts(outcome)[0]).toMatch(/^the database exports to http:\/\/jaeger:4318\/v1\/traces\/v1\/traces: the path is doubled/);
  });

  it('says the SDK started after express when a service has HTTP spans but no Express spans', async () => {
    const users = loadFixture('users-healthy');
    const noExpress = (f: Fixture): Fixture => ({
      ...f,
      trace: without(f.trace, (s) => s.service === 'database' && s.tags['otel.scope.name'] === '@opentelemetry/instrumentation-express'),
    });
    const outcome = await run(1, fakeContext({ order: noExpress(healthy), users: noExpress(users) }));
    expect(failing(outcome)).toEqual(['database: HTTP server spans, but no Express spans']);
    expect(texts(outcome)[0]).toMatch(/^the database has HTTP spans but no Express spans: the SDK started after express was loaded/);
  });
});

describe('task 1: the resource', () => {
  it("names the service whose spans lost the lab's OTEL_RESOURCE_ATTRIBUTES", async () => {
    const users = loadFixture('users-healthy');
    // What an SDK given a resource of its own, detectors off, sends: service.name and nothing else.
    const ownResource = (f: Fixture): Fixture => ({
      ...f,
      trace: changed(f.trace, (s) => (s.service === 'notifier' ? { ...s, resource: { 'service.name': 'notifier' } } : undefined)),
    });
    const outcome = await run(1, fakeContext({ order: ownResource(healthy), users: ownResource(users) }));
    expect(failing(outcome)).toEqual(["notifier: its spans' resource lacks service.namespace and deployment.environment.name"]);
    expect(ids(outcome)).toEqual(['resourceAttributesMissing']);
  });
});

describe('task 2: services running', () => {
  it('names a stopped service and how to start it', async () => {
    const outcome = await run(2, fakeContext({ health: withHealth({ notifier: unreachable('notifier') }) }));
    expect(failing(outcome)).toEqual(['notifier: http://localhost/notifier/health unreachable (connection refused)']);
    expect(texts(outcome)[0]).toMatch(/^the notifier is not running: .* Start it: npm run stack:up notifier/);
  });

  it('names RabbitMQ when a service reports it down', async () => {
    const health = withHealth({ database: reporting('database', { status: 'degraded', dependencies: { postgres: 'up', rabbitmq: 'down' } }) });
    const outcome = await run(2, fakeContext({ health }));
    expect(failing(outcome)).toContain('RabbitMQ: down (reported by database)');
    expect(texts(outcome)).toContain('RabbitMQ is down (database reports it): start it with npm run stack:up or docker compose up -d; the services reconnect by themselves');
  });
});

describe('task 3: traces arriving', () => {
  it('fails for a service with no spans anywhere, with its likely cause', async () => {
    const order = { ...healthy, trace: without(healthy.trace, (s) => s.service === 'notifier') };
    const outcome = await run(3, fakeContext({ order }));
    expect(failing(outcome)).toEqual(["notifier: no spans from the checker's requests"]);
    expect(texts(outcome)[0]).toMatch(/^no spans from the notifier reach Jaeger, though \/health says tracing is on/);
  });

  it('fails when the frontend answers without a traceresponse header', async () => {
    const order = { ...healthy, request: { ...healthy.request, traceId: undefined } };
    const outcome = await run(3, fakeContext({ order }));
    expect(failing(outcome)[0]).toBe('POST /api/orders answered 201 without a traceresponse header');
  });
});

describe('task 4: linked across HTTP', () => {
  it('finds a parent that never reached Jaeger, and the service likely at fault', async () => {
    const users = loadFixture('users-healthy');
    const trace = without(users.trace, (s) => s.service === 'backend');
    const outcome = await run(4, fakeContext({ users: { ...users, trace } }));
    expect(failing(outcome)).toEqual([
      'users trace: no frontend(client) -> backend(server)',
      'users trace: no backend(client) -> database(server)',
      'users trace: 2 roots (frontend(server) "GET /api/users", database(server) "GET /db/users")',
      'users trace: 1 span(s) whose parent never arrived (database(server) "GET /db/users")',
    ]);
    expect(texts(outcome).at(-1)).toMatch(/^Jaeger warns "invalid parent span": .*, likely the backend \(see tasks 1 and 3\)$/);
  });

  it('says two traces where one was expected when the backend started a trace of its own', async () => {
    const users = loadFixture('users-healthy');
    const backendSpans = new Set(users.trace.spans.filter((s) => s.service !== 'frontend').map((s) => s.spanId));
    const frontendOnly = without(users.trace, (s) => backendSpans.has(s.spanId));
    const server = spanNamed(users.trace, 'backend', 'GET /users');
    const orphan = changed(without(users.trace, (s) => !backendSpans.has(s.spanId)), (s) =>
      s.spanId === server.spanId ? { ...s, parentSpanId: undefined, references: [] } : undefined,
    );
    const outcome = await run(4, fakeContext({ users: { ...users, trace: frontendOnly }, searchable: [{ ...orphan, traceId: 'a'.repeat(32) }] }));
    expect(texts(outcome)[0]).toMatch(/^two traces where one was expected: the backend's spans started trace a{32} of their own, so the trace context did not cross frontend → backend/);
  });

  it('names the kinds when the call is not a client span', async () => {
    const users = loadFixture('users-healthy');
    const client = spanNamed(users.trace, 'frontend', 'GET');
    const trace = changed(users.trace, (s) => (s.spanId === client.spanId ? { ...s, kind: 'internal' } : undefined));
    const outcome = await run(4, fakeContext({ users: { ...users, trace } }));
    expect(texts(outcome)[0]).toMatch(/^found frontend\(internal\) -> backend\(server\) where frontend\(client\) -> backend\(server\) was expected/);
  });
});

describe('task 5: an order left to the outbox relay\'s sweep', () => {
  // Recorded with lab.scenario=outbox-backlog: the order's trace, and under `linked` the sweep's batch trace.
  const swept = loadFixture('order-swept');
  const batchOf = (trace: Trace): Span => spanNamed(trace, 'database', 'outbox.batch');
  const [batchTrace] = swept.linked as [Trace];
  const sweptWith = (trace: Trace, linked: Trace[]): Fixture => ({ ...swept, trace, linked });
  const publishAndBelow = (s: Span): boolean => s.kind === 'producer' || s.service === 'notifier' || s.operation.endsWith('/db/notifications') || s.traceId !== swept.trace.traceId;

  it('passes when the publish stays in the order\'s trace and the batch span, a root, links to it', async () => {
    const outcome = await run(5, fakeContext({ swept }));
    expect(failing(outcome)).toEqual([]);
    expect(outcome.checks.map((c) => c.text).slice(-2)).toEqual([
      `order left to the outbox relay's sweep (lab.scenario=outbox-backlog): its publish continues its trace ${swept.trace.traceId}`,
      `the sweep's database(internal) "outbox.batch" span starts trace ${batchTrace.traceId} of its own and links to the order's trace`,
    ]);
  });

  it('asks for the batch span when the sweep made none', async () => {
    const outcome = await run(5, fakeContext({ swept: sweptWith(swept.trace, []) }));
    expect(failing(outcome)).toEqual(['the sweep\'s database(internal) "outbox.batch" span: none in Jaeger']);
    expect(ids(outcome)).toEqual(['batchSpanMissing']);
  });

  it('says the batch span is in an order\'s trace when it was made a child of one event', async () => {
    const handler = swept.trace.spans.find((s) => s.service === 'database' && s.operation.startsWith('request handler')) as Span;
    const child = { ...batchOf(batchTrace), traceId: swept.trace.traceId, parentSpanId: handler.spanId, references: [{ type: 'CHILD_OF', traceId: swept.trace.traceId, spanId: handler.spanId }] };
    const outcome = await run(5, fakeContext({ swept: sweptWith({ ...swept.trace, spans: [...swept.trace.spans, child] }, []) }));
    expect(failing(outcome)).toEqual([`the sweep's database(internal) "outbox.batch" span is a child in trace ${swept.trace.traceId}, an order's trace`]);
    expect(ids(outcome)).toEqual(['batchSpanInEventTrace']);
  });

  it('asks for the links when the batch span is a root without them', async () => {
    const unlinked = changed(batchTrace, (s) => (s.operation === 'outbox.batch' ? { ...s, references: [] } : undefined));
    const outcome = await run(5, fakeContext({ swept: sweptWith(swept.trace, [unlinked]) }));
    expect(failing(outcome)).toEqual(['the sweep\'s database(internal) "outbox.batch" span has no link to the order\'s trace']);
    expect(ids(outcome)).toEqual(['batchLinkMissing']);
  });

  it('says the publish went under the batch span when the order\'s trace lost it', async () => {
    const batch = batchOf(batchTrace);
    const publish = spanNamed(swept.trace, 'database', 'publish orders');
    const adopted = { ...publish, traceId: batch.traceId, parentSpanId: batch.spanId, references: [{ type: 'CHILD_OF', traceId: batch.traceId, spanId: batch.spanId }] };
    const outcome = await run(5, fakeContext({ swept: sweptWith(without(swept.trace, publishAndBelow), [{ ...batchTrace, spans: [...batchTrace.spans, adopted] }]) }));
    expect(failing(outcome)).toEqual([`order left to the outbox relay's sweep (lab.scenario=outbox-backlog): its publish continues its trace ${swept.trace.traceId}`]);
    expect(ids(outcome)).toEqual(['batchPublishAdopted']);
  });

  it('says the order was never published when its trace has no publish and there is no batch', async () => {
    const outcome = await run(5, fakeContext({ swept: sweptWith(without(swept.trace, publishAndBelow), []) }));
    expect(ids(outcome)).toEqual(['sweptOrderNotPublished']);
  });
});

describe('task 5: linked across RabbitMQ', () => {
  it('says the consumer is a child of the publish span', async () => {
    const outcome = await run(5, fakeContext());
    expect(outcome.checks[0]?.text).toBe('notifier(consumer) "notifier.order-created process" is a child of database(producer) "publish orders"');
    expect(outcome.data).toMatchObject({ join: 'child' });
  });

  it('accepts a consumer linked to the publish span from a trace of its own, and says so', async () => {
    const { order, linked } = splitAtLink(healthy.trace);
    const merged = { ...order, spans: [...order.spans, ...linked.spans] };
    const outcome = await run(5, fakeContext({ order: { ...healthy, trace: merged } }));
    expect(passed(outcome)).toBe(true);
    expect(outcome.checks[0]?.text).toBe(
      `notifier(consumer) "notifier.order-created process" is linked to database(producer) "publish orders" (a span link, from trace ${'f'.repeat(32)})`,
    );
    expect(outcome.data).toMatchObject({ join: 'link' });
  });

  it('names the stopped notifier', async () => {
    const order = { ...healthy, trace: without(healthy.trace, (s) => s.service === 'notifier' || s.operation === 'POST /db/notifications') };
    const outcome = await run(5, fakeContext({ order, health: withHealth({ notifier: unreachable('notifier') }) }));
    expect(failing(outcome)).toEqual(['order trace: no notifier(consumer) span joined to database(producer) "publish orders"']);
    expect(texts(outcome)).toEqual([
      'the notifier is not running: GET http://localhost/notifier/health failed (connection refused), so nothing consumes order.created. Start it: npm run stack:up notifier (natively) or docker compose up -d notifier',
    ]);
  });

  it('says the context did not cross RabbitMQ when the consumer started an unlinked trace', async () => {
    const { order, linked } = splitAtLink(healthy.trace);
    const unlinked = changed(linked, (s) => (s.kind === 'consumer' ? { ...s, references: [] } : undefined));
    const outcome = await run(5, fakeContext({ order: { ...healthy, trace: order }, searchable: [unlinked] }));
    expect(texts(outcome)[0]).toMatch(/^two traces where one was expected: .*did not cross database → notifier\. The traceparent must travel in the AMQP message headers/);
  });
});

describe('task 6: custom spans', () => {
  it('names the missing attribute and the file to set it in', async () => {
    const reserve = spanNamed(healthy.trace, 'database', 'inventory.reserve');
    const trace = changed(healthy.trace, (s) => {
      if (s.spanId !== reserve.spanId) return undefined;
      const { 'app.inventory.remaining': _dropped, ...tags } = s.tags;
      return { ...s, tags };
    });
    const outcome = await run(6, fakeContext({ order: { ...healthy, trace } }));
    expect(failing(outcome)[0]).toMatch(/^database: "inventory.reserve" with .*app.inventory.remaining is missing, expected a number/);
    expect(texts(outcome)).toEqual([
      'the "inventory.reserve" span lacks app.inventory.remaining: set it in services/database/src/inventory.ts with span.setAttribute(key, value)',
    ]);
  });

  it('names a span whose name carries a per-request value instead of the expected fixed name', async () => {
    const trace = changed(healthy.trace, (s) => (s.operation === 'inventory.reserve' ? { ...s, operation: 'inventory.reserve 2' } : undefined));
    const outcome = await run(6, fakeContext({ order: { ...healthy, trace } }));
    expect(failing(outcome)).toEqual(['database: no "inventory.reserve" span in the order\'s trace']);
    expect(ids(outcome)).toEqual(['spanNameUnbounded']);
    expect(texts(outcome)[0]).toMatch(/^the span name "inventory.reserve 2" carries a per-request value \(2\)/);
  });

  it('names a custom span that is not there', async () => {
    const trace = without(healthy.trace, (s) => s.operation === 'notification.send');
    const outcome = await run(6, fakeContext({ order: { ...healthy, trace } }));
    expect(failing(outcome)).toEqual(['notifier: no "notification.send" span in the order\'s trace']);
    expect(texts(outcome)[0]).toMatch(/^no "notification.send" span in the notifier: wrap that step in services\/notifier\/src\/notifications.ts/);
  });
});

describe('task 7: errors visible', () => {
  it('shows the recorded error with its status, exception and error.type', async () => {
    const outcome = await run(7, fakeContext());
    expect(outcome.checks.map((c) => c.text)).toEqual([
      'POST /api/orders with baggage lab.scenario=backend-error answered 502',
      'backend(server) "POST /orders": status ERROR',
      `backend(server) "POST /orders": exception event LabFaultError: "order processing failed (lab fault scenario 'backend-error')"`,
      'backend(server) "POST /orders": error.type=500',
      'POST /api/orders rejected with 400: no server span marked ERROR',
    ]);
  });

  it('names a 4xx answer marked ERROR on a server span', async () => {
    const rejected = loadFixture('order-rejected');
    const trace = changed(rejected.trace, (s) => (s.kind === 'server' && s.service === 'backend' ? { ...s, tags: { ...s.tags, 'otel.status_code': 'ERROR' } } : undefined));
    const outcome = await run(7, fakeContext({ rejected: { ...rejected, trace } }));
    expect(failing(outcome)).toEqual(['POST /api/orders rejected with 400: backend(server) "POST /orders" marked ERROR']);
    expect(ids(outcome)).toEqual(['clientErrorMarked']);
  });

  it('says the fault is not honoured when the order succeeds', async () => {
    const error = loadFixture('order-backend-error');
    const outcome = await run(7, fakeContext({ error: { ...error, request: { ...error.request, status: 201 } } }));
    expect(failing(outcome)).toEqual(['POST /api/orders with baggage lab.scenario=backend-error answered 201, expected a 5xx']);
    expect(texts(outcome)[0]).toMatch(/^the request with baggage lab.scenario=backend-error answered 201: the backend did not fail as asked/);
  });

  it('asks for recordException when the error span has no exception event', async () => {
    const error = loadFixture('order-backend-error');
    const trace = changed(error.trace, (s) => (s.service === 'backend' ? { ...s, events: [] } : undefined));
    const outcome = await run(7, fakeContext({ error: { ...error, trace } }));
    expect(failing(outcome)).toEqual(['backend(server) "POST /orders": no exception event']);
    expect(texts(outcome)).toEqual(['backend(server) "POST /orders" has no exception event: call span.recordException(error) where the error is handled']);
  });
});

describe('task 8: completeness audit', () => {
  it('counts the incomplete traces and names the service that lost spans', async () => {
    const trace = without(healthy.trace, (s) => s.service === 'notifier');
    const health = withHealth({ notifier: reporting('notifier', { tracing: { enabled: true, exporterEndpoint: 'http://127.0.0.1:4318/v1/traces', spans: { dropped: 12 } } }) });
    const outcome = await run(8, fakeContext({ order: { ...healthy, trace }, health }));
    expect(outcome.checks[1]?.text).toMatch(/^0\/3 traces complete after [\d.]+s, deadline 1s/);
    expect(failing(outcome).slice(1)).toEqual(['3× missing notifier(consumer) /order-created/', '3× a span whose parent never arrived']);
    expect(texts(outcome)).toEqual([expect.stringMatching(/^3 trace\(s\) lost spans of the notifier: spans dropped before export/)]);
  });

  it('says the frontend is not tracing when the orders are answered without a traceresponse', async () => {
    const outcome = await run(8, fakeContext({ order: { ...healthy, request: { ...healthy.request, traceId: undefined } } }));
    expect(failing(outcome)[0]).toBe('sent 3 orders: 0 answered 201 with a trace id');
    expect(ids(outcome)).toEqual(['noTraceResponse']);
  });

  it('says the spans were never sampled when the service reports none dropped', async () => {
    const trace = without(healthy.trace, (s) => s.service === 'notifier');
    const outcome = await run(8, fakeContext({ order: { ...healthy, trace } }));
    expect(ids(outcome)).toEqual(['spansNeverSampled']);
  });

  it("says the context did not cross the hop when the service's spans started traces of their own", async () => {
    const consumer = spanNamed(healthy.trace, 'notifier', 'notifier.order-created process');
    const below = (s: { spanId: string; parentSpanId: string | undefined }): boolean => s.spanId === consumer.spanId || s.parentSpanId === consumer.spanId;
    const notifierPart = without(healthy.trace, (s) => s.service !== 'notifier' && !below(s));
    const orphan = changed(notifierPart, (s) => (s.spanId === consumer.spanId ? { ...s, parentSpanId: undefined, references: [] } : undefined));
    const outcome = await run(8, fakeContext({ order: { ...healthy, trace: without(healthy.trace, (s) => s.service === 'notifier') }, searchable: [{ ...orphan, traceId: 'b'.repeat(32) }] }));
    expect(ids(outcome)).toEqual(['propagationBroken']);
  });
});

describe('task 10: sampling honoured', () => {
  it('passes when the unsampled order is answered as not sampled and left no span', async () => {
    const outcome = await run(10, fakeContext());
    expect(failing(outcome)).toEqual([]);
  });

  it('names the service at the top of what an unsampled order left in Jaeger', async () => {
    const trace = without(healthy.trace, (s) => s.service === 'frontend');
    const outcome = await run(10, fakeContext({ unsampledTrace: trace }));
    expect(failing(outcome)).toEqual([expect.stringMatching(/^\d+ spans of the unsampled order in Jaeger, from backend, database, notifier$/)]);
    expect(ids(outcome)).toEqual(['samplerIgnoresParent']);
    expect(texts(outcome)[0]).toMatch(/^the backend recorded spans for a request whose caller had decided not to sample it/);
  });
});

describe('on the recorded trace of a backend whose exporter path is doubled', () => {
  // Recorded with the backend restarted with OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4318/v1/traces:
  // it passes the trace context on, but every export gets a 404, so its spans never reach Jaeger.
  const order = loadFixture('order-backend-not-exporting');
  const usersFixture = loadFixture('users-healthy');
  const users = { ...usersFixture, trace: without(usersFixture.trace, (s) => s.service === 'backend') };
  const context = (): TaskContext => fakeContext({ order, users, health: order.health });

  it('task 1 names the doubled path', async () => {
    const outcome = await run(1, context());
    expect(failing(outcome)).toEqual(['backend: /health says tracing on as "backend", exporting to http://127.0.0.1:4318/v1/traces/v1/traces']);
    expect(texts(outcome)[0]).toMatch(/^the backend exports to http:\/\/127.0.0.1:4318\/v1\/traces\/v1\/traces: the path is doubled/);
  });

  it('task 3 finds no backend spans, and says why', async () => {
    const outcome = await run(3, context());
    expect(failing(outcome)).toEqual(["backend: no spans from the checker's requests"]);
    expect(texts(outcome)[0]).toMatch(/the path is doubled/);
  });

  it('task 4 shows Jaeger\'s "invalid parent span" warning and blames the backend', async () => {
    const outcome = await run(4, context());
    expect(failing(outcome)).toContain(
      'order trace: 1 span(s) whose parent never arrived (database(server) "POST /db/orders")',
    );
    expect(texts(outcome).at(-1)).toMatch(
      /^Jaeger warns "invalid parent span": database\(server\) "POST \/db\/orders": invalid parent span IDs=[0-9a-f]{16}; skipping clock skew adjustment\. A service passed the trace context on without exporting its own span, likely the backend/,
    );
  });

  it('task 8 says the traces lost the backend\'s spans', async () => {
    const outcome = await run(8, context());
    expect(failing(outcome)).toContain('3× missing backend(server) "POST /orders"');
    expect(texts(outcome)[0]).toMatch(/^3 trace\(s\) lost spans of the backend/);
  });
});

describe('on the recorded traces of a backend running with OTEL_SDK_DISABLED=true', () => {
  // Recorded with the backend restarted with OTEL_SDK_DISABLED=true: the order's trace holds the
  // frontend's spans only, and the database and the notifier started traces of their own (`orphans`).
  const order = loadFixture('order-backend-sdk-disabled');
  const usersFixture = loadFixture('users-healthy');
  const users = { ...usersFixture, trace: without(usersFixture.trace, (s) => s.service !== 'frontend') };
  const context = (): TaskContext => fakeContext({ order, users, health: order.health, searchable: order.orphans });

  it('task 1 names the backend, and only the backend', async () => {
    const outcome = await run(1, context());
    expect(failing(outcome)).toEqual(['backend: /health says tracing OFF as "backend", exporting to http://127.0.0.1:4318/v1/traces']);
    expect(texts(outcome)).toEqual([
      "tracing is switched off in the backend: OTEL_SDK_DISABLED=true is set. Remove it from the backend's environment (docker-compose.yml) and restart it",
    ]);
  });

  it('task 3 finds the database and notifier spans in traces of their own, and none of the backend', async () => {
    const outcome = await run(3, context());
    expect(outcome.checks.map((c) => c.text.replace(/[0-9a-f]{32}/, '<id>'))).toEqual([
      "frontend: 6 spans in the checker's traces",
      "backend: no spans from the checker's requests",
      'database: spans arrive, but in trace <id> of their own (see tasks 4 and 5)',
      'notifier: spans arrive, but in trace <id> of their own (see tasks 4 and 5)',
    ]);
    expect(texts(outcome)[0]).toMatch(/^tracing is switched off in the backend/);
  });
});

describe('task 9: baggage allow-listed', () => {
  it('names each service that copied a private baggage entry onto its spans', async () => {
    const privateBaggage = loadFixture('order-private-baggage');
    const trace = changed(privateBaggage.trace, (s) => (s.service === 'notifier' ? { ...s, tags: { ...s.tags, 'user.email': 'email-sha256:0123' } } : undefined));
    const outcome = await run(9, fakeContext({ privateBaggage: { ...privateBaggage, trace } }));
    expect(failing(outcome)).toEqual([expect.stringMatching(/^notifier: \d+ spans carry user.email from baggage$/)]);
    expect(ids(outcome)).toEqual(['baggageLeaked']);
  });

  it('names each service whose spans lack the lab.* entries', async () => {
    const privateBaggage = loadFixture('order-private-baggage');
    const trace = changed(privateBaggage.trace, (s) => (s.service === 'database' ? { ...s, tags: { ...s.tags, 'lab.checker': undefined } } : undefined));
    const outcome = await run(9, fakeContext({ privateBaggage: { ...privateBaggage, trace } }));
    expect(failing(outcome)).toEqual([expect.stringMatching(/^database: 0\/\d+ spans carry lab.checker=fixture$/)]);
    expect(ids(outcome)).toEqual(['baggageNotCopied']);
  });
});

describe('task 11: logs correlated', () => {
  const mapLines = (change: (line: LogLine) => LogLine): Record<string, LogLine[]> =>
    Object.fromEntries(Object.entries(linesOf(healthy)).map(([service, lines]) => [service, lines.map(change)]));

  it('says the lines carry no trace id when the correlation is missing', async () => {
    const outcome = await run(11, fakeContext({ logs: mapLines(({ time, msg }) => ({ time, msg })) }));
    expect(failing(outcome)).toContain("backend: no log line carries the order's trace id (1 lines since it was sent, 0 trace ids among them)");
    expect(new Set(ids(outcome))).toEqual(new Set(['logsWithoutTraceId']));
  });

  it('asks for the span id next to a trace id alone', async () => {
    const outcome = await run(11, fakeContext({ logs: mapLines(({ span_id: _dropped, ...line }) => line) }));
    expect(new Set(ids(outcome))).toEqual(new Set(['logSpanIdMissing']));
  });

  it('tells ids of their own from the trace\'s', async () => {
    const outcome = await run(11, fakeContext({ logs: mapLines((line) => ({ ...line, trace_id: 'f'.repeat(32), span_id: 'e'.repeat(16) })) }));
    expect(texts(outcome)[0]).toMatch(/carry ids that are not its trace's \(trace_id f{32}\)/);
    expect(new Set(ids(outcome))).toEqual(new Set(['logIdsNotTheTrace']));
  });

  it('names the log file and the container it could not read', async () => {
    const outcome = await run(11, fakeContext({ logs: {} }));
    expect(texts(outcome)[0]).toBe(
      'no log of the frontend at /nonexistent/frontend.log, nor from a container of it: the native stack writes each ' +
        "service's output there (npm run stack:up), Compose to the container engine (docker compose logs frontend; the checker " +
        'asks the engine at DOCKER_HOST). Point the checker at another folder with --logs <dir>',
    );
  });
});
