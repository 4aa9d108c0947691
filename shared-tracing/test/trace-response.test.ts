import { context, propagation, ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { StackContextManager } from '@opentelemetry/sdk-trace';
import type { Request, Response } from 'express';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { w3cPropagator } from '../src/propagator.js';
import { traceResponseHeader } from '../src/trace-response.js';

beforeAll(() => {
  context.setGlobalContextManager(new StackContextManager().enable());
  propagation.setGlobalPropagator(w3cPropagator());
});

afterAll(() => {
  context.disable();
  propagation.disable();
});

// The headers the middleware sets, and whether it passed the request on.
function respond(activeContext = ROOT_CONTEXT): { headers: Record<string, unknown>; next: unknown } {
  const headers: Record<string, unknown> = {};
  const res = { setHeader: (name: string, value: unknown) => (headers[name] = value) } as unknown as Response;
  const next = vi.fn();
  context.with(activeContext, () => traceResponseHeader({} as Request, res, next));
  return { headers, next: next.mock.calls.length };
}

describe('traceResponseHeader', () => {
  it('sends the trace id of the active span in a traceparent-format traceresponse header', () => {
    const span = trace.wrapSpanContext({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', traceFlags: TraceFlags.SAMPLED });
    expect(respond(trace.setSpan(ROOT_CONTEXT, span))).toEqual({
      headers: { traceresponse: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' },
      next: 1,
    });
  });

  it('marks an unsampled trace as such', () => {
    const span = trace.wrapSpanContext({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', traceFlags: TraceFlags.NONE });
    expect(respond(trace.setSpan(ROOT_CONTEXT, span)).headers).toEqual({ traceresponse: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00' });
  });

  it('sends no header outside a span, and still passes the request on', () => {
    expect(respond()).toEqual({ headers: {}, next: 1 });
  });
});
