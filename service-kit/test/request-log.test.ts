import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { context, ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { StackContextManager } from '@opentelemetry/sdk-trace';
import express from 'express';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Logger } from '@tracing-lab/shared-tracing';
import { requestLog } from '../src/request-log.js';

// What the middleware logged, and which span was active when it did: the pino instrumentation stamps
// the line with that span's ids.
const logged: Array<{ fields: unknown; message: unknown; spanId: string | undefined }> = [];
const logger = {
  info: (fields: unknown, message: unknown) => logged.push({ fields, message, spanId: trace.getActiveSpan()?.spanContext().spanId }),
} as unknown as Logger;

const requestSpanId = '00f067aa0ba902b7';

const app = express();
// Stands in for the http instrumentation: the rest of the request runs in the request span's context.
app.use((_req, _res, next) => {
  const span = trace.wrapSpanContext({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: requestSpanId, traceFlags: TraceFlags.SAMPLED });
  context.with(trace.setSpan(ROOT_CONTEXT, span), next);
});
app.use(requestLog(logger));
app.get('/health', (_req, res) => {
  res.json({ status: 'ok' });
});
app.get('/orders/:id', (_req, res) => {
  res.status(404).json({ error: 'order 7 not found' });
});
const server: Server = createServer(app);
let base = '';

beforeAll(async () => {
  context.setGlobalContextManager(new StackContextManager().enable());
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  context.disable();
});

beforeEach(() => {
  logged.length = 0;
});

describe('requestLog', () => {
  it('logs one line per finished request with method, path without query, status and duration', async () => {
    await (await fetch(`${base}/orders/7?verbose=1`)).text();
    await expect.poll(() => logged.length).toBe(1);
    expect(logged[0]).toMatchObject({
      fields: { method: 'GET', path: '/orders/7', status: 404, durationMs: expect.any(Number) },
      message: 'request finished',
    });
  });

  it("writes the line in the request's own context, so it carries the request's trace", async () => {
    await (await fetch(`${base}/orders/7`)).text();
    await expect.poll(() => logged.length).toBe(1);
    expect(logged[0]?.spanId).toBe(requestSpanId);
  });

  it('does not log health probes', async () => {
    await (await fetch(`${base}/health`)).text();
    await (await fetch(`${base}/orders/8`)).text();
    await expect.poll(() => logged.length).toBe(1);
    expect(logged[0]?.fields).toMatchObject({ path: '/orders/8' });
  });
});
