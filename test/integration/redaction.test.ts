import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStack } from '@tracing-lab/scripts/stack';
import { waitForTrace } from './support/jaeger.js';
import { FRONTEND, traceResponseOf } from './support/mesh.js';

// Secrets and personal data a caller sends must not be stored: not in Jaeger, not in the logs. Each
// of these reaches a span through a real path: the query string is recorded by the http
// instrumentation (url.query, url.full) and lab.* baggage is copied onto every span.

const SECRETS = ['hunter2-query', 'Bearer tok-secret-header', 'session=cookie-secret', 'ada.lovelace@example.com'];
const TRACE_API = 'http://127.0.0.1:3000';

async function postManual(path: string, body: unknown): Promise<{ traceId: string; spanId: string }> {
  const response = await fetch(`${TRACE_API}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  return (await response.json()) as { traceId: string; spanId: string };
}

describe('sensitive data', () => {
  it('never reaches Jaeger or the logs', async () => {
    const response = await fetch(`${FRONTEND}/api/orders?limit=2&password=hunter2-query`, {
      headers: {
        authorization: 'Bearer tok-secret-header',
        cookie: 'session=cookie-secret',
        baggage: `lab.customer=${encodeURIComponent('ada.lovelace@example.com')}`,
      },
    });
    expect(response.status).toBe(200);
    const { traceId } = traceResponseOf(response);
    // Every service exports on its own timer: wait for the frontend's server span as well as the database's.
    const spans = await waitForTrace(traceId, (all) =>
      all.some((s) => s.service === 'database') && all.some((s) => s.service === 'frontend' && s.kind === 'server'),
    );

    // The data did travel: the query reached the backend and the baggage every service, made safe.
    const frontendServer = spans.find((s) => s.service === 'frontend' && s.kind === 'server');
    expect(frontendServer?.tags['url.query']).toBe('limit=2&password=REDACTED');
    expect(spans.every((s) => String(s.tags['lab.customer']).startsWith('email-sha256:'))).toBe(true);

    const stored = JSON.stringify(spans);
    for (const secret of SECRETS) expect(stored).not.toContain(secret);

    const logs = loadStack().paths.logs;
    for (const file of readdirSync(logs)) {
      const text = readFileSync(join(logs, file), 'utf8');
      for (const secret of SECRETS) expect(text, `${file} contains '${secret}'`).not.toContain(secret);
    }
  });

  // The Tracing API makes spans under its clients' service names, with tracer providers of its own:
  // they pass the same redaction as the mesh's spans, on every path a tag can take.
  it('never reaches Jaeger through the manual spans of the Tracing API', async () => {
    const root = await postManual('/traces/start', {
      serviceName: 'redaction-client',
      operationName: 'login',
      tags: { authorization: 'Bearer tok-manual-start', 'user.email': 'grace.hopper@example.com' },
    });
    await postManual('/traces/span', {
      traceId: root.traceId,
      parentSpanId: root.spanId,
      serviceName: 'redaction-client',
      operationName: 'connect',
      duration: 5,
      tags: { 'db.connection_string': 'postgres://lab:pg-secret-pw@db/orders?password=pg-secret-query' },
    });
    await postManual('/traces/span/finish', { spanId: root.spanId, status: 'error', tags: { 'api.key': 'key-manual-finish' } });

    const spans = await waitForTrace(root.traceId, (all) => all.length === 2);
    const login = spans.find((s) => s.operation === 'login');
    expect(login?.tags['authorization']).toBe('REDACTED');
    expect(login?.tags['api.key']).toBe('REDACTED');
    expect(String(login?.tags['user.email'])).toMatch(/^email-sha256:[0-9a-f]{16}$/);
    const stored = JSON.stringify(spans);
    for (const secret of ['tok-manual-start', 'grace.hopper@example.com', 'pg-secret-pw', 'pg-secret-query', 'key-manual-finish']) {
      expect(stored).not.toContain(secret);
    }
  });
});
