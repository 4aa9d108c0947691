import { runLoad } from '../load/run-load.js';
import type { Stack } from '../stack.js';
import { withComparisons } from './comparison.js';
import { loadOptions, measurePhase } from './load-phase.js';
import { frontendUrl, healthUrls, MESH_SERVICES, pidsOf, restartMesh, SYNCHRONOUS_HOPS, WATCHED_PROCESSES } from './mesh.js';
import { type PhaseSample, phaseResult } from './phase-result.js';
import type { OverheadPlan } from './plan.js';
import { peakRssMb } from './process-usage.js';
import type { ConfigurationResult, OverheadResult } from './report.js';
import { BASELINE, TRACING_CONFIGURATIONS, type TracingConfiguration } from './tracing-configurations.js';

// Part 1: the same load against the mesh restarted in each tracing configuration: a fixed rate
// (what tracing adds to each request), then saturation (how many requests a second it costs). The
// configurations take turns, round after round, so a slow minute of the machine falls on one
// round of each rather than on one configuration.

export interface PartContext {
  stack: Stack;
  signal: AbortSignal;
  stderr: NodeJS.WriteStream;
  log: (line: string) => void;
  // Told which configuration the mesh runs in, so the end of the run knows what to restore.
  onMeshConfigured: (env: Record<string, string>) => void;
}

interface RoundSample {
  fixedRate: PhaseSample;
  saturation: PhaseSample;
  peakRssMb: Record<string, number>;
  restartedDuringRun: string[];
}

// `configurations` are the sampling settings by default; the price list passes its own (price-list.ts).
export async function measureOverhead(
  plan: OverheadPlan,
  context: PartContext,
  configurations: readonly TracingConfiguration[] = TRACING_CONFIGURATIONS,
): Promise<OverheadResult> {
  const rounds = new Map<string, RoundSample[]>(configurations.map((c) => [c.name, []]));
  for (let round = 1; round <= plan.rounds; round++) {
    for (const [index, configuration] of configurations.entries()) {
      context.signal.throwIfAborted();
      context.log(`overhead round ${round}/${plan.rounds}, ${index + 1}/${configurations.length}: tracing ${configuration.name} (${configuration.description})`);
      rounds.get(configuration.name)?.push(await measureRound(plan, configuration, context));
    }
  }
  const results = configurations.map((configuration) => combine(configuration, rounds.get(configuration.name) ?? []));
  return {
    scenario: plan.scenario,
    rounds: plan.rounds,
    fixedRate: plan.fixedRate,
    saturation: plan.saturation,
    hops: SYNCHRONOUS_HOPS,
    configurations: withComparisons(results, BASELINE, SYNCHRONOUS_HOPS),
  };
}

async function measureRound(plan: OverheadPlan, configuration: TracingConfiguration, context: PartContext): Promise<RoundSample> {
  const { stack, signal, stderr, log } = context;
  context.onMeshConfigured(configuration.env);
  await configureMesh(stack, configuration, log);
  const pids = pidsOf(stack, WATCHED_PROCESSES);
  const base = { scenario: plan.scenario, target: frontendUrl(stack) };

  if (plan.warmupSeconds > 0) {
    log(`  warm-up: ${plan.warmupSeconds} s at saturation, not measured`);
    await runLoad(loadOptions({ ...base, concurrency: plan.saturation.concurrency, durationSeconds: plan.warmupSeconds }), { signal });
  }
  signal.throwIfAborted();
  log(`  fixed rate: ${plan.fixedRate.rate} req/s for ${plan.fixedRate.durationSeconds} s`);
  const fixedRate = await measurePhase({ ...base, ...plan.fixedRate }, pids, stderr, signal);
  signal.throwIfAborted();
  log(`  saturation: ${plan.saturation.concurrency} connections for ${plan.saturation.durationSeconds} s`);
  const saturation = await measurePhase({ ...base, ...plan.saturation }, pids, stderr, signal);
  signal.throwIfAborted();

  const now = pidsOf(stack, MESH_SERVICES);
  return {
    fixedRate,
    saturation,
    peakRssMb: Object.fromEntries(MESH_SERVICES.map((name) => [name, peakRssMb(now[name] as number)])),
    restartedDuringRun: MESH_SERVICES.filter((name) => now[name] !== pids[name]),
  };
}

// Latencies and CPU pooled over the rounds; the peak memory is the highest of them.
function combine(configuration: TracingConfiguration, rounds: RoundSample[]): ConfigurationResult {
  return {
    name: configuration.name,
    description: configuration.description,
    env: configuration.env,
    fixedRate: phaseResult(rounds.map((r) => r.fixedRate), MESH_SERVICES),
    saturation: phaseResult(rounds.map((r) => r.saturation), MESH_SERVICES),
    peakRssMb: Object.fromEntries(MESH_SERVICES.map((name) => [name, Math.round(Math.max(...rounds.map((r) => r.peakRssMb[name] ?? 0)))])),
    restartedDuringRun: [...new Set(rounds.flatMap((r) => r.restartedDuringRun))],
    vsOff: null,
  };
}

// A restart that did not take the configuration would make every figure of that column wrong, so
// each service's /health must say what was asked. On a shared machine someone else may start a
// service in the moment it is down (npm run stack:up does); one more restart settles that.
async function configureMesh(stack: Stack, configuration: TracingConfiguration, log: (line: string) => void): Promise<void> {
  const enabled = configuration.env.OTEL_SDK_DISABLED !== 'true';
  for (let attempt = 1; ; attempt++) {
    await restartMesh(stack, configuration.env, (line) => log(`  ${line}`));
    const wrong = await servicesWithTracing(stack, !enabled);
    if (!wrong.length) return;
    const problem = `${wrong.join(', ')} report tracing ${enabled ? 'off' : 'on'} after a restart with tracing ${enabled ? 'on' : 'off'}`;
    if (attempt === 2) throw new Error(problem);
    log(`  ${problem}; restarting again`);
  }
}

async function servicesWithTracing(stack: Stack, enabled: boolean): Promise<string[]> {
  const wrong: string[] = [];
  for (const [name, url] of Object.entries(healthUrls(stack))) {
    const body = (await (await fetch(url)).json()) as { tracing?: { enabled?: boolean } };
    if (body.tracing?.enabled === enabled) wrong.push(name);
  }
  return wrong;
}
