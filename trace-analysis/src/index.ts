// Pure analysis of the trace JSON Jaeger's query API returns: no I/O, so the Tracing API, the
// terminal waterfall and the tests all run the same functions on the same data.
export type { JaegerKeyValue, JaegerReference, JaegerSpan, JaegerTrace } from './jaeger-trace.js';
export { buildTraceTree, EmptyTraceError, spanLabel, type TraceTree, type TreeSpan } from './trace-tree.js';
export { selfTimes, type SelfTimes } from './self-time.js';
export { IDLE_ENTRY, serviceBreakdown } from './service-breakdown.js';
export { BOTTLENECK_SHARE, bottlenecks, type Bottleneck } from './bottlenecks.js';
export { criticalPath, criticalPathSpans, type CriticalPathSection } from './critical-path.js';
export { errorRootCause, type ErrorRootCause } from './error-root-cause.js';
export { serviceEntrySpans } from './service-calls.js';
export { analyzeTrace, type TraceAnalysis } from './analyze.js';
export { listTrace, summarizeSpan, summarizeTrace, traceStatus, type SpanSummary, type TraceListing, type TraceSummary } from './trace-summary.js';
export { visualizeTrace, type TraceVisualization, type VisualNode } from './visualize.js';
export { dependencyGraph, type DependencyEdge } from './dependencies.js';
export { DEFAULT_ANOMALY_OPTIONS, latencyAnomalies, type AnomalyOptions, type LatencyAnomaly } from './anomalies.js';
export { compareTraces, DEFAULT_COMPARE_OPTIONS, type CompareOptions, type TraceComparison } from './compare.js';
export { traceStats, type TraceStats } from './trace-stats.js';
export { percentile } from './percentile.js';
export { toMs } from './milliseconds.js';

// Reading traces: the lab's one client of Jaeger's query API, its one flat span model, and the
// traceresponse header that leads from an answer to its trace. The Tracing API, the checker, the
// trace CLI, the bench and the integration tests all read Jaeger through these.
export { fetchJaeger, JaegerClient, type JaegerTransport, type TraceSearch } from './jaeger-client.js';
export { JaegerUnavailableError } from './jaeger-answer.js';
export { flattenTrace, tracesFromResponse, type Span, type SpanEvent, type SpanReference, type Trace } from './flat-trace.js';
export { describeFetchError, fetchWithTimeout } from './fetch-with-timeout.js';
export { parseTraceResponse } from './trace-response.js';

// Input that repeats from run to run, for the benchmarks and the tests.
export { generateTrace } from './bench/generate-trace.js';
export { seededRandom } from './seeded-random.js';
