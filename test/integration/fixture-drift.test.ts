import { loadFixture } from '@tracing-lab/checker/test-support/fixtures';
import { flattenTrace, type Span } from '@tracing-lab/trace-analysis';
import { recordedTrace } from '@tracing-lab/trace-analysis/test-support/fixtures';
import { describe, expect, it } from 'vitest';
import { readTrace, waitForTrace } from './support/jaeger.js';
import { createOrder, FRONTEND, traceResponseOf } from './support/mesh.js';
import { wholeOrderTrace } from './support/order-trace.js';

// The checker's and trace-analysis's unit tests judge traces recorded from the real Jaeger
// (checker/test/fixtures/, trace-analysis/test/fixtures/). When
// the mesh's traces change shape (a new span, a new parent), those recordings must be made again, or
// the checker is proven on traces the mesh no longer makes: this test fails first, naming what moved.
// Re-record the checker's with: bash scripts/with-node.sh node checker/dist/record-fixture.js <name> <kind>;
// trace-analysis's are Jaeger's answer to GET /api/traces/<id> for the requests its fixtures.ts names.

// A new database connection, opened only when the pool has no idle one: a span some requests have.
const NOW_AND_THEN = new Set(['pg.connect']);

// Each span as `parent > span`, by service, kind and name, with numbers (ids in names) folded.
function shape(spans: Span[]): string[] {
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  const label = (s: Span | undefined): string => (s ? `${s.service}(${s.kind}) ${s.operation.replace(/\d+/g, 'N')}` : 'root');
  return spans
    .filter((s) => !NOW_AND_THEN.has(s.operation))
    .map((s) => `${label(s.parentSpanId ? byId.get(s.parentSpanId) : undefined)} > ${label(s)}`)
    .sort();
}

// The live trace once it has as many spans as the recording (each service exports on its own
// schedule), or as much of it as came within the deadline, for the comparison to show what is missing.
async function liveTrace(traceId: string, recorded: Span[], whole: (spans: Span[]) => boolean = () => true): Promise<Span[]> {
  try {
    const expected = recorded.filter((s) => !NOW_AND_THEN.has(s.operation)).length;
    return await waitForTrace(traceId, (spans) => whole(spans) && spans.filter((s) => !NOW_AND_THEN.has(s.operation)).length >= expected, 15_000);
  } catch {
    return (await readTrace(traceId)) ?? [];
  }
}

describe('the recorded fixtures', () => {
  it('have the shape of a live order trace', async () => {
    const { traceId } = await createOrder();
    const recorded = loadFixture('order-healthy').trace.spans;
    expect(shape(await liveTrace(traceId, recorded, wholeOrderTrace))).toEqual(shape(recorded));
  });

  it("have the shape of a live order trace in trace-analysis's recording too", async () => {
    const { traceId } = await createOrder();
    const recorded = flattenTrace(recordedTrace('order')).spans;
    expect(shape(await liveTrace(traceId, recorded, wholeOrderTrace))).toEqual(shape(recorded));
  });

  it('have the shape of a live users trace', async () => {
    const { traceId } = traceResponseOf(await fetch(`${FRONTEND}/api/users`));
    const recorded = loadFixture('users-healthy').trace.spans;
    expect(shape(await liveTrace(traceId, recorded))).toEqual(shape(recorded));
  });
});
