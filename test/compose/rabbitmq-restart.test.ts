import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { containerOf, dockerCompose } from './support/lab.js';
import { completeTraces, sendOrders, statusCounts, traceIdsOf } from './support/orders.js';

// `docker compose restart rabbitmq` in the middle of a stream of orders: the broker stops with SIGTERM
// within its grace period and comes back on its volume; orders keep being taken meanwhile (their
// events wait in the outbox), and every one still reaches the notifier, in its own trace.

const ORDERS = 300;
const RATE = 20;

describe('RabbitMQ restarted under a stream of orders', () => {
  it('loses no order: every order taken reaches the notifier in its own complete trace', async () => {
    const before = await containerOf('rabbitmq');
    const orders = sendOrders(ORDERS, RATE);
    await sleep(3_000);
    await dockerCompose(['restart', 'rabbitmq']);
    const run = await orders;
    const after = await containerOf('rabbitmq');

    expect(after.Id).toBe(before.Id);
    expect(Date.parse(after.State.StartedAt)).toBeGreaterThan(Date.parse(before.State.StartedAt));
    expect(statusCounts(run)).toEqual({ 201: ORDERS });
    const census = await completeTraces(traceIdsOf(run), { deadlineMs: 180_000, stallMs: 60_000 });
    expect(census.incomplete.slice(0, 5)).toEqual([]);
    expect(census.complete).toBe(ORDERS);
  });
});
