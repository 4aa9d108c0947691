// What the services' SDKs say became of their spans, from each /health's `tracing.spans` (the batch
// processor's own self-observability counters, shared-tracing/src/span-pipeline-stats.ts). The
// counters start at zero when a service starts, so a part reads them before and after and reports
// the difference.

export interface SpanCounts {
  exported: number;
  dropped: number;
  droppedBy: Record<string, number>;
  queued: number;
}

// Per service; undefined where the service has tracing off (or did not answer).
export type SpanCountsByService = Record<string, SpanCounts | undefined>;

export interface SpanPipelineDelta {
  exported: number;
  dropped: number;
  droppedBy: Record<string, number>;
  // Services whose counters went backwards: they restarted in between, so their count starts over
  // and the delta only covers the time since.
  restarted: string[];
}

export async function readSpanCounts(healthUrls: Record<string, string>): Promise<SpanCountsByService> {
  const entries = await Promise.all(
    Object.entries(healthUrls).map(async ([name, url]): Promise<[string, SpanCounts | undefined]> => {
      try {
        const body = (await (await fetch(url, { signal: AbortSignal.timeout(5_000) })).json()) as { tracing?: { spans?: SpanCounts | null } };
        return [name, body.tracing?.spans ?? undefined];
      } catch {
        return [name, undefined];
      }
    }),
  );
  return Object.fromEntries(entries);
}

export function spanPipelineDelta(before: SpanCountsByService, after: SpanCountsByService): SpanPipelineDelta {
  const delta: SpanPipelineDelta = { exported: 0, dropped: 0, droppedBy: {}, restarted: [] };
  for (const [name, end] of Object.entries(after)) {
    if (!end) continue;
    const start = before[name];
    const restarted = !start || end.exported < start.exported || end.dropped < start.dropped;
    if (restarted && start) delta.restarted.push(name);
    const from = restarted ? undefined : start;
    delta.exported += end.exported - (from?.exported ?? 0);
    delta.dropped += end.dropped - (from?.dropped ?? 0);
    for (const [reason, count] of Object.entries(end.droppedBy)) {
      const lost = count - (from?.droppedBy[reason] ?? 0);
      if (lost > 0) delta.droppedBy[reason] = (delta.droppedBy[reason] ?? 0) + lost;
    }
  }
  return delta;
}

// Spans still waiting in the services' buffers: none left means everything was handed to Jaeger.
export function queuedSpans(counts: SpanCountsByService): number {
  return Object.values(counts).reduce((sum, c) => sum + (c?.queued ?? 0), 0);
}
