import type { ConfigurationResult, VersusBaseline } from './report.js';
import { round } from '../round.js';

// Each configuration against tracing off, measured in the same run: latency as the milliseconds
// added (and per hop, since a request crosses several services), throughput and CPU as ratios.

export function versusBaseline(result: ConfigurationResult, baseline: ConfigurationResult, hops: number): VersusBaseline {
  const p50Delta = delta(result.fixedRate.latencyMs?.p50, baseline.fixedRate.latencyMs?.p50);
  return {
    fixedRateP50DeltaMs: round(p50Delta, 2),
    fixedRateP50DeltaPerHopMs: round(p50Delta / hops, 2),
    fixedRateP99DeltaMs: round(delta(result.fixedRate.latencyMs?.p99, baseline.fixedRate.latencyMs?.p99), 2),
    saturationThroughputChange: round(ratio(result.saturation.throughput, baseline.saturation.throughput) - 1, 4),
    saturationCpuPerRequestRatio: round(ratio(result.saturation.cpuMsPerRequest, baseline.saturation.cpuMsPerRequest), 3),
    peakRssRatio: Object.fromEntries(
      Object.entries(result.peakRssMb).map(([name, mb]) => [name, round(ratio(mb, baseline.peakRssMb[name] ?? Number.NaN), 3)]),
    ),
  };
}

export function withComparisons(results: ConfigurationResult[], baselineName: string, hops: number): ConfigurationResult[] {
  const baseline = results.find((r) => r.name === baselineName);
  return results.map((r) => ({ ...r, vsOff: baseline && r !== baseline ? versusBaseline(r, baseline, hops) : null }));
}

function delta(value: number | undefined, base: number | undefined): number {
  return value === undefined || base === undefined ? Number.NaN : value - base;
}

function ratio(value: number, base: number): number {
  return base > 0 ? value / base : Number.NaN;
}
