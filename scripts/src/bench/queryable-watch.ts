import { setTimeout as sleep } from 'node:timers/promises';
import { latencyPercentiles } from '../load/latency.js';
import type { TraceReader } from './jaeger-batch.js';
import { missingFromOrderTrace } from '@tracing-lab/checker/order-completeness';
import type { TimeToQueryableResult } from './report.js';

// Time to queryable: from the moment a response ended until Jaeger's query API returns its trace
// complete. Followed traces are polled together, one batched query per interval, while the load
// is still running, so the figure includes the batch processor's delay, the export, Jaeger's
// ingestion, and the RabbitMQ hop, under load.

export interface QueryableTime {
  traceId: string;
  // Undefined when it was not complete within the timeout.
  afterMs: number | undefined;
}

interface Followed {
  traceId: string;
  endedAt: number;
}

export class QueryableWatch {
  private readonly pending: Followed[] = [];
  private readonly done: QueryableTime[] = [];
  private running = true;
  private readonly loop: Promise<void>;

  constructor(
    private readonly read: TraceReader,
    private readonly pollMs: number,
    private readonly timeoutMs: number,
    private readonly signal?: AbortSignal,
  ) {
    this.loop = this.poll();
  }

  // `endedAt` is performance.now() when the response ended.
  follow(traceId: string, endedAt: number): void {
    this.pending.push({ traceId, endedAt });
  }

  // Waits until every followed trace is complete or timed out (or the run is aborted), then stops.
  async finish(): Promise<QueryableTime[]> {
    this.running = false;
    await this.loop;
    return this.done;
  }

  private async poll(): Promise<void> {
    while ((this.running || this.pending.length) && !this.signal?.aborted) {
      const started = performance.now();
      if (this.pending.length) await this.check([...this.pending]);
      await sleep(Math.max(0, this.pollMs - (performance.now() - started)));
    }
  }

  private async check(batch: Followed[]): Promise<void> {
    let traces: Awaited<ReturnType<TraceReader>>;
    try {
      traces = await this.read(batch.map((f) => f.traceId));
    } catch {
      // A slow or failed answer under load is one missed poll; the deadline still applies.
      traces = new Map();
    }
    const answeredAt = performance.now();
    for (const followed of batch) {
      const complete = missingFromOrderTrace(traces.get(followed.traceId) ?? []).length === 0;
      const waited = answeredAt - followed.endedAt;
      if (!complete && waited < this.timeoutMs) continue;
      this.pending.splice(this.pending.indexOf(followed), 1);
      this.done.push({ traceId: followed.traceId, afterMs: complete ? waited : undefined });
    }
  }
}

// Percentiles over every followed trace, the ones that never became queryable counted as slowest:
// leaving them out would flatter the figure.
export function summarizeQueryable(times: readonly QueryableTime[], timeoutMs: number): TimeToQueryableResult {
  const percentiles = latencyPercentiles(times.map((t) => t.afterMs ?? Number.POSITIVE_INFINITY));
  const ms = (value: number | undefined) => (value === undefined || !Number.isFinite(value) ? null : Math.round(value));
  return {
    followed: times.length,
    queryable: times.filter((t) => t.afterMs !== undefined).length,
    timeoutMs,
    p50Ms: ms(percentiles?.p50),
    p99Ms: ms(percentiles?.p99),
    maxMs: ms(percentiles?.max),
  };
}
