import { SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { afterAll, describe, expect, it } from 'vitest';
import { BrokerUnavailableError } from '../src/messaging.js';
import { recordSpanError } from '../src/span-error.js';

const exporter = new InMemorySpanExporter();
const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });
const tracer = provider.getTracer('span-error-test');

afterAll(() => provider.shutdown());

// The span as Jaeger would receive it after `error` was recorded on it.
function recorded(error: unknown): ReadableSpan {
  exporter.reset();
  const span = tracer.startSpan('work');
  recordSpanError(span, error);
  span.end();
  const [finished] = exporter.getFinishedSpans();
  if (!finished) throw new Error('no span was exported');
  return finished;
}

describe('recordSpanError', () => {
  it('adds an exception event with the type, message and stack', () => {
    const error = new TypeError("Cannot read properties of undefined (reading 'id')");
    const span = recorded(error);
    expect(span.events.map((event) => event.name)).toEqual(['exception']);
    expect(span.events[0]?.attributes).toMatchObject({
      'exception.type': 'TypeError',
      'exception.message': "Cannot read properties of undefined (reading 'id')",
      'exception.stacktrace': error.stack,
    });
  });

  it('sets ERROR status with the message', () => {
    expect(recorded(new Error('database service unreachable')).status).toEqual({
      code: SpanStatusCode.ERROR,
      message: 'database service unreachable',
    });
  });

  it("tags error.type with the error's class name", () => {
    expect(recorded(new RangeError('out of range')).attributes['error.type']).toBe('RangeError');
  });

  it("tags error.type with the error's code when it has one, so a search finds every such failure", () => {
    expect(recorded(new BrokerUnavailableError()).attributes['error.type']).toBe('BROKER_UNAVAILABLE');
    expect(recorded(Object.assign(new Error('violates foreign key constraint'), { code: '23503' })).attributes['error.type']).toBe('23503');
  });

  it('falls back to the class name for a code that is not a non-empty string', () => {
    expect(recorded(Object.assign(new Error('x'), { code: '' })).attributes['error.type']).toBe('Error');
    expect(recorded(Object.assign(new Error('x'), { code: 42 })).attributes['error.type']).toBe('Error');
  });

  it('records something thrown that is not an Error as an Error with its text', () => {
    const span = recorded('boom');
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: 'boom' });
    expect(span.attributes['error.type']).toBe('Error');
    expect(span.events[0]?.attributes).toMatchObject({ 'exception.type': 'Error', 'exception.message': 'boom' });
  });
});
