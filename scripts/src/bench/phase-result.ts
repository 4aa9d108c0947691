import { latencyPercentiles } from '../load/latency.js';
import type { RunRecord } from '../load/summary.js';
import type { CpuUse } from './cpu-meter.js';
import type { PhaseResult } from './report.js';
import { round } from '../round.js';

// One configuration's phase is measured in several rounds, interleaved with the other
// configurations; its result pools them: every request, every latency, every CPU second.

export interface PhaseSample {
  run: Pick<RunRecord, 'durationSeconds' | 'statusCodes' | 'errors' | 'timeouts' | 'latenciesMs'>;
  cpu: CpuUse;
}

export function phaseResult(samples: readonly PhaseSample[], meshServices: readonly string[]): PhaseResult {
  const sum = (value: (s: PhaseSample) => number) => samples.reduce((total, s) => total + value(s), 0);
  const answered = (s: PhaseSample) => Object.values(s.run.statusCodes).reduce((total, n) => total + n, 0);
  const failedAnswers = (s: PhaseSample) => Object.entries(s.run.statusCodes).reduce((total, [status, n]) => total + (Number(status) >= 400 ? n : 0), 0);

  const requests = sum(answered);
  const seconds = sum((s) => s.run.durationSeconds);
  const wall = sum((s) => s.cpu.wallSeconds);
  const latency = latencyPercentiles(samples.flatMap((s) => s.run.latenciesMs));
  const processes = Object.keys(samples[0]?.cpu.seconds ?? {});
  const cpuSecondsOf = (name: string) => sum((s) => s.cpu.seconds[name] ?? 0);
  const watchedSeconds = processes.reduce((total, name) => total + cpuSecondsOf(name), 0);
  const loadGeneratorSeconds = sum((s) => s.cpu.loadGeneratorSeconds);
  const share = (cpuSeconds: number) => round(wall > 0 ? (cpuSeconds / wall) * 100 : Number.NaN, 1);
  const meshSeconds = meshServices.reduce((total, name) => total + cpuSecondsOf(name), 0);
  return {
    requests,
    throughput: round(seconds > 0 ? requests / seconds : 0, 1),
    latencyMs: latency ? { p50: round(latency.p50, 2), p99: round(latency.p99, 2) } : null,
    failed: sum(failedAnswers) + sum((s) => s.run.errors + s.run.timeouts),
    cpuPercent: Object.fromEntries(processes.map((name) => [name, share(cpuSecondsOf(name))])),
    loadGeneratorCpuPercent: share(loadGeneratorSeconds),
    // Never below zero: the machine's counter and the processes' are read a few microseconds apart.
    otherCpuPercent: share(Math.max(0, sum((s) => s.cpu.machineSeconds) - watchedSeconds - loadGeneratorSeconds)),
    cpuMsPerRequest: requests > 0 ? round((meshSeconds * 1000) / requests, 3) : Number.NaN,
  };
}
