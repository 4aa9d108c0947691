import { waitFor } from '@tracing-lab/checker/poll';
import { describeSpan } from '@tracing-lab/checker/trace-shape';
import { fetchJaeger, flattenTrace, JaegerClient, type Span } from '@tracing-lab/trace-analysis';

// Reads traces back the way a learner's tools do: through Jaeger's HTTP query API (the one its UI
// uses), with the lab's Jaeger client, as flat spans that name their service, kind and parent.

const JAEGER_QUERY = 'http://127.0.0.1:16686';
const jaeger = new JaegerClient(fetchJaeger(JAEGER_QUERY));

// The trace's spans, or undefined while Jaeger does not have it.
export async function readTrace(traceId: string): Promise<Span[] | undefined> {
  const found = await jaeger.trace(traceId);
  return found && flattenTrace(found).spans;
}

// Traces of one service that started after `sinceMs`, newest first.
export async function searchTraces(service: string, sinceMs: number, operation?: string): Promise<Span[][]> {
  return (await jaeger.search({ service, sinceMs, operation })).map((trace) => flattenTrace(trace).spans);
}

// Polls until the trace satisfies `complete`: spans of one trace arrive from several services, each
// exporting on its own schedule, so "found" is not yet "whole".
export function waitForTrace(traceId: string, complete: (spans: Span[]) => boolean, timeoutMs = 30_000): Promise<Span[]> {
  return waitFor(
    `trace ${traceId} to be complete in Jaeger`,
    async () => {
      const spans = await readTrace(traceId);
      if (!spans) return undefined;
      if (complete(spans)) return spans;
      throw new Error(`incomplete so far: ${spans.map(describeSpan).sort().join(', ')}`);
    },
    { timeoutMs, intervalMs: 300 },
  );
}
