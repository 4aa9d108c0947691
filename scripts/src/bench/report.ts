import type { AnalysisSpeed } from './analysis-speed.js';
import type { Machine } from './machine.js';
import type { PartPrice, TracingPrice } from './price-list.js';
import type { PUBLISHED_SPAN_MICROS, SpanCosts } from './span-costs.js';

// What `npm run bench -- --json` prints: the contract of the JSON, which the table is rendered from.

export interface PhaseResult {
  requests: number;
  // Answers per second over the phase.
  throughput: number;
  latencyMs: { p50: number; p99: number } | null;
  // Answers with a 4xx/5xx status, refused connections and timeouts: a run with failures measures
  // something other than tracing.
  failed: number;
  // Per watched process (the four services and Jaeger), in % of one core over the phase.
  cpuPercent: Record<string, number>;
  // The benchmark's own process, which sends the load.
  loadGeneratorCpuPercent: number;
  // The rest of the machine: RabbitMQ, PostgreSQL, and anything that is not the lab's.
  otherCpuPercent: number;
  // The four services' CPU time together, per answered request.
  cpuMsPerRequest: number;
}

export interface VersusBaseline {
  fixedRateP50DeltaMs: number;
  fixedRateP50DeltaPerHopMs: number;
  fixedRateP99DeltaMs: number;
  // -0.08 is 8% fewer requests a second than with tracing off.
  saturationThroughputChange: number;
  saturationCpuPerRequestRatio: number;
  peakRssRatio: Record<string, number>;
}

export interface ConfigurationResult {
  name: string;
  description: string;
  env: Record<string, string>;
  fixedRate: PhaseResult;
  saturation: PhaseResult;
  peakRssMb: Record<string, number>;
  // Services whose process changed during the configuration's runs (someone else restarted them):
  // their figures mix two processes, and possibly two configurations.
  restartedDuringRun: string[];
  vsOff: VersusBaseline | null;
}

export interface OverheadResult {
  scenario: string;
  rounds: number;
  fixedRate: { rate: number; concurrency: number; durationSeconds: number };
  saturation: { concurrency: number; durationSeconds: number };
  hops: number;
  configurations: ConfigurationResult[];
}

export interface CompletenessResult {
  scenario: string;
  asked: { requests: number; rate: number; concurrency: number };
  answered: number;
  statusCodes: Record<string, number>;
  durationSeconds: number;
  achievedRate: number;
  // Complete traces in Jaeger out of `total`, the requests asked for: an unanswered request, or an
  // answer without a trace id, is a trace missing.
  complete: number;
  total: number;
  spans: number;
  spansPerSecond: number;
  exportedSpans: number;
  droppedSpans: number;
  droppedBy: Record<string, number>;
  restartedDuringRun: string[];
  // Why traces were incomplete, and a few of them to look at.
  missing: Record<string, number>;
  incompleteSample: { traceId: string; missing: string[] }[];
}

export interface TimeToQueryableResult {
  followed: number;
  queryable: number;
  timeoutMs: number;
  // Null when fewer than that share of the followed traces became queryable within the timeout.
  p50Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
}

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export interface ExplorerRenderResult {
  spans: number;
  runs: number;
  // From the waterfall's answer arriving in the page to the first frame painted with every row.
  drawMs: Spread;
  // From navigation to that frame: the page, the Tracing API reading the trace from Jaeger, drawing.
  openMs: Spread;
}

export interface AimResult {
  id: string;
  aim: string;
  // The short form the table's aim column shows.
  target: string;
  value: string;
  met: boolean;
}

export interface BenchReport {
  plan: 'full' | 'smoke';
  startedAt: string;
  durationSeconds: number;
  machine: Machine;
  overhead: OverheadResult;
  completeness: CompletenessResult;
  timeToQueryable: TimeToQueryableResult;
  analysis: AnalysisSpeed;
  explorer: ExplorerRenderResult;
  aims: AimResult[];
}

// What `npm run bench -- --price-list --json` prints.
export interface PriceListReport {
  plan: 'full' | 'smoke';
  startedAt: string;
  durationSeconds: number;
  machine: Machine;
  // Each configuration against tracing off, as the overhead part reports it.
  overhead: OverheadResult;
  tracing: TracingPrice;
  parts: PartPrice[];
  spanCosts: SpanCosts;
  published: typeof PUBLISHED_SPAN_MICROS;
}
