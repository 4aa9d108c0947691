import { waitFor } from '@tracing-lab/checker/poll';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { down, loadStack, up } from '@tracing-lab/scripts/stack';
import { rootsOf } from '@tracing-lab/checker/trace-shape';
import { readTrace, searchTraces, waitForTrace } from './support/jaeger.js';
import { BACKEND, FRONTEND, newTraceparent } from './support/mesh.js';

// OTEL_SDK_DISABLED=true must switch tracing off for real: no spans exported, no context forwarded.
// The frontend is restarted with it, as a learner would by editing docker-compose.yml.

const stack = loadStack();
let restartedAt = 0;

beforeAll(async () => {
  await down(stack, ['frontend']);
  restartedAt = Date.now();
  await up(stack, ['frontend'], { frontend: { OTEL_SDK_DISABLED: 'true' } });
});

afterAll(async () => {
  await down(stack, ['frontend']);
  await up(stack, ['frontend']);
});

describe('OTEL_SDK_DISABLED=true', () => {
  it('is reported by /health', async () => {
    const health = (await (await fetch(`${FRONTEND}/health`)).json()) as { tracing: { enabled: boolean } };
    expect(health.tracing.enabled).toBe(false);
  });

  it('exports no spans and forwards no trace context, while the rest of the mesh still traces', async () => {
    const incoming = newTraceparent();
    const response = await fetch(`${FRONTEND}/api/users`, { headers: { traceparent: incoming.header } });
    expect(response.status).toBe(200);
    expect(response.headers.get('traceresponse')).toBeNull();

    // The backend handled that request as the root of a trace of its own: nothing came from upstream.
    const backendRoots = await waitFor('the backend span of the request through the disabled frontend', async () => {
      const traces = await searchTraces('backend', restartedAt, 'GET /users');
      return traces.find((spans) => rootsOf(spans)[0]?.service === 'backend');
    });
    // Not the caller's trace either: a disabled frontend must not pass the incoming traceparent on.
    expect(backendRoots.map((span) => span.traceId)).not.toContain(incoming.traceId);

    // A control trace sent after it has arrived, so anything the frontend exported would have too.
    const control = newTraceparent();
    await fetch(`${BACKEND}/users`, { headers: { traceparent: control.header } });
    await waitForTrace(control.traceId, (spans) => spans.some((s) => s.service === 'database'));

    expect(await readTrace(incoming.traceId)).toBeUndefined();
    expect(await searchTraces('frontend', restartedAt)).toEqual([]);
  });
});
