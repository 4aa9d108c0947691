import { waitFor } from '@tracing-lab/checker/poll';
import { afterAll, describe, expect, it } from 'vitest';
import { isAlive } from '@tracing-lab/scripts/processes';
import { down, loadStack, pidOf, up } from '@tracing-lab/scripts/stack';
import { waitForTrace } from './support/jaeger.js';
import { FRONTEND, traceResponseOf } from './support/mesh.js';

// SIGTERM under load: the requests already in flight finish, every one of their spans reaches
// Jaeger, and the process exits within the 10 s Compose grants it (stop_grace_period).

const stack = loadStack();
const IN_FLIGHT = 20;

afterAll(async () => {
  await down(stack, ['frontend']);
  await up(stack, ['frontend']);
});

describe('SIGTERM under load', () => {
  it('lets in-flight requests finish, loses none of their spans, and exits within 10 s', async () => {
    const pid = pidOf(stack, 'frontend') as number;
    expect(pid).toBeDefined();

    // slow-db keeps each request in the mesh for half a second, so all are in flight at the signal.
    const requests = Array.from({ length: IN_FLIGHT }, () =>
      fetch(`${FRONTEND}/api/users`, { headers: { baggage: 'lab.scenario=slow-db' } }),
    );
    await new Promise((resolve) => setTimeout(resolve, 150));
    const signalled = Date.now();
    process.kill(pid, 'SIGTERM');

    const responses = await Promise.all(requests);
    expect(responses.map((response) => response.status)).toEqual(Array(IN_FLIGHT).fill(200));
    await waitFor('the frontend to exit', async () => (isAlive(pid) ? undefined : true), { timeoutMs: 10_000, intervalMs: 50 });
    expect(Date.now() - signalled).toBeLessThan(10_000);

    // Every request's trace holds the frontend's own spans: they were flushed on the way out.
    for (const response of responses) {
      const { traceId } = traceResponseOf(response);
      await waitForTrace(traceId, (spans) =>
        ['server', 'client'].every((kind) => spans.some((s) => s.service === 'frontend' && s.kind === kind)) &&
        spans.some((s) => s.service === 'database'),
      );
    }
  });
});
