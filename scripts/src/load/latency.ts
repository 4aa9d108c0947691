// Latency percentiles by nearest rank over every response's time, exact rather than from a
// histogram's buckets: a lab run is at most a few hundred thousand numbers.

export interface LatencyPercentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function latencyPercentiles(valuesMs: readonly number[]): LatencyPercentiles | undefined {
  if (valuesMs.length === 0) return undefined;
  const sorted = Float64Array.from(valuesMs).sort();
  const rank = (percent: number) => sorted[Math.max(0, Math.ceil((percent / 100) * sorted.length) - 1)] as number;
  return { p50: rank(50), p95: rank(95), p99: rank(99), max: sorted[sorted.length - 1] as number };
}
