import type { JaegerSpan, JaegerTrace } from '@tracing-lab/trace-analysis';
import { describe, expect, it } from 'vitest';
import { waterfall } from '../src/waterfall.js';

// A request as Jaeger's query API returns it: the frontend's server span waits on the backend, whose
// query fails; the notifier consumes the backend's message after the response, linked to the publish.
const T0 = 1_700_000_000_000_000;
const TRACE = '0af7651916cd43dd8448eb211c80319c';

function span(spanID: string, processID: string, operationName: string, startMs: number, durationMs: number, extra: Partial<JaegerSpan> = {}): JaegerSpan {
  return { traceID: TRACE, spanID, operationName, processID, startTime: T0 + startMs * 1000, duration: durationMs * 1000, references: [], tags: [], ...extra };
}

const childOf = (spanID: string) => [{ refType: 'CHILD_OF', traceID: TRACE, spanID }];

const trace: JaegerTrace = {
  traceID: TRACE,
  processes: {
    p1: { serviceName: 'frontend', tags: [{ key: 'service.version', value: '0.1.0' }] },
    p2: { serviceName: 'backend' },
    p3: { serviceName: 'notifier' },
  },
  spans: [
    span('a000000000000001', 'p1', 'POST /api/orders', 0, 100, { tags: [{ key: 'span.kind', value: 'server' }] }),
    span('b000000000000002', 'p2', 'SELECT orders', 10, 60, {
      references: childOf('a000000000000001'),
      tags: [
        { key: 'otel.status_code', value: 'ERROR' },
        { key: 'otel.status_description', value: 'deadlock' },
      ],
      logs: [{ timestamp: T0 + 20_000, fields: [{ key: 'event', value: 'exception' }, { key: 'exception.type', value: 'Error' }] }],
    }),
    span('c000000000000003', 'p3', 'order.created process', 90, 50, {
      references: [...childOf('a000000000000001'), { refType: 'FOLLOWS_FROM', traceID: 'ffffffffffffffffffffffffffffffff', spanID: 'd000000000000004' }],
    }),
  ],
};

describe('waterfall', () => {
  const model = waterfall(trace);

  it('lists the spans in tree order with their depth, offset and duration in ms', () => {
    expect(model.spans.map(({ spanId, depth, start, duration }) => ({ spanId, depth, start, duration }))).toEqual([
      { spanId: 'a000000000000001', depth: 0, start: 0, duration: 100 },
      { spanId: 'b000000000000002', depth: 1, start: 10, duration: 60 },
      { spanId: 'c000000000000003', depth: 1, start: 90, duration: 50 },
    ]);
    expect(model).toMatchObject({ traceId: TRACE, startTime: T0 / 1000, duration: 140, services: ['frontend', 'backend', 'notifier'] });
  });

  it("gives each span its self time: a parent's time goes to its open child, and they add up to the trace", () => {
    expect(model.spans.map((span) => span.selfTime)).toEqual([30, 60, 50]);
  });

  it('gives the critical path pieces of each span, clipped to the request: the consumer past the response is off it after 100 ms', () => {
    expect(model.spans.map((span) => span.criticalPath)).toEqual([
      [
        [0, 10],
        [70, 90],
      ],
      [[10, 70]],
      [[90, 100]],
    ]);
  });

  it("keeps a span's error, events, links and resource for its details", () => {
    const [root, query, consumer] = model.spans;
    expect(query).toMatchObject({ failed: true, error: 'deadlock', events: [{ time: 20, name: 'exception', attributes: { 'exception.type': 'Error' } }], links: [] });
    expect(consumer?.links).toEqual([{ type: 'FOLLOWS_FROM', traceId: 'ffffffffffffffffffffffffffffffff', spanId: 'd000000000000004' }]);
    expect(root).toMatchObject({ failed: false, error: null, kind: 'server', parentSpanId: null, resource: { 'service.version': '0.1.0' } });
  });

  it('carries the analysis: the failed query is the root cause and the top bottleneck', () => {
    expect(model.analysis.errorRootCause).toMatchObject({ span: 'backend:SELECT orders', message: 'deadlock' });
    expect(model.analysis.bottlenecks[0]).toMatchObject({ spanId: 'b000000000000002', percentage: 42.86, onCriticalPath: true });
  });

  it('lists a reference to a parent missing from the trace as a link', () => {
    const orphan = waterfall({ ...trace, spans: [span('e000000000000005', 'p2', 'orphan', 0, 5, { references: childOf('9999999999999999') })] });
    expect(orphan.spans[0]).toMatchObject({ parentSpanId: null, links: [{ type: 'CHILD_OF', traceId: TRACE, spanId: '9999999999999999' }] });
  });
});
