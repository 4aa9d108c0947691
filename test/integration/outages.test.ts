import { readFileSync } from 'node:fs';
import { waitFor } from '@tracing-lab/checker/poll';
import { describe, expect, it } from 'vitest';
import { down, loadStack, pidOf, up } from '@tracing-lab/scripts/stack';
import { crossServiceEdges } from '@tracing-lab/checker/trace-shape';
import type { Span } from '@tracing-lab/trace-analysis';
import { waitForTrace } from './support/jaeger.js';
import { createOrder, FRONTEND } from './support/mesh.js';

// A dependency outage degrades the mesh, reports itself in /health, and recovers by itself: the same
// service processes (same pids) pick up again once RabbitMQ, PostgreSQL or Jaeger is back.

const stack = loadStack();
const HEALTH = { frontend: 8080, backend: 8081, database: 8082, notifier: 8083 } as const;

interface Health {
  status: string;
  dependencies: Record<string, string>;
  tracing: { spans?: { exported: number; dropped: number; droppedBy: Record<string, number>; queued: number; queueCapacity: number } };
}

async function health(service: keyof typeof HEALTH): Promise<{ code: number; body: Health }> {
  const response = await fetch(`http://127.0.0.1:${HEALTH[service]}/health`);
  return { code: response.status, body: (await response.json()) as Health };
}

const untilHealth = (service: keyof typeof HEALTH, code: number) =>
  waitFor(`${service} /health to answer ${code}`, async () => ((await health(service)).code === code ? true : undefined), {
    timeoutMs: 60_000,
    intervalMs: 500,
  });

const pidsOf = (names: string[]) => names.map((name) => pidOf(stack, name));

const OUTAGE_MS = 60_000;

// Resident memory of a process, from /proc, in KiB.
function residentKiB(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(line?.replace(/\D+/g, '') ?? 0);
}

describe('dependency outages', () => {
  it('RabbitMQ down: orders are still taken, their events wait in the outbox, and are delivered in their own trace once it is back', async () => {
    const pids = pidsOf(['database', 'notifier']);
    let whileDown: { traceId: string } | undefined;
    await down(stack, ['rabbitmq']);
    try {
      await untilHealth('database', 503);
      await untilHealth('notifier', 503);
      expect((await health('database')).body.dependencies).toEqual({ postgres: 'up', rabbitmq: 'down' });
      expect((await health('backend')).code).toBe(200);
      expect((await fetch(`${FRONTEND}/api/users`)).status).toBe(200);
      // The order and its event are committed together; nothing is lost while the broker is away.
      whileDown = await createOrder();
    } finally {
      await up(stack, ['rabbitmq']);
    }
    await untilHealth('database', 200);
    await untilHealth('notifier', 200);
    expect(pidsOf(['database', 'notifier'])).toEqual(pids);

    // Published after the outage, the event continues the order's original trace to the notifier.
    const notified = (spans: Span[]) => spans.some((s) => s.service === 'notifier' && s.operation === 'notification.send');
    const spans = await waitForTrace(whileDown.traceId, notified, 30_000);
    expect(crossServiceEdges(spans)).toContain('database(producer) -> notifier(consumer)');
    const { traceId } = await createOrder();
    await waitForTrace(traceId, notified);
  });

  it('PostgreSQL down: the database service reports it and answers errors, then recovers without a restart', async () => {
    const pid = pidOf(stack, 'database');
    await down(stack, ['postgres']);
    try {
      await untilHealth('database', 503);
      expect((await health('database')).body.dependencies).toEqual({ postgres: 'down', rabbitmq: 'up' });
      // The database service names the outage; each caller above it reports a failed dependency.
      const direct = await fetch('http://127.0.0.1:8082/db/users');
      expect([direct.status, await direct.json()]).toEqual([503, { error: 'database unavailable' }]);
      const users = await fetch(`${FRONTEND}/api/users`);
      expect([users.status, await users.json()]).toEqual([502, { error: 'backend failed', upstreamStatus: 502 }]);
    } finally {
      await up(stack, ['postgres']);
    }
    await untilHealth('database', 200);
    expect(pidOf(stack, 'database')).toBe(pid);
    expect((await fetch(`${FRONTEND}/api/users`)).status).toBe(200);
  });

  it('Jaeger down for 60 s under load: every request answered, drops counted, memory bounded, tracing back within 10 s', async () => {
    const before = (await health('frontend')).body.tracing.spans?.dropped ?? 0;
    const frontendPid = pidOf(stack, 'frontend') as number;
    await down(stack, ['jaeger']);
    try {
      // 60 s of steady traffic (about 10 requests a second) while nothing can receive spans.
      const started = Date.now();
      const statuses: number[] = [];
      let rssAfter10s = 0;
      while (Date.now() - started < OUTAGE_MS) {
        const batch = await Promise.all(Array.from({ length: 5 }, async () => (await fetch(`${FRONTEND}/api/users`)).status));
        statuses.push(...batch);
        if (!rssAfter10s && Date.now() - started > 10_000) rssAfter10s = residentKiB(frontendPid);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      expect(statuses.length).toBeGreaterThan(400);
      expect(statuses.filter((status) => status !== 200)).toEqual([]);

      const spans = (await health('frontend')).body.tracing.spans;
      expect(spans?.dropped).toBeGreaterThan(before);
      // Unsent spans wait in a queue of fixed capacity; the process does not grow with the outage.
      expect(spans?.queued).toBeLessThanOrEqual(spans?.queueCapacity ?? 0);
      expect(residentKiB(frontendPid) - rssAfter10s).toBeLessThan(64 * 1024);
      // The service stays healthy: losing spans degrades tracing, not the service.
      expect((await health('frontend')).code).toBe(200);
    } finally {
      await up(stack, ['jaeger']);
    }
    const back = Date.now();
    const { traceId } = await createOrder();
    await waitForTrace(traceId, (all) => all.some((s) => s.service === 'notifier'), 10_000);
    expect(Date.now() - back).toBeLessThan(10_000);
  });
});
