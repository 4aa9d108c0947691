import { describe, expect, it } from 'vitest';
import { spansByTrace } from '../src/bench/jaeger-batch.js';

describe("the traces of Jaeger's answer to a batch of trace ids", () => {
  const span = (traceID: string, spanID: string, operationName: string) => ({ traceID, spanID, operationName, processID: 'p1', startTime: 0, duration: 1 });
  const trace = (traceID: string, ...spans: ReturnType<typeof span>[]) => ({ traceID, processes: { p1: { serviceName: 'frontend' } }, spans });

  it('gives the spans by trace id, with the leading zeros Jaeger drops put back', () => {
    const traces = spansByTrace([trace('bf92f3577b34da6a3ce929d0e0e4736', span('bf92f3577b34da6a3ce929d0e0e4736', '00f067aa0ba902b7', 'POST /api/orders'))]);
    expect([...traces.keys()]).toEqual(['0bf92f3577b34da6a3ce929d0e0e4736']);
    expect(traces.get('0bf92f3577b34da6a3ce929d0e0e4736')?.map((s) => [s.service, s.operation])).toEqual([['frontend', 'POST /api/orders']]);
  });

  it('joins the parts of one trace that Jaeger answers separately', () => {
    const id = 'a'.repeat(32);
    const traces = spansByTrace([trace(id, span(id, '1'.repeat(16), 'first')), trace(id, span(id, '2'.repeat(16), 'second'))]);
    expect(traces.get(id)?.map((s) => s.operation)).toEqual(['first', 'second']);
  });

  it('gives nothing when Jaeger has none of them', () => {
    expect(spansByTrace([])).toEqual(new Map());
  });
});
