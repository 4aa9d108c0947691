import { type Stack, up } from '../stack.js';
import { judge } from './aims.js';
import { measureAnalysisSpeed } from './analysis-speed.js';
import { measureCompleteness } from './completeness.js';
import { measureExplorerRender } from './explorer-render.js';
import { describeMachine } from './machine.js';
import { restartMesh } from './mesh.js';
import { measureOverhead, type PartContext } from './overhead.js';
import type { BenchPlan } from './plan.js';
import { PRICE_LIST_CONFIGURATIONS, priceParts } from './price-list.js';
import type { BenchReport, PriceListReport } from './report.js';
import { measureSpanCosts, PUBLISHED_SPAN_MICROS } from './span-costs.js';

// The whole benchmark, part by part, on the native stack; whatever happens, the mesh is left
// running with docker-compose.yml's settings.

export interface BenchEnvironment {
  stack: Stack;
  signal: AbortSignal;
  stderr: NodeJS.WriteStream;
  log: (line: string) => void;
}

export async function runBench(plan: BenchPlan, { stack, signal, stderr, log }: BenchEnvironment): Promise<BenchReport> {
  const startedAt = new Date();
  const started = performance.now();
  // The environment the mesh services were last restarted with; {} is docker-compose.yml as it is.
  let meshEnv: Record<string, string> = {};
  const context: PartContext = { stack, signal, stderr, log, onMeshConfigured: (env) => (meshEnv = env) };

  // First, on a machine the benchmark has not loaded yet: after the load parts Jaeger and the
  // services are still busy for a while, and the analysis shares the same two cores.
  log(`analysis: ${plan.analysis.spans}-span trace, ${plan.analysis.runs} runs`);
  const analysis = await measureAnalysisSpeed(plan.analysis.spans, plan.analysis.runs);
  log('stack: making sure it runs');
  await up(stack, [], {}, (line) => log(`  ${line}`));
  try {
    // Also before the load: drawing shares the two cores with everything else.
    log(`explorer: ${plan.explorer.spans}-span trace sent to Jaeger, opened ${plan.explorer.runs} times in Chromium`);
    const explorer = await measureExplorerRender(plan.explorer, stack, log);
    signal.throwIfAborted();
    const overhead = await measureOverhead(plan.overhead, context);
    signal.throwIfAborted();
    // Completeness and time to queryable are the lab as it ships: 100% sampling, its own settings.
    log('restoring docker-compose.yml settings for the completeness run');
    meshEnv = {};
    await restartMesh(stack, {}, (line) => log(`  ${line}`));
    const { completeness, timeToQueryable } = await measureCompleteness(plan.completeness, context);
    const report = {
      plan: plan.name,
      startedAt: startedAt.toISOString(),
      durationSeconds: Math.round((performance.now() - started) / 100) / 10,
      machine: describeMachine(),
      overhead,
      completeness,
      timeToQueryable,
      analysis,
      explorer,
    };
    return { ...report, aims: judge(report) };
  } finally {
    await restore(stack, meshEnv, log);
  }
}

// `--price-list`: the overhead part over the price list's configurations, and the price of a span.
export async function runPriceList(plan: BenchPlan, { stack, signal, stderr, log }: BenchEnvironment): Promise<PriceListReport> {
  const startedAt = new Date();
  const started = performance.now();
  let meshEnv: Record<string, string> = {};
  const context: PartContext = { stack, signal, stderr, log, onMeshConfigured: (env) => (meshEnv = env) };
  // First, on a quiet machine, as the analysis speed is.
  log(`span costs: ${plan.spanCosts.spans} spans per round, in-process`);
  const spanCosts = await measureSpanCosts(plan.spanCosts.spans);
  log('stack: making sure it runs');
  await up(stack, [], {}, (line) => log(`  ${line}`));
  try {
    const overhead = await measureOverhead(plan.overhead, context, PRICE_LIST_CONFIGURATIONS);
    return {
      plan: plan.name,
      startedAt: startedAt.toISOString(),
      durationSeconds: Math.round((performance.now() - started) / 100) / 10,
      machine: describeMachine(),
      overhead,
      ...priceParts(overhead.configurations),
      spanCosts,
      published: PUBLISHED_SPAN_MICROS,
    };
  } finally {
    await restore(stack, meshEnv, log);
  }
}

async function restore(stack: Stack, meshEnv: Record<string, string>, log: (line: string) => void): Promise<void> {
  if (Object.keys(meshEnv).length) {
    log('restoring docker-compose.yml settings');
    await restartMesh(stack, {}, (line) => log(`  ${line}`));
  }
  // Anything a failed restart left stopped comes back with its own settings.
  await up(stack, [], {}, () => undefined);
}
