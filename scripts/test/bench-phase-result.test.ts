import { describe, expect, it } from 'vitest';
import { type PhaseSample, phaseResult } from '../src/bench/phase-result.js';

const MESH = ['frontend', 'database'];

const sample = (requests: number, latency: number, cpu: { frontend: number; database: number; jaeger: number }, machine: number): PhaseSample => ({
  run: { durationSeconds: 10, statusCodes: { '200': requests - 1, '502': 1 }, errors: 2, timeouts: 0, latenciesMs: Array.from({ length: requests }, () => latency) },
  cpu: { wallSeconds: 10, seconds: cpu, loadGeneratorSeconds: 1, machineSeconds: machine },
});

describe("a phase's result", () => {
  it('pools the rounds: every request, every latency, every CPU second', () => {
    const rounds = [sample(100, 4, { frontend: 2, database: 3, jaeger: 1 }, 9), sample(300, 6, { frontend: 4, database: 5, jaeger: 1 }, 17)];
    expect(phaseResult(rounds, MESH)).toEqual({
      requests: 400,
      throughput: 20,
      latencyMs: { p50: 6, p99: 6 },
      failed: 6,
      cpuPercent: { frontend: 30, database: 40, jaeger: 10 },
      loadGeneratorCpuPercent: 10,
      // 26 s busy on the machine, 16 of them the watched processes, 2 the load generator.
      otherCpuPercent: 40,
      cpuMsPerRequest: 35,
    });
  });

  it('never shows the rest of the machine below zero', () => {
    expect(phaseResult([sample(10, 1, { frontend: 1, database: 1, jaeger: 0 }, 2)], MESH).otherCpuPercent).toBe(0);
  });
});
