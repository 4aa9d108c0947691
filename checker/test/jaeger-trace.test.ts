import { describe, expect, it } from 'vitest';
import { tracesFromResponse } from '../src/jaeger-trace.js';
import { loadFixture, spanNamed } from './support/fixtures.js';

describe('tracesFromResponse', () => {
  it('flattens a recorded order trace into spans naming their service, kind and parent', () => {
    const { trace, request } = loadFixture('order-healthy');
    expect(trace.traceId).toBe(request.traceId);
    const root = spanNamed(trace, 'frontend', 'POST /api/orders');
    expect(root).toMatchObject({ kind: 'server', parentSpanId: undefined, spanId: request.spanId });
    const consumer = spanNamed(trace, 'notifier', 'notifier.order-created process');
    expect(consumer.kind).toBe('consumer');
    expect(consumer.parentSpanId).toBe(spanNamed(trace, 'backend', 'publish orders').spanId);
    expect(consumer.references).toEqual([{ type: 'CHILD_OF', traceId: trace.traceId, spanId: consumer.parentSpanId }]);
  });

  it('keeps the tags, the resource and the baggage the mesh copied onto every span', () => {
    const { trace } = loadFixture('order-healthy');
    const reserve = spanNamed(trace, 'database', 'inventory.reserve');
    expect(reserve.tags).toMatchObject({ 'app.product.id': 2, 'app.inventory.requested': 1, 'lab.checker': 'fixture' });
    expect(reserve.resource).toMatchObject({ 'service.namespace': 'tracing-lab', 'deployment.environment.name': 'lab' });
  });

  it('turns span logs into events named by their `event` field', () => {
    const { trace } = loadFixture('order-backend-error');
    const server = spanNamed(trace, 'backend', 'POST /orders');
    expect(server.events[0]).toMatchObject({ name: 'exception', fields: { 'exception.type': 'LabFaultError' } });
  });

  it('reads an answer without data as no traces, and refuses one that is not Jaeger', () => {
    expect(tracesFromResponse({ data: null, errors: [{ code: 404, msg: 'trace not found' }] })).toEqual([]);
    expect(() => tracesFromResponse({ data: 'x' })).toThrow('Jaeger answered without a data list');
  });
});
