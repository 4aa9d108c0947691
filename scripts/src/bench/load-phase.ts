import type autocannon from 'autocannon';
import type { LoadOptions } from '../load/options.js';
import { type Goal, showProgress } from '../load/progress.js';
import { runLoad } from '../load/run-load.js';
import { scenarioNamed } from '../load/scenarios.js';
import { CpuMeter } from './cpu-meter.js';
import type { PhaseSample } from './phase-result.js';

// One measured phase of the overhead part: `npm run load`'s own run (run-load.ts) with the CPU of
// every watched process, of the load generator and of the whole machine read around it.

export interface PhaseLoad {
  scenario: string;
  target: string;
  durationSeconds: number;
  concurrency: number;
  rate?: number;
}

export function loadOptions(load: { scenario: string; target: string; concurrency: number; rate?: number; durationSeconds?: number; requests?: number }): LoadOptions {
  const scenario = scenarioNamed(load.scenario);
  if (!scenario) throw new Error(`no load scenario '${load.scenario}'`);
  return {
    scenario,
    rate: load.rate,
    duration: load.requests === undefined ? load.durationSeconds : undefined,
    requests: load.requests,
    concurrency: load.concurrency,
    target: load.target,
    jaegerUi: '',
    json: true,
  };
}

export function progressOn(stream: NodeJS.WriteStream, goal: Goal): (instance: autocannon.Instance) => void {
  return (instance) => showProgress(instance, goal, stream);
}

export async function measurePhase(
  load: PhaseLoad,
  pids: Record<string, number>,
  stderr: NodeJS.WriteStream,
  signal: AbortSignal,
): Promise<PhaseSample> {
  const meter = new CpuMeter(pids);
  const run = await runLoad(loadOptions(load), { onStart: progressOn(stderr, { durationSeconds: load.durationSeconds }), signal });
  return { run, cpu: meter.read() };
}
