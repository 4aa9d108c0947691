import { type LatencyPercentiles, latencyPercentiles } from './latency.js';
import type { LoadOptions } from './options.js';
import type { TraceSample } from './trace-samples.js';
import { round } from '../round.js';

// What a run measured, turned into the summary both outputs show: the table on a terminal and the
// JSON for scripts and the checker (`--json`). The JSON field names are its contract.

// What run-load.ts hands over when autocannon is done.
export interface RunRecord {
  // From the first request to the moment autocannon stopped counting.
  durationSeconds: number;
  // Answered requests by HTTP status.
  statusCodes: Record<string, number>;
  // Failures below HTTP, as autocannon counts them: every refused or reset connection attempt (it
  // reconnects at once, so a mesh that is down piles these up fast) and every request timeout.
  errors: number;
  timeouts: number;
  latenciesMs: readonly number[];
  traces: readonly TraceSample[];
  errorTraces: readonly TraceSample[];
  // Stopped by Ctrl-C before its duration or count.
  interrupted: boolean;
}

export interface SampleTrace {
  request: string;
  status: number;
  traceId: string;
  jaegerUrl: string;
}

export interface LoadSummary {
  scenario: string;
  target: string;
  // What the run was asked for; null where not given (an unlimited rate, a count instead of a time).
  asked: { rate: number | null; durationSeconds: number | null; requests: number | null; concurrency: number };
  durationSeconds: number;
  // Answered requests, whatever their status.
  requests: number;
  achievedRate: number;
  statusCodes: Record<string, number>;
  errors: number;
  timeouts: number;
  latencyMs: LatencyPercentiles | null;
  traces: SampleTrace[];
  errorTraces: SampleTrace[];
  interrupted: boolean;
}

export function summarize(options: LoadOptions, run: RunRecord): LoadSummary {
  const requests = Object.values(run.statusCodes).reduce((sum, count) => sum + count, 0);
  const latency = latencyPercentiles(run.latenciesMs);
  const sample = (trace: TraceSample): SampleTrace => ({
    request: `${trace.method} ${trace.path}`,
    status: trace.status,
    traceId: trace.traceId,
    jaegerUrl: `${options.jaegerUi}/trace/${trace.traceId}`,
  });
  return {
    scenario: options.scenario.name,
    target: options.target,
    asked: {
      rate: options.rate ?? null,
      durationSeconds: options.duration ?? null,
      requests: options.requests ?? null,
      concurrency: options.concurrency,
    },
    durationSeconds: run.durationSeconds,
    requests,
    achievedRate: run.durationSeconds > 0 ? round(requests / run.durationSeconds, 2) : 0,
    statusCodes: Object.fromEntries(Object.entries(run.statusCodes).sort(([a], [b]) => Number(a) - Number(b))),
    errors: run.errors,
    timeouts: run.timeouts,
    latencyMs: latency
      ? { p50: round(latency.p50, 1), p95: round(latency.p95, 1), p99: round(latency.p99, 1), max: round(latency.max, 1) }
      : null,
    traces: run.traces.map(sample),
    errorTraces: run.errorTraces.map(sample),
    interrupted: run.interrupted,
  };
}
