import { describe, expect, it } from 'vitest';
import { crossServiceEdges, rootsOf, servicesIn } from '@tracing-lab/checker/trace-shape';
import type { Span } from '@tracing-lab/trace-analysis';
import { waitForTrace } from './support/jaeger.js';
import { createOrder, FRONTEND, traceResponseOf } from './support/mesh.js';
import { wholeOrderTrace } from './support/order-trace.js';

// The lab's promise: one request is one connected trace across HTTP, RabbitMQ and SQL.

// The pg instrumentation's query spans; it also records pool checkouts, which carry no SQL.
const statementOf = (span: Span): string | undefined => {
  const statement = span.tags['db.query.text'] ?? span.tags['db.statement'];
  return typeof statement === 'string' ? statement : undefined;
};
const isPostgresQuery = (span: Span): boolean =>
  span.service === 'database' &&
  span.kind === 'client' &&
  (span.tags['db.system.name'] ?? span.tags['db.system']) === 'postgresql' &&
  statementOf(span) !== undefined;

const orderTraceComplete = wholeOrderTrace;

describe('POST /api/orders', () => {
  it('is one trace through all four services, across HTTP and RabbitMQ, down to SQL', async () => {
    const { traceId, spanId } = await createOrder();
    const spans = await waitForTrace(traceId, orderTraceComplete);

    expect(servicesIn(spans)).toEqual(['backend', 'database', 'frontend', 'notifier']);
    expect(crossServiceEdges(spans)).toEqual([
      'backend(client) -> database(server)',
      'database(producer) -> notifier(consumer)',
      'frontend(client) -> backend(server)',
      'notifier(client) -> database(server)',
    ]);

    // One root, the frontend's server span, and it is the span the traceresponse header names.
    const roots = rootsOf(spans);
    expect(roots).toHaveLength(1);
    expect(roots[0]).toMatchObject({ service: 'frontend', kind: 'server', spanId });
    expect(spans.every((s) => s.traceId === traceId)).toBe(true);
  });

  it('shows the SQL and the inventory step inside the database service', async () => {
    const { traceId } = await createOrder();
    const spans = await waitForTrace(traceId, orderTraceComplete);

    const reserve = spans.find((s) => s.operation === 'inventory.reserve');
    expect(reserve?.service).toBe('database');
    expect(reserve?.tags).toMatchObject({ 'db.system.name': 'postgresql', 'app.product.id': 2, 'app.inventory.requested': 1 });
    expect(typeof reserve?.tags['app.inventory.remaining']).toBe('number');

    const update = spans.find((s) => isPostgresQuery(s) && s.parentSpanId === reserve?.spanId);
    expect(statementOf(update as Span)).toMatch(/^UPDATE products/);
    // Parameters stay out of the span: the statement is recorded with its placeholders only.
    expect(statementOf(update as Span)).toContain('$1');
  });
});

describe('GET /api/users', () => {
  it('is one trace frontend -> backend -> database -> PostgreSQL', async () => {
    const response = await fetch(`${FRONTEND}/api/users`);
    expect(response.status).toBe(200);
    const { traceId } = traceResponseOf(response);

    const spans = await waitForTrace(traceId, (all) => all.some(isPostgresQuery) && servicesIn(all).length === 3);
    expect(servicesIn(spans)).toEqual(['backend', 'database', 'frontend']);
    expect(crossServiceEdges(spans)).toEqual(['backend(client) -> database(server)', 'frontend(client) -> backend(server)']);
    expect(rootsOf(spans)).toHaveLength(1);

    expect(spans.filter(isPostgresQuery).map(statementOf)).toContainEqual(expect.stringMatching(/FROM users/i));
  });
});
