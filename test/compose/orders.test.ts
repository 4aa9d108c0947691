import { describe, expect, it } from 'vitest';
import { completeTraces, sendOrders, statusCounts, traceIdsOf } from './support/orders.js';

// The mesh under a real engine carries every order's trace whole: across the Compose network by
// service name, through RabbitMQ, into Jaeger.

const ORDERS = 500;

describe('500 orders through the Compose project', () => {
  it('are all taken (201), and all 500 traces arrive complete in Jaeger', async () => {
    const run = await sendOrders(ORDERS, 50);
    const traceIds = traceIdsOf(run);
    expect(statusCounts(run)).toEqual({ 201: ORDERS });
    expect(traceIds).toHaveLength(ORDERS);

    const census = await completeTraces(traceIds, { deadlineMs: 120_000, stallMs: 30_000 });
    expect(census.incomplete.slice(0, 5)).toEqual([]);
    expect(census.complete).toBe(ORDERS);
  });
});
