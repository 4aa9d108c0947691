import { waitFor } from '@tracing-lab/checker/poll';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAlive } from '@tracing-lab/scripts/processes';
import { down, loadStack, pidOf, up } from '@tracing-lab/scripts/stack';
import { servicesIn } from '@tracing-lab/checker/trace-shape';
import { readTrace, waitForTrace } from './support/jaeger.js';
import { FRONTEND, traceResponseOf } from './support/mesh.js';

// SIGTERM must not lose the last spans. The frontend is restarted with a batch delay of ten minutes,
// so its spans can only reach Jaeger through the flush on shutdown.

const stack = loadStack();

beforeAll(async () => {
  await down(stack, ['frontend']);
  await up(stack, ['frontend'], { frontend: { OTEL_BSP_SCHEDULE_DELAY: '600000' } });
});

afterAll(async () => {
  await down(stack, ['frontend']);
  await up(stack, ['frontend']);
});

describe('SIGTERM', () => {
  it('flushes the spans still waiting in the batch, then exits within 10 s', async () => {
    const response = await fetch(`${FRONTEND}/api/users`);
    const { traceId } = traceResponseOf(response);

    // The backend's part arrives on its usual schedule; the frontend's is held in its batch.
    await waitForTrace(traceId, (spans) => spans.some((s) => s.service === 'database'));
    expect(servicesIn((await readTrace(traceId)) ?? [])).not.toContain('frontend');

    const pid = pidOf(stack, 'frontend');
    expect(pid).toBeDefined();
    const stopping = Date.now();
    process.kill(pid as number, 'SIGTERM');
    await waitForExit(pid as number, 10_000);
    expect(Date.now() - stopping).toBeLessThan(10_000);

    const spans = await waitForTrace(traceId, (all) => all.some((s) => s.service === 'frontend'), 5_000);
    const frontendKinds = spans.filter((s) => s.service === 'frontend').map((s) => s.kind);
    expect(frontendKinds).toContain('server');
    expect(frontendKinds).toContain('client');
  });
});

async function waitForExit(pid: number, timeoutMs: number): Promise<void> {
  await waitFor(`frontend (pid ${pid}) to exit`, async () => (isAlive(pid) ? undefined : true), { timeoutMs, intervalMs: 50 });
}
