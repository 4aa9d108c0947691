import { describe, expect, it } from 'vitest';
import { type BenchSpan, spansByTrace } from '../src/bench/jaeger-spans.js';
import { isCompleteOrderTrace, missingFromOrderTrace } from '../src/bench/order-trace.js';

// A POST /api/orders trace as the native stack recorded it (ids shortened): service, kind, name,
// span id, parent id.
const RECORDED: [string, string, string, string, string | undefined][] = [
  ['frontend', 'server', 'POST /api/orders', 'f1', undefined],
  ['frontend', 'internal', 'request handler', 'f2', 'f1'],
  ['frontend', 'client', 'POST', 'f3', 'f2'],
  ['backend', 'server', 'POST /orders', 'b1', 'f3'],
  ['backend', 'internal', 'request handler', 'b2', 'b1'],
  ['backend', 'client', 'POST', 'b3', 'b2'],
  ['database', 'server', 'POST /db/orders', 'd1', 'b3'],
  ['database', 'internal', 'request handler', 'd2', 'd1'],
  ['database', 'client', 'pg-pool.connect', 'd3', 'd2'],
  ['database', 'client', 'pg.query:BEGIN lab', 'd4', 'd2'],
  ['database', 'internal', 'inventory.reserve', 'd5', 'd2'],
  ['database', 'client', 'pg.query:UPDATE lab', 'd6', 'd5'],
  ['database', 'client', 'pg.query:INSERT lab', 'd7', 'd2'],
  ['database', 'client', 'pg.query:COMMIT lab', 'd8', 'd2'],
  ['backend', 'producer', 'publish orders', 'b4', 'b3'],
  ['notifier', 'consumer', 'notifier.order-created process', 'n1', 'b4'],
  ['notifier', 'client', 'notification.send', 'n2', 'n1'],
  ['notifier', 'client', 'POST', 'n3', 'n1'],
  ['database', 'server', 'POST /db/notifications', 'd9', 'n3'],
  ['database', 'internal', 'request handler', 'd10', 'd9'],
  ['database', 'client', 'pg.query:INSERT lab', 'd11', 'd10'],
];

const order: BenchSpan[] = RECORDED.map(([service, kind, operation, spanId, parentSpanId]) => ({ service, kind, operation, spanId, parentSpanId }));
const without = (spanId: string) => order.filter((span) => span.spanId !== spanId);

describe('a complete order trace', () => {
  it('is the recorded trace with every span', () => {
    expect(missingFromOrderTrace(order)).toEqual([]);
    expect(isCompleteOrderTrace(order)).toBe(true);
  });

  it('is not a trace Jaeger does not have', () => {
    expect(missingFromOrderTrace([])).toEqual(['not in Jaeger']);
  });

  it('lacks notification.send when the notifier lost that span', () => {
    expect(missingFromOrderTrace(without('n2'))).toEqual(['span notifier(client) notification.send']);
  });

  it('lacks the RabbitMQ hop when the notifier span never arrived', () => {
    expect(missingFromOrderTrace(without('n1'))).toEqual([
      'span notifier(consumer) /order-created/',
      'edge backend(producer) -> notifier(consumer)',
      'the parent of 2 span(s)',
    ]);
  });

  it('lacks a parent when a span in the middle is lost, whatever its name', () => {
    expect(missingFromOrderTrace(without('d10'))).toEqual(['the parent of 1 span(s)']);
  });

  it('lacks the edge when the database answered the notifier in a trace of its own', () => {
    const detached = order.map((span) => (span.spanId === 'd9' ? { ...span, parentSpanId: undefined } : span));
    expect(missingFromOrderTrace(detached)).toEqual(['edge notifier(client) -> database(server)']);
  });
});

describe("Jaeger's answer", () => {
  it('becomes spans by trace id, with the leading zeros Jaeger drops put back', () => {
    const body = {
      data: [
        {
          traceID: 'bf92f3577b34da6a3ce929d0e0e4736',
          processes: { p1: { serviceName: 'frontend' }, p2: { serviceName: 'backend' } },
          spans: [
            { traceID: 'bf92f3577b34da6a3ce929d0e0e4736', spanID: '00f067aa0ba902b7', operationName: 'POST /api/orders', processID: 'p1', tags: [{ key: 'span.kind', value: 'server' }] },
            {
              traceID: 'bf92f3577b34da6a3ce929d0e0e4736',
              spanID: 'a2fb4a1d1a96d312',
              operationName: 'publish',
              processID: 'p2',
              references: [{ refType: 'FOLLOWS_FROM', spanID: '1111111111111111' }, { refType: 'CHILD_OF', spanID: 'f067aa0ba902b7' }],
              tags: null,
            },
          ],
        },
      ],
      errors: [{ msg: 'trace not found', traceID: 'abcd' }],
    };
    expect(spansByTrace(body)).toEqual(
      new Map([
        [
          '0bf92f3577b34da6a3ce929d0e0e4736',
          [
            { spanId: '00f067aa0ba902b7', parentSpanId: undefined, service: 'frontend', kind: 'server', operation: 'POST /api/orders' },
            { spanId: 'a2fb4a1d1a96d312', parentSpanId: '00f067aa0ba902b7', service: 'backend', kind: 'internal', operation: 'publish' },
          ],
        ],
      ]),
    );
    expect(spansByTrace({ data: null })).toEqual(new Map());
  });
});
