import { rootsOf } from '@tracing-lab/checker/trace-shape';
import { describe, expect, it } from 'vitest';
import { searchTraces } from './support/jaeger.js';

// The database service's outbox relay sweeps the outbox every second. The sweep belongs to no request,
// so it must not add a trace of its own to Jaeger every second; a sweep that publishes adds each
// event's publish to that event's trace (proven with RabbitMQ down in outages.test.ts).

// Long enough for three sweeps, and for their spans, had they any, to be exported (every 500 ms).
const OBSERVED_MS = 4_000;

describe('the outbox relay, with nothing to publish', () => {
  it('leaves no trace in Jaeger while no request comes in', async () => {
    const since = Date.now();
    // The window is the observation itself, not a wait for something to happen.
    await new Promise((resolve) => setTimeout(resolve, OBSERVED_MS));
    const roots = (await searchTraces('database', since)).flatMap(rootsOf);
    expect(roots.map((root) => `${root.service}(${root.kind}) ${root.operation}`)).toEqual([]);
  });
});
