import { waitFor } from '@tracing-lab/checker/poll';
import { rootsOf } from '@tracing-lab/checker/trace-shape';
import type { Span } from '@tracing-lab/trace-analysis';
import { describe, expect, it } from 'vitest';
import { searchTraces, waitForTrace } from './support/jaeger.js';
import { createOrder } from './support/mesh.js';

// The database service's outbox relay sweeps the outbox every second. The sweep belongs to no request,
// so it must not add a trace of its own to Jaeger every second; a sweep that publishes adds each
// event's publish to that event's trace, and one `outbox.batch` span, a trace of its own linked to each
// event's trace. (RabbitMQ down, then back: outages.test.ts.)

// Long enough for three sweeps, and for their spans, had they any, to be exported (every 500 ms).
const OBSERVED_MS = 4_000;

describe('the outbox relay', () => {
  it('leaves no trace in Jaeger while no request comes in', async () => {
    const since = Date.now();
    // The window is the observation itself, not a wait for something to happen.
    await new Promise((resolve) => setTimeout(resolve, OBSERVED_MS));
    const roots = (await searchTraces('database', since)).flatMap(rootsOf);
    expect(roots.map((root) => `${root.service}(${root.kind}) ${root.operation}`)).toEqual([]);
  });

  it("publishes an order its sweep picked up in the order's trace, and links the batch span to it", async () => {
    const since = Date.now();
    // outbox-backlog: the service skips the publish after the commit, as if it had stopped there.
    const { traceId } = await createOrder({ baggage: 'lab.scenario=outbox-backlog' });
    const published = (spans: Span[]) => spans.some((s) => s.service === 'notifier' && s.kind === 'consumer');
    const spans = await waitForTrace(traceId, published, 20_000);
    const publish = spans.find((s) => s.kind === 'producer');
    expect(publish && spans.find((s) => s.spanId === publish.parentSpanId)).toMatchObject({ service: 'database', operation: expect.stringMatching(/^request handler/) });

    const batch = await waitFor('the outbox.batch span linked to the order', async () =>
      (await searchTraces('database', since, 'outbox.batch'))
        .flat()
        .find((s) => s.operation === 'outbox.batch' && s.references.some((ref) => ref.traceId === traceId)),
    );
    expect(batch.traceId).not.toBe(traceId);
    expect(batch.parentSpanId).toBeUndefined();
    expect(batch.references).toEqual([expect.objectContaining({ type: 'FOLLOWS_FROM', traceId })]);
  });
});
