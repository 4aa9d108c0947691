import { waitFor } from '@tracing-lab/checker/poll';
import amqp from 'amqplib';
import { describe, expect, it } from 'vitest';
import { labAmqpUrl, loadStack } from '@tracing-lab/scripts/stack';
import type { Span } from '@tracing-lab/trace-analysis';
import { waitForTrace } from './support/jaeger.js';
import { wholeOrderTrace } from './support/order-trace.js';
import { createOrder, FRONTEND, traceResponseOf } from './support/mesh.js';

// The lab's "break it" button: each fault scenario, asked for with the baggage entry lab.scenario,
// fires deep in the mesh for that request only and shows up in Jaeger as a learner should find it.

const ORDER = { userId: 1, productId: 2, quantity: 1 };

async function postOrder(scenario: string): Promise<{ status: number; traceId: string }> {
  const response = await fetch(`${FRONTEND}/api/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', baggage: `lab.scenario=${scenario}` },
    body: JSON.stringify(ORDER),
  });
  return { status: response.status, traceId: traceResponseOf(response).traceId };
}

const exceptionOf = (span: Span | undefined) => span?.events.find((event) => event.name === 'exception')?.fields;
const isError = (span: Span | undefined) => span?.tags['otel.status_code'] === 'ERROR';
const statementOf = (span: Span) => String(span.tags['db.query.text'] ?? span.tags['db.statement'] ?? '');
const leaves = (spans: Span[]) => spans.filter((span) => !spans.some((other) => other.parentSpanId === span.spanId));
const notificationStored = (spans: Span[]) => spans.some((s) => s.service === 'database' && s.operation === 'POST /db/notifications');

describe('fault scenarios', () => {
  it('slow-db: a slow SQL statement is the slowest span of the trace, and only for that request', async () => {
    const { status, traceId } = await postOrder('slow-db');
    expect(status).toBe(201);
    const spans = await waitForTrace(traceId, wholeOrderTrace);

    const slowest = leaves(spans).sort((a, b) => b.durationMicros - a.durationMicros)[0] as Span;
    expect(slowest.service).toBe('database');
    expect(statementOf(slowest)).toContain('pg_sleep');
    expect(slowest.durationMicros).toBeGreaterThanOrEqual(500_000);
    expect(spans.some((s) => s.tags['lab.fault'] === 'slow-db')).toBe(true);

    const { traceId: plain } = await createOrder();
    const plainSpans = await waitForTrace(plain, wholeOrderTrace);
    expect(plainSpans.some((s) => statementOf(s).includes('pg_sleep'))).toBe(false);
  });

  it('backend-error: the backend fails with a 500 recorded on its spans, the frontend answers 502', async () => {
    const { status, traceId } = await postOrder('backend-error');
    expect(status).toBe(502);
    const spans = await waitForTrace(traceId, (all) => all.some((s) => s.service === 'backend' && s.kind === 'server'));

    const backendServer = spans.find((s) => s.service === 'backend' && s.kind === 'server');
    expect(isError(backendServer)).toBe(true);
    expect(exceptionOf(backendServer)).toMatchObject({ 'exception.type': 'LabFaultError' });
    expect(spans.find((s) => s.tags['lab.fault'] === 'backend-error')?.service).toBe('backend');
    // It failed before the backend called anything downstream.
    expect(spans.some((s) => s.service === 'database')).toBe(false);
    expect(isError(spans.find((s) => s.service === 'frontend' && s.kind === 'server'))).toBe(true);
  });

  it('slow-notifier: the send takes seconds after the publish, while the order request stays fast', async () => {
    const { status, traceId } = await postOrder('slow-notifier');
    expect(status).toBe(201);
    const spans = await waitForTrace(traceId, wholeOrderTrace, 40_000);

    const send = spans.find((s) => s.operation === 'notification.send');
    expect(send?.tags['lab.fault']).toBe('slow-notifier');
    expect(send?.durationMicros).toBeGreaterThanOrEqual(2_000_000);
    const request = spans.find((s) => s.service === 'frontend' && s.kind === 'server') as Span;
    expect(request.durationMicros).toBeLessThan(send?.durationMicros as number);
  });

  it('notifier-failure: the first delivery fails with an error, the redelivery succeeds in the same trace', async () => {
    const { traceId } = await postOrder('notifier-failure');
    const spans = await waitForTrace(traceId, wholeOrderTrace);

    const producer = spans.find((s) => s.kind === 'producer') as Span;
    const deliveries = spans.filter((s) => s.kind === 'consumer' && s.parentSpanId === producer.spanId);
    expect(deliveries).toHaveLength(2);
    const failed = deliveries.filter(isError);
    expect(failed).toHaveLength(1);
    const failedSend = spans.find((s) => s.operation === 'notification.send' && s.parentSpanId === failed[0]?.spanId);
    expect(exceptionOf(failedSend)).toMatchObject({ 'exception.type': 'LabFaultError' });
  });

  it('poison-message: the notifier rejects the malformed message to the dead-letter queue and says why', async () => {
    const { status, traceId } = await postOrder('poison-message');
    expect(status).toBe(201);
    const spans = await waitForTrace(traceId, (all) => all.some((s) => s.kind === 'consumer'));

    const consumer = spans.find((s) => s.kind === 'consumer');
    expect(isError(consumer)).toBe(true);
    expect(exceptionOf(consumer)).toMatchObject({ 'exception.type': 'PoisonMessageError', 'exception.message': expect.stringContaining('orderId') });
    expect(notificationStored(spans)).toBe(false);

    const connection = await amqp.connect(labAmqpUrl(loadStack()));
    try {
      const channel = await connection.createChannel();
      const deadLetter = await waitFor(`the poison message of trace ${traceId} in the dead-letter queue`, async () => {
        // Held unacknowledged while searching, so each message is seen once; the others go back after.
        try {
          for (;;) {
            const message = await channel.get('notifier.order-created.dead-letter', { noAck: false });
            if (!message) return undefined;
            if (String(message.properties.headers?.traceparent).includes(traceId)) {
              channel.ack(message);
              return message;
            }
          }
        } finally {
          channel.nackAll(true);
        }
      });
      expect(JSON.parse(deadLetter.content.toString())).not.toHaveProperty('orderId');
    } finally {
      await connection.close();
    }
  });
});
