import { SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { describe, expect, it } from 'vitest';
import { RedactionSpanProcessor } from '../src/redaction-span-processor.js';

// What the exporter receives: the redaction must already have happened when the span reaches it.
async function exported(record: (span: ReturnType<ReturnType<TracerProvider['getTracer']>['startSpan']>) => void): Promise<ReadableSpan> {
  const exporter = new InMemorySpanExporter();
  const provider = new TracerProvider({ spanProcessors: [new RedactionSpanProcessor(), new SimpleSpanProcessor({ exporter })] });
  const span = provider.getTracer('redaction-test').startSpan('request');
  record(span);
  span.end();
  await provider.forceFlush();
  const [first] = exporter.getFinishedSpans();
  if (!first) throw new Error('no span exported');
  return first;
}

describe('RedactionSpanProcessor', () => {
  it('strips secrets and personal data from attributes, events and status before export', async () => {
    const span = await exported((s) => {
      s.setAttribute('url.query', 'limit=2&password=hunter2');
      s.setAttribute('lab.customer', 'ada@example.com');
      s.setAttribute('http.request.header.authorization', ['Bearer abc']);
      s.addEvent('exception', { 'exception.message': 'no account for ada@example.com' });
      s.setStatus({ code: SpanStatusCode.ERROR, message: 'login failed for ada@example.com' });
    });
    const everything = JSON.stringify({ attributes: span.attributes, events: span.events, status: span.status });
    expect(everything).not.toContain('hunter2');
    expect(everything).not.toContain('ada@example.com');
    expect(everything).not.toContain('Bearer abc');
    expect(span.attributes['url.query']).toBe('limit=2&password=REDACTED');
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
  });

  it('exports an ordinary span unchanged', async () => {
    const span = await exported((s) => s.setAttributes({ 'http.route': '/api/users', 'http.response.status_code': 200 }));
    expect(span.attributes).toEqual({ 'http.route': '/api/users', 'http.response.status_code': 200 });
  });
});
