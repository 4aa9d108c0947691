import { context, propagation, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { StackContextManager, TracerProvider } from '@opentelemetry/sdk-trace';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTraceContext, outsideAnyTrace, resumeTraceContext } from '../src/stored-trace-context.js';

// A trace context stored beside work that continues later (an outbox event), and resumed then.

const tracer = new TracerProvider().getTracer('caller-trace-context-test');
const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

beforeAll(() => {
  context.setGlobalContextManager(new StackContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
});

afterAll(() => {
  context.disable();
  propagation.disable();
});

describe('a stored trace context', () => {
  it('is stored from the active span, and is empty outside any trace', () => {
    const span = resumeTraceContext({ traceparent: TRACEPARENT }, () => tracer.startSpan('insert'));
    const stored = context.with(trace.setSpan(context.active(), span), () => currentTraceContext());
    expect(stored).toEqual({ traceparent: `00-4bf92f3577b34da6a3ce929d0e0e4736-${span.spanContext().spanId}-01` });
    expect(outsideAnyTrace(() => currentTraceContext())).toEqual({});
  });

  it('is resumed: a span started inside continues the stored trace, under the stored span', () => {
    const span = resumeTraceContext({ traceparent: TRACEPARENT }, () => tracer.startSpan('publish'));
    expect(span.spanContext().traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect((span as unknown as { parentSpanContext?: { spanId: string } }).parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
  });
});

describe('work outside any trace', () => {
  it('starts a trace of its own, even while a request\'s span is active', () => {
    const request = tracer.startSpan('request');
    const background = context.with(trace.setSpan(context.active(), request), () => outsideAnyTrace(() => tracer.startSpan('sweep')));
    expect(background.spanContext().traceId).not.toBe(request.spanContext().traceId);
  });
});
