import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadStack } from '../../scripts/src/stack.js';
import { waitForTrace } from './support/jaeger.js';
import { FRONTEND, traceResponseOf } from './support/mesh.js';

// Secrets and personal data a caller sends must not be stored: not in Jaeger, not in the logs. Each
// of these reaches a span through a real path: the query string is recorded by the http
// instrumentation (url.query, url.full) and lab.* baggage is copied onto every span.

const SECRETS = ['hunter2-query', 'Bearer tok-secret-header', 'session=cookie-secret', 'ada.lovelace@example.com'];

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
    expect(frontendServer?.attributes['url.query']).toBe('limit=2&password=REDACTED');
    expect(spans.every((s) => String(s.attributes['lab.customer']).startsWith('email-sha256:'))).toBe(true);

    const stored = JSON.stringify(spans);
    for (const secret of SECRETS) expect(stored).not.toContain(secret);

    const logs = loadStack().paths.logs;
    for (const file of readdirSync(logs)) {
      const text = readFileSync(join(logs, file), 'utf8');
      for (const secret of SECRETS) expect(text, `${file} contains '${secret}'`).not.toContain(secret);
    }
  });
});
