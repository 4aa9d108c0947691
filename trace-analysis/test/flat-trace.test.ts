import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flattenTrace, type Span, type Trace, tracesFromResponse } from '../src/flat-trace.js';
import { recordedTrace } from './support/fixtures.js';

const order = flattenTrace(recordedTrace('order'));

function spanNamed(trace: Trace, service: string, operation: string): Span {
  const span = trace.spans.find((s) => s.service === service && s.operation === operation);
  if (!span) throw new Error(`no ${service} "${operation}" span in the fixture`);
  return span;
}

describe('flattenTrace', () => {
  it('flattens a recorded order trace into spans naming their service, kind and parent', () => {
    expect(order.traceId).toBe('a6471871dbe2183805ba02f01d940987');
    expect(spanNamed(order, 'frontend', 'POST /api/orders')).toMatchObject({ kind: 'server', parentSpanId: undefined, spanId: 'ff35a09861b65aaa', references: [] });
    const consumer = spanNamed(order, 'notifier', 'notifier.order-created process');
    expect(consumer.kind).toBe('consumer');
    // The outbox relay publishes the order event from the database service.
    expect(consumer.parentSpanId).toBe(spanNamed(order, 'database', 'publish orders').spanId);
    expect(consumer.references).toEqual([{ type: 'CHILD_OF', traceId: order.traceId, spanId: consumer.parentSpanId }]);
  });

  it("keeps the tags, the resource, the timing and Jaeger's warnings", () => {
    const reserve = spanNamed(order, 'database', 'inventory.reserve');
    expect(reserve.tags).toMatchObject({ 'app.product.id': 2, 'app.inventory.requested': 1, 'db.system.name': 'postgresql' });
    expect(reserve.resource).toMatchObject({ 'service.namespace': 'tracing-lab', 'deployment.environment.name': 'lab' });
    expect(reserve.durationMicros).toBeGreaterThan(0);
    expect(spanNamed(order, 'database', 'publish orders').warnings).toEqual(['clock skew adjustment disabled; not applying calculated delta of -8.588858ms']);
    expect(reserve.warnings).toEqual([]);
  });

  it('turns span logs into events named by their `event` field', () => {
    const server = spanNamed(flattenTrace(recordedTrace('backend-error')), 'backend', 'POST /orders');
    expect(server.events).toHaveLength(1);
    expect(server.events[0]).toMatchObject({ name: 'exception', fields: { 'exception.type': 'LabFaultError' } });
    expect(server.events[0]?.fields).not.toHaveProperty('event');
  });
});

describe('tracesFromResponse', () => {
  it('reads a whole recorded answer of the query API', () => {
    const body = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'order.json'), 'utf8')) as unknown;
    expect(tracesFromResponse(body)).toEqual([order]);
  });

  it('reads an answer without data as no traces, and refuses one that is not Jaeger', () => {
    expect(tracesFromResponse({ data: null, errors: [{ code: 404, msg: 'trace not found' }] })).toEqual([]);
    expect(() => tracesFromResponse({ data: 'x' })).toThrow('Jaeger answered without a data list');
  });
});
