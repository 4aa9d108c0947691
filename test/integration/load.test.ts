import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LoadSummary } from '@tracing-lab/scripts/load/summary';
import { freePort } from '@tracing-lab/scripts/free-port';
import { rootsOf } from '@tracing-lab/checker/trace-shape';
import type { Span } from '@tracing-lab/trace-analysis';
import { waitForTrace } from './support/jaeger.js';
import { FRONTEND } from './support/mesh.js';
import { type CliRun, runNodeCli } from './support/node-cli.js';

// `npm run load` as a learner runs it, against the running mesh: the exact count, the held rate,
// trace ids that lead into Jaeger, and the one-line refusals with exit code 2.

const LOAD_CLI = join(__dirname, '../../scripts/dist/load.js');

function load(...args: string[]): Promise<CliRun> {
  return runNodeCli(LOAD_CLI, args);
}

async function loadJson(...args: string[]): Promise<LoadSummary> {
  const run = await load('--target', FRONTEND, '--json', ...args);
  if (run.code !== 0) throw new Error(`npm run load ${args.join(' ')} exited ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout) as LoadSummary;
}

const hasFrontendRoot = (spans: Span[]) => rootsOf(spans).some((s) => s.service === 'frontend' && s.kind === 'server');

describe('npm run load', () => {
  it('sends exactly --requests requests, and its sample trace ids are traces in Jaeger', async () => {
    const summary = await loadJson('--requests', '20');

    expect(summary.requests).toBe(20);
    expect(Object.values(summary.statusCodes).reduce((sum, count) => sum + count, 0)).toBe(20);
    expect(summary.errors).toBe(0);
    const samples = [...summary.traces, ...summary.errorTraces];
    expect(samples.length).toBeGreaterThan(0);
    for (const sample of samples) {
      expect(sample.jaegerUrl).toBe(`http://localhost:16686/trace/${sample.traceId}`);
      await waitForTrace(sample.traceId, hasFrontendRoot);
    }
  });

  it('holds --rate 50 within 5% over 10 s', async () => {
    // The stack is shared: a suite that restarts a service under this run shows up as connection
    // errors, and then says nothing about the pacing, so such a run is repeated once.
    let summary = await loadJson('--rate', '50', '--duration', '10');
    if (summary.errors > 0) summary = await loadJson('--rate', '50', '--duration', '10');

    expect(summary.asked.rate).toBe(50);
    expect(summary.errors).toBe(0);
    expect(Math.abs(summary.achievedRate - 50), `achieved ${summary.achievedRate} req/s`).toBeLessThanOrEqual(2.5);
  });

  it('sets the fault scenario on its share of the requests, so the fault fires deep in the mesh', async () => {
    const summary = await loadJson('--scenario', 'backend-error', '--requests', '60');

    // backend-error rides on 1 request in 5: some fail, most do not (the odds of either count being
    // 0 are below 1 in 10,000).
    expect(summary.statusCodes['502']).toBeGreaterThan(0);
    expect(summary.statusCodes['502']).toBeLessThan(60);
    const [failed] = summary.errorTraces;
    expect(failed).toBeDefined();
    const spans = await waitForTrace(failed?.traceId ?? '', (all) => all.some((s) => s.service === 'backend'));
    expect(spans.find((s) => s.tags['lab.fault'] === 'backend-error')?.service).toBe('backend');
  });

  it('refuses an unreachable target with one line naming it and exit code 2', async () => {
    const target = `http://127.0.0.1:${await freePort()}`;
    const run = await load('--target', target, '--requests', '5');

    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`cannot reach the target ${target}: ECONNREFUSED (is the mesh up? npm run stack:up)\n`);
  });

  it('refuses a bad flag with one line naming it and exit code 2', async () => {
    expect(await load('--rate', 'fast')).toEqual({ code: 2, stdout: '', stderr: "--rate: 'fast' is not a whole number of at least 1\n" });
    expect(await load('--turbo')).toEqual({ code: 2, stdout: '', stderr: '--turbo: unknown option (see --help)\n' });
  });
});
