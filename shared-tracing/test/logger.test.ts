import { context, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor, StackContextManager, TracerProvider } from '@opentelemetry/sdk-trace';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../src/logger.js';

// pino as the services get it: patched by the mesh's pino instrumentation (loaded through `require`,
// as the preloaded SDK sees it), and writing into `output` instead of stdout.
const output = vi.hoisted(() => ({ lines: [] as string[] }));

vi.mock('pino', async () => {
  const { createRequire } = await import('node:module');
  const { meshInstrumentations } = await import('../src/instrumentations.js');
  for (const instrumentation of meshInstrumentations()) {
    if (instrumentation.instrumentationName !== '@opentelemetry/instrumentation-pino') instrumentation.disable();
  }
  const pino = createRequire(__filename)('pino') as (options: object, stream: object) => unknown;
  const intoOutput = (options: object) => pino(options, { write: (line: string) => output.lines.push(line) });
  return { default: Object.assign(intoOutput, pino) };
});

const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter: new InMemorySpanExporter() })] });

beforeAll(() => {
  context.setGlobalContextManager(new StackContextManager().enable());
});

afterAll(async () => {
  context.disable();
  await provider.shutdown();
});

beforeEach(() => {
  output.lines.length = 0;
});

function written(): Array<Record<string, unknown>> {
  return output.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('createLogger', () => {
  it('writes one JSON line per event, with the level, the service name and the fields', () => {
    createLogger({ OTEL_SERVICE_NAME: 'backend' }).info({ orderId: 7 }, 'order created');
    expect(written()).toEqual([expect.objectContaining({ level: 30, service: 'backend', orderId: 7, msg: 'order created' })]);
  });

  it('names the service as the SDK does when OTEL_SERVICE_NAME is missing', () => {
    createLogger({}).info('hello');
    expect(written()[0]?.service).toBe('unknown_service:node');
  });

  it('carries the trace and span ids of the active span, so a log line leads to its trace', () => {
    const logger = createLogger({ OTEL_SERVICE_NAME: 'backend' });
    const span = provider.getTracer('logger-test').startSpan('GET /orders');
    context.with(trace.setSpan(ROOT_CONTEXT, span), () => logger.info('inside a span'));
    span.end();
    const { traceId, spanId } = span.spanContext();
    expect(written()[0]).toMatchObject({ msg: 'inside a span', trace_id: traceId, span_id: spanId, trace_flags: '01' });
  });

  it('writes no trace ids outside a span', () => {
    createLogger({}).info('outside');
    expect(Object.keys(written()[0] ?? {})).not.toContain('trace_id');
  });

  it('keeps request headers, and the credentials in them, out of the log', () => {
    const logger = createLogger({});
    const headers = { authorization: 'Bearer s3cret-token', cookie: 'session=s3cret-cookie' };
    logger.info({ req: { method: 'GET', url: '/orders', headers } }, 'incoming');
    logger.warn({ headers, status: 401 }, 'rejected');
    expect(output.lines.join('')).not.toContain('s3cret');
    expect(written()).toEqual([
      expect.objectContaining({ req: { method: 'GET', url: '/orders' }, msg: 'incoming' }),
      expect.objectContaining({ status: 401, msg: 'rejected' }),
    ]);
  });

  it('logs at LOG_LEVEL, info by default', () => {
    const byDefault = createLogger({});
    byDefault.debug('hidden');
    byDefault.info('shown');
    const quiet = createLogger({ LOG_LEVEL: 'warn' });
    quiet.info('hidden');
    quiet.warn('shown too');
    expect(written().map((line) => line.msg)).toEqual(['shown', 'shown too']);
  });
});
