import { describe, expect, it } from 'vitest';
import { versusBaseline, withComparisons } from '../src/bench/comparison.js';
import type { ConfigurationResult, PhaseResult } from '../src/bench/report.js';

const phase = (throughput: number, p50: number, p99: number, cpuMsPerRequest: number): PhaseResult => ({
  requests: throughput * 30,
  throughput,
  latencyMs: { p50, p99 },
  failed: 0,
  cpuPercent: { frontend: 20 },
  loadGeneratorCpuPercent: 10,
  otherCpuPercent: 0,
  cpuMsPerRequest,
});

const configuration = (name: string, fixed: PhaseResult, saturation: PhaseResult, frontendMb: number): ConfigurationResult => ({
  name,
  description: name,
  env: {},
  fixedRate: fixed,
  saturation,
  peakRssMb: { frontend: frontendMb },
  restartedDuringRun: [],
  vsOff: null,
});

const off = configuration('off', phase(50, 10, 30, 4), phase(200, 40, 90, 8), 100);
const full = configuration('100%', phase(50, 11.5, 33, 5), phase(180, 44, 99, 10), 125);

describe('a configuration against tracing off', () => {
  it('adds milliseconds at the fixed rate, per request and per hop, and loses throughput at saturation', () => {
    expect(versusBaseline(full, off, 3)).toEqual({
      fixedRateP50DeltaMs: 1.5,
      fixedRateP50DeltaPerHopMs: 0.5,
      fixedRateP99DeltaMs: 3,
      saturationThroughputChange: -0.1,
      saturationCpuPerRequestRatio: 1.25,
      peakRssRatio: { frontend: 1.25 },
    });
  });

  it('is compared only where the baseline was measured, and not with itself', () => {
    const [first, second] = withComparisons([off, full], 'off', 3);
    expect(first?.vsOff).toBeNull();
    expect(second?.vsOff?.saturationThroughputChange).toBe(-0.1);
    expect(withComparisons([full], 'off', 3)[0]?.vsOff).toBeNull();
  });

  it('has no ratio against a baseline of zero', () => {
    const idle = configuration('off', phase(50, 10, 30, 4), phase(0, 40, 90, 0), 0);
    expect(versusBaseline(full, idle, 3).saturationCpuPerRequestRatio).toBeNaN();
  });
});
