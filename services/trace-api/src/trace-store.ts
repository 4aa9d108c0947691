import {
  buildTraceTree,
  type JaegerClient,
  type JaegerTrace,
  listTrace,
  type TraceListing,
  type TraceTree,
} from '@tracing-lab/trace-analysis';
import { meshServices } from './jaeger-query.js';
import type { ManualTraces } from './manual-traces.js';
import { DomainError } from '@tracing-lab/contracts';

// Where the API's traces come from: Jaeger, plus the manual spans the API made itself that Jaeger
// does not have yet (still open, or not exported yet), so a client sees its trace at once.
export interface RecentQuery {
  serviceName?: string;
  operationName?: string;
  minDuration?: number;
  status?: 'completed' | 'failed';
  // Every pair must be on some span of the trace (a span tag, a resource tag or an event field).
  tags?: Record<string, string>;
  limit: number;
  lookbackMinutes: number;
}

const FAILED_SEARCH_BATCH = 200;

export class TraceStore {
  constructor(
    private readonly jaeger: JaegerClient,
    private readonly manual: ManualTraces,
  ) {}

  async tree(traceId: string): Promise<TraceTree> {
    return buildTraceTree(await this.trace(traceId));
  }

  // The trace as Jaeger's JSON, for what the tree leaves out (events, links, resource tags).
  async trace(traceId: string): Promise<JaegerTrace> {
    const id = traceId.toLowerCase();
    const merged = mergeTraces(await this.jaeger.trace(id), this.manual.asJaegerTrace(id));
    if (!merged) throw new DomainError('not-found', `trace ${id} not found`);
    return merged;
  }

  isActive(traceId: string): boolean {
    return this.manual.hasOpenSpans(traceId.toLowerCase());
  }

  // Traces of the last `lookbackMinutes`, newest first: from one service, or from every service Jaeger
  // knows (one search each, duplicates removed) when none is named.
  async recent(query: RecentQuery): Promise<TraceTree[]> {
    const services = query.serviceName ? [query.serviceName] : await meshServices(this.jaeger);
    const sinceMs = Date.now() - query.lookbackMinutes * 60_000;
    const searches = services.map((service) =>
      this.jaeger.search({
        service,
        // Jaeger v2 cannot search by span status (an error status is no tag), so failed traces are
        // picked here, from a larger batch of recent ones.
        limit: query.status ? Math.max(query.limit, FAILED_SEARCH_BATCH) : query.limit,
        sinceMs,
        ...(query.operationName ? { operation: query.operationName } : {}),
        ...(query.minDuration !== undefined ? { minDuration: `${query.minDuration}ms` } : {}),
        ...(query.tags ? { tags: query.tags } : {}),
      }),
    );
    const found = new Map<string, JaegerTrace>();
    for (const traces of await Promise.all(searches)) {
      for (const trace of traces) if (trace.spans.length > 0) found.set(trace.traceID, trace);
    }
    return [...found.values()].map(buildTraceTree).sort((a, b) => b.startUs - a.startUs);
  }

  async search(query: RecentQuery): Promise<TraceListing[]> {
    const listings = (await this.recent(query)).map(listTrace);
    return listings
      .filter((listing) => query.minDuration === undefined || listing.duration >= query.minDuration)
      .filter((listing) => query.status === undefined || listing.status === query.status)
      .slice(0, query.limit);
  }
}

function mergeTraces(fromJaeger: JaegerTrace | undefined, manual: JaegerTrace | undefined): JaegerTrace | undefined {
  if (!fromJaeger || fromJaeger.spans.length === 0) return manual;
  if (!manual) return fromJaeger;
  const known = new Set(fromJaeger.spans.map((span) => span.spanID));
  return {
    traceID: fromJaeger.traceID,
    spans: [...fromJaeger.spans, ...manual.spans.filter((span) => !known.has(span.spanID))],
    processes: { ...fromJaeger.processes, ...manual.processes },
  };
}
