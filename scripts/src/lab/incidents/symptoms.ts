import type { TraceTree, TreeSpan } from '@tracing-lab/trace-analysis';

// What each cause looks like in one trace, as a predicate over the trace tree: the evidence an
// incident answer must show, and what the incident proof's solver searches Jaeger for. Each returns
// the span that shows it, or undefined. Thresholds sit well above what the healthy mesh shows under
// the load generator, and well below what the incident makes.

export interface Finding {
  span: TreeSpan;
  // What the span shows, in one line.
  shows: string;
}

export type Symptom = (tree: TraceTree, now?: number) => Finding | undefined;

// A statement's span starts once it has its connection: the pool's wait is a pg-pool.connect span
// beside it, never inside (so a slow statement is slow by itself).
const ms = (span: TreeSpan) => span.durationUs / 1000;
const statement = (span: TreeSpan) => String(span.attributes['db.query.text'] ?? '');
const isSql = (span: TreeSpan, verb: string, table: string) =>
  span.operation.startsWith(`pg.query:${verb}`) && new RegExp(`\\b${table}\\b`).test(statement(span));

function first(tree: TraceTree, test: (span: TreeSpan) => boolean, shows: (span: TreeSpan) => string): Finding | undefined {
  const span = tree.spans.find(test);
  return span && { span, shows: shows(span) };
}

// Time in pg-pool.connect spent waiting for a connection to come free; one that opens a new connection
// (a pg.connect child) is busy connecting, not waiting.
export const waitsForConnection: Symptom = (tree) =>
  first(
    tree,
    (s) => s.operation === 'pg-pool.connect' && ms(s) >= 10 && !s.children.some((c) => c.operation === 'pg.connect'),
    (s) => `${ms(s).toFixed(0)} ms waiting for a database connection`,
  );

export const slowInsert: Symptom = (tree) =>
  first(tree, (s) => isSql(s, 'INSERT', 'orders') && ms(s) >= 150, (s) => `INSERT INTO orders took ${ms(s).toFixed(0)} ms`);

export const scansNotifications: Symptom = (tree) =>
  first(tree, (s) => isSql(s, 'SELECT', 'notifications') && ms(s) >= 40, (s) => `a SELECT on notifications took ${ms(s).toFixed(0)} ms`);

export const slowStockUpdate: Symptom = (tree) =>
  first(tree, (s) => isSql(s, 'UPDATE', 'products') && ms(s) >= 150, (s) => `UPDATE products took ${ms(s).toFixed(0)} ms`);

// The product a slow stock update was for: the business span above the UPDATE names it.
export function productOf(tree: TraceTree, span: TreeSpan): unknown {
  const parent = span.parentId ? tree.byId.get(span.parentId) : undefined;
  return parent?.attributes['app.product.id'];
}

export function slowStockUpdateOf(productId: number): Symptom {
  return (tree) => {
    const found = slowStockUpdate(tree);
    return found && Number(productOf(tree, found.span)) === productId ? found : undefined;
  };
}

export const failedInsert: Symptom = (tree) =>
  first(tree, (s) => isSql(s, 'INSERT', 'orders') && s.error, (s) => `INSERT INTO orders failed: ${s.errorMessage ?? 'error'}`);

// The server span a span belongs to: the request it was made for.
function serverOf(tree: TraceTree, span: TreeSpan): TreeSpan {
  let current = span;
  while (current.kind !== 'server' && current.parentId) current = tree.byId.get(current.parentId) ?? current;
  return current;
}

// Many calls from one span, each for one item of a list: GET /db/orders/1, /2, /3...
export const callPerItem: Symptom = (tree) => {
  for (const parent of tree.spans) {
    const itemCalls = parent.children.filter((c) => c.kind === 'client' && /\/db\/orders\/\d+/.test(String(c.attributes['url.full'] ?? '')));
    const distinct = new Set(itemCalls.map((c) => c.attributes['url.full']));
    const server = serverOf(tree, parent);
    if (distinct.size >= 5) return { span: server, shows: `${itemCalls.length} calls for single orders under one ${server.operation}` };
  }
  return undefined;
};

// The same call made three times or more under one span, some of them failed.
export const repeatedFailingCall: Symptom = (tree) => {
  for (const parent of tree.spans) {
    const byUrl = new Map<string, TreeSpan[]>();
    for (const child of parent.children.filter((c) => c.kind === 'client')) {
      const url = String(child.attributes['url.full'] ?? child.operation);
      byUrl.set(url, [...(byUrl.get(url) ?? []), child]);
    }
    for (const [url, calls] of byUrl) {
      const failed = calls.filter((c) => c.error).length;
      if (calls.length >= 3 && failed > 0) return { span: calls[0] as TreeSpan, shows: `${calls.length} tries of ${url}, ${failed} failed` };
    }
  }
  return undefined;
};

// The frontend stopped waiting for the backend (its call failed with no answer at all) while the
// backend was still working on the request.
export const callerGaveUp: Symptom = (tree) => {
  const call = tree.spans.find((s) => s.service === 'frontend' && s.kind === 'client' && s.error && s.attributes['http.response.status_code'] === undefined);
  if (!call) return undefined;
  const back = tree.spans.find((s) => s.service === 'backend' && s.kind === 'server' && s.endUs > call.endUs);
  const front = serverOf(tree, call);
  return back && { span: front, shows: `the frontend gave up after ${ms(call).toFixed(0)} ms; the backend worked on for ${((back.endUs - call.endUs) / 1000).toFixed(1)} ms more` };
};

// The message waited in the queue: from the end of the publish to the start of its processing.
export const waitedInQueue: Symptom = (tree) => {
  for (const consumer of tree.spans.filter((s) => s.kind === 'consumer')) {
    const producer = consumer.parentId ? tree.byId.get(consumer.parentId) : undefined;
    if (producer?.kind !== 'producer') continue;
    const waitedMs = (consumer.startUs - producer.endUs) / 1000;
    if (waitedMs >= 1_000) return { span: consumer, shows: `the message waited ${(waitedMs / 1000).toFixed(1)} s in the queue` };
  }
  return undefined;
};

// A trace that begins at the database service, its server span with no parent at all: its caller's
// context never arrived. (A span whose parent is only missing is part of a trace not yet whole.)
export const startsAtDatabase: Symptom = (tree) => {
  const root = tree.roots[0];
  if (tree.roots.length !== 1 || root?.service !== 'database' || root.kind !== 'server' || root.parentMissing) return undefined;
  return { span: root, shows: `the trace starts at the database service's ${root.operation}, with no caller` };
};

// A published order event whose processing is missing long after it was published: the consumer
// did not record its part. The wait rules out a message still in the queue.
export function consumerMissing(afterMs = 8_000): Symptom {
  return (tree, now = Date.now()) => {
    const publish = tree.spans.find((s) => s.kind === 'producer');
    if (!publish || now - publish.endUs / 1000 < afterMs) return undefined;
    if (tree.spans.some((s) => s.service === 'notifier')) return undefined;
    return { span: publish, shows: `the order event was published ${((now - publish.endUs / 1000) / 1000).toFixed(0)} s ago and no notifier span is in the trace` };
  };
}
