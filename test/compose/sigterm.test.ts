import { setTimeout as sleep } from 'node:timers/promises';
import { waitFor } from '@tracing-lab/checker/poll';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containerOf, dockerCompose, FRONTEND, JAEGER, override } from './support/lab.js';

// `docker compose stop` sends a service container SIGTERM and waits its stop_grace_period before
// SIGKILL. The frontend is recreated holding its spans for ten minutes (hold-spans.yml), so they can
// reach Jaeger only through the flush it does on SIGTERM: none may be lost.

const HOLD_SPANS = override('hold-spans.yml');

beforeAll(async () => {
  await dockerCompose(['up', '--detach', '--wait', '--no-deps', 'frontend'], { overrides: [HOLD_SPANS] });
});

afterAll(async () => {
  // Back to docker-compose.yml's own settings, healthy, for whatever runs next.
  await dockerCompose(['up', '--detach', '--wait', '--no-deps', 'frontend']);
});

describe('a service container stopped with SIGTERM', () => {
  it('flushes the spans still waiting in its batch, and exits 0 within its grace period', async () => {
    const response = await fetch(`${FRONTEND}/api/users`);
    expect(response.status).toBe(200);
    const traceId = /^00-([0-9a-f]{32})-/.exec(response.headers.get('traceresponse') ?? '')?.[1];
    if (!traceId) throw new Error(`no traceresponse header: ${response.headers.get('traceresponse')}`);

    // The backend's part arrives on its usual schedule; the frontend's is held in its batch.
    await waitFor(`the backend's spans of trace ${traceId} in Jaeger`, async () => ((await servicesIn(traceId)).includes('backend') ? true : undefined));
    await sleep(1_000);
    expect(await servicesIn(traceId)).not.toContain('frontend');

    const stopping = performance.now();
    await dockerCompose(['stop', 'frontend']);
    const stoppedInMs = performance.now() - stopping;
    const { State } = await containerOf('frontend');

    expect({ status: State.Status, exitCode: State.ExitCode }).toEqual({ status: 'exited', exitCode: 0 });
    expect(stoppedInMs).toBeLessThan(10_000);
    const services = await waitFor(`the frontend's spans of trace ${traceId} in Jaeger`, async () => {
      const found = await servicesIn(traceId);
      return found.includes('frontend') ? found : undefined;
    }, { timeoutMs: 5_000 });
    expect(services).toEqual(['backend', 'database', 'frontend']);
  });
});

async function servicesIn(traceId: string): Promise<string[]> {
  const response = await fetch(`${JAEGER}/api/traces/${traceId}`);
  if (response.status === 404) return [];
  const body = (await response.json()) as { data?: { processes: Record<string, { serviceName: string }> }[] };
  return [...new Set(Object.values(body.data?.[0]?.processes ?? {}).map((p) => p.serviceName))].sort();
}
