// What a correctly traced mesh looks like, as data: the services, the spans each request must produce
// and how they hang together. The tasks only compare what Jaeger returns against these tables, so a
// change to the mesh is a change here, not in the task code.

export interface ServiceExpectation {
  // The OTEL_SERVICE_NAME it must report, and the name its spans carry in Jaeger.
  name: string;
  port: number;
  // The dependencies its /health reports, named as the learner knows them.
  dependencies: Record<string, string>;
  // Its requests run through Express routes, so the express instrumentation must produce spans.
  express: boolean;
}

export const SERVICES: ServiceExpectation[] = [
  { name: 'frontend', port: 8080, dependencies: {}, express: true },
  { name: 'backend', port: 8081, dependencies: {}, express: true },
  { name: 'database', port: 8082, dependencies: { postgres: 'PostgreSQL', rabbitmq: 'RabbitMQ' }, express: true },
  { name: 'notifier', port: 8083, dependencies: { rabbitmq: 'RabbitMQ' }, express: false },
];

export const SERVICE_NAMES = SERVICES.map((s) => s.name);

// The checker's own order: the values task 6 expects back in the custom spans' attributes.
export const PROBE_ORDER = { userId: 1, productId: 2, quantity: 1 } as const;

// Every request the checker sends carries this baggage entry with its run id. The mesh copies `lab.*`
// baggage onto every span, so a learner can find the checker's traffic in Jaeger by this tag.
export const RUN_BAGGAGE_KEY = 'lab.checker';

// Task 9's order carries, beside the run id, a baggage entry no span may keep: baggage comes from
// whoever calls a service, and this one is personal data.
export const PRIVATE_BAGGAGE = { key: 'user.email', value: 'checker@example.com' } as const;

// An order every service rejects as the caller's mistake (400): task 7 expects no server span of its
// trace to be marked ERROR, since a 4xx is the client's error, not the server's.
export const REJECTED_ORDER = { ...PROBE_ORDER, quantity: 0 } as const;

// The fault scenario task 7 asks for, and where its error must show.
export const ERROR_SCENARIO = { baggage: 'lab.scenario=backend-error', service: 'backend' } as const;

// The fault scenario task 12 makes slow traces with: the notifier's send takes 2 s, so the order's
// trace lasts longer than the 1 s exercise 10 calls slow, though the order answers at once.
export const SLOW_SCENARIO = { baggage: 'lab.scenario=slow-notifier' } as const;

// A span the trace must contain. `under` names another expected span that must be its ancestor
// (the parent chain may pass through spans not listed, such as Express's request handlers); an
// ancestor may also be reached through a link, which is how a consumer may join its producer.
export interface ExpectedSpan {
  id: string;
  service: string;
  kind: 'server' | 'client' | 'producer' | 'consumer' | 'internal';
  name: string | RegExp;
  under?: string;
}

// POST /api/orders, as drawn in the README.
export const ORDER_TRACE: ExpectedSpan[] = [
  { id: 'frontend.server', service: 'frontend', kind: 'server', name: 'POST /api/orders' },
  { id: 'frontend.client', service: 'frontend', kind: 'client', name: 'POST', under: 'frontend.server' },
  { id: 'backend.server', service: 'backend', kind: 'server', name: 'POST /orders', under: 'frontend.client' },
  { id: 'backend.client', service: 'backend', kind: 'client', name: 'POST', under: 'backend.server' },
  { id: 'database.orders', service: 'database', kind: 'server', name: 'POST /db/orders', under: 'backend.client' },
  { id: 'inventory.reserve', service: 'database', kind: 'internal', name: 'inventory.reserve', under: 'database.orders' },
  { id: 'sql.reserve', service: 'database', kind: 'client', name: /^pg\.query:UPDATE/, under: 'inventory.reserve' },
  { id: 'sql.order', service: 'database', kind: 'client', name: /^pg\.query:INSERT/, under: 'database.orders' },
  { id: 'database.publish', service: 'database', kind: 'producer', name: /^publish orders/, under: 'database.orders' },
  { id: 'notifier.process', service: 'notifier', kind: 'consumer', name: /order-created/, under: 'database.publish' },
  { id: 'notification.send', service: 'notifier', kind: 'client', name: 'notification.send', under: 'notifier.process' },
  { id: 'notifier.client', service: 'notifier', kind: 'client', name: 'POST', under: 'notifier.process' },
  { id: 'database.notifications', service: 'database', kind: 'server', name: 'POST /db/notifications', under: 'notifier.client' },
  { id: 'sql.notification', service: 'database', kind: 'client', name: /^pg\.query:INSERT/, under: 'database.notifications' },
];

// GET /api/users: frontend -> backend -> database -> PostgreSQL.
export const USERS_TRACE: ExpectedSpan[] = [
  { id: 'frontend.server', service: 'frontend', kind: 'server', name: 'GET /api/users' },
  { id: 'frontend.client', service: 'frontend', kind: 'client', name: 'GET', under: 'frontend.server' },
  { id: 'backend.server', service: 'backend', kind: 'server', name: 'GET /users', under: 'frontend.client' },
  { id: 'backend.client', service: 'backend', kind: 'client', name: 'GET', under: 'backend.server' },
  { id: 'database.users', service: 'database', kind: 'server', name: 'GET /db/users', under: 'backend.client' },
  { id: 'sql.users', service: 'database', kind: 'client', name: /^pg\.query:SELECT/, under: 'database.users' },
];

// Task 5's order left to the outbox relay's sweep: the fault scenario outbox-backlog skips the publish
// right after the commit. The span the sweep must make for each batch it publishes: a trace of its
// own, linked to each event's trace (child or link: link).
export const SWEPT_ORDER_BAGGAGE = 'lab.scenario=outbox-backlog';
export const OUTBOX_BATCH = { id: 'outbox.batch', service: 'database', kind: 'internal', name: 'outbox.batch' } as const satisfies ExpectedSpan;

// The cross-service edges of task 4 (HTTP) and task 5 (RabbitMQ, then the notifier's HTTP call),
// as `parent service(kind) -> child service(kind)`.
export const HTTP_EDGES = ['frontend(client) -> backend(server)', 'backend(client) -> database(server)'];
export const MESSAGING_EDGE = { producer: 'database.publish', consumer: 'notifier.process' } as const;
export const NOTIFIER_EDGES = ['notifier(client) -> database(server)'];

// An attribute a custom span must carry: a type, or the value the checker's own order sent.
export type AttributeExpectation = 'number' | 'string' | { fromOrder: 'productId' | 'quantity' | 'orderId' } | { equals: string };

export interface CustomSpan {
  span: string; // an id in ORDER_TRACE
  where: string; // the file a learner would edit
  attributes: Record<string, AttributeExpectation>;
}

export const CUSTOM_SPANS: CustomSpan[] = [
  {
    span: 'inventory.reserve',
    where: 'services/database/src/inventory.ts',
    attributes: {
      'app.product.id': { fromOrder: 'productId' },
      'app.inventory.requested': { fromOrder: 'quantity' },
      'app.inventory.remaining': 'number',
      'db.system.name': { equals: 'postgresql' },
    },
  },
  {
    span: 'notification.send',
    where: 'services/notifier/src/notifications.ts',
    attributes: {
      'app.notification.channel': 'string',
      'app.order.id': { fromOrder: 'orderId' },
    },
  },
];

// The Jaeger tags an error must leave on a span (task 7).
export const ERROR_TAGS = { status: 'otel.status_code', statusValue: 'ERROR', errorType: 'error.type', exceptionEvent: 'exception' } as const;

// The scope name of the Express instrumentation's spans.
export const EXPRESS_SCOPE = '@opentelemetry/instrumentation-express';

// The order's trace as the instrumentation makes it, without the custom spans a learner adds by hand
// (task 6): what task 8 holds every order to, so a missing custom span is blamed on the custom span,
// not on spans lost in export. A span listed under a custom span is kept, under that span's parent.
export const ORDER_SKELETON: ExpectedSpan[] = withoutCustomSpans(ORDER_TRACE);

function withoutCustomSpans(table: ExpectedSpan[]): ExpectedSpan[] {
  const custom = new Map(table.filter((e) => CUSTOM_SPANS.some((c) => c.span === e.id)).map((e) => [e.id, e]));
  const parentOf = (id: string | undefined): string | undefined => (id && custom.has(id) ? parentOf(custom.get(id)?.under) : id);
  return table.filter((e) => !custom.has(e.id)).map((e) => ({ ...e, under: parentOf(e.under) }));
}
