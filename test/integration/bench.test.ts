import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BenchReport, PriceListReport } from '@tracing-lab/scripts/bench/report';
import { loadStack, pidOf, service } from '@tracing-lab/scripts/stack';
import { runNodeCli } from './support/node-cli.js';

// `npm run bench -- --smoke --json`: every part of the benchmark with tiny amounts, on the running
// stack, so the benchmark cannot rot. The full run (about 15 minutes) is not part of any test run.

const BENCH_CLI = join(__dirname, '../../scripts/dist/bench.js');
// Five restarts of the four services take most of it.
const SMOKE_WITHIN_MS = 240_000;

// The OTEL_* variables of a running process (from /proc) or of a service's settings.
function otelEnvironment(from: number | undefined | Record<string, string>): Record<string, string> {
  const entries =
    typeof from === 'object'
      ? Object.entries(from)
      : readFileSync(`/proc/${from}/environ`, 'utf8')
          .split('\0')
          .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]);
  return Object.fromEntries(entries.filter(([key]) => key?.startsWith('OTEL_')).sort());
}

describe('npm run bench -- --smoke --json', () => {
  it(
    'measures every part, finds every trace complete, and leaves the services as docker-compose.yml sets them',
    async () => {
      const run = await runNodeCli(BENCH_CLI, ['--smoke', '--json']);
      expect(run.code, run.stderr).toBe(0);
      const report = JSON.parse(run.stdout) as BenchReport;

      expect(report.plan).toBe('smoke');
      expect(report.machine.cores).toBeGreaterThan(0);
      expect(report.overhead.configurations.map((c) => c.name)).toEqual(['off', '100%', '10%', '0%']);
      for (const configuration of report.overhead.configurations) {
        for (const phase of [configuration.fixedRate, configuration.saturation]) {
          expect(phase.requests).toBeGreaterThan(0);
          expect(phase.latencyMs?.p50).toBeGreaterThan(0);
          expect(Object.keys(phase.cpuPercent).sort()).toEqual(['backend', 'database', 'frontend', 'jaeger', 'notifier']);
        }
        expect(Object.keys(configuration.peakRssMb).sort()).toEqual(['backend', 'database', 'frontend', 'notifier']);
        expect(configuration.vsOff === null).toBe(configuration.name === 'off');
      }

      const { completeness, timeToQueryable, analysis, explorer } = report;
      expect(completeness.total).toBeGreaterThan(0);
      expect(`${completeness.complete}/${completeness.total}`).toBe(`${completeness.total}/${completeness.total}`);
      expect(completeness.droppedSpans).toBe(0);
      expect(completeness.spansPerSecond).toBeGreaterThan(0);
      expect(timeToQueryable.followed).toBe(completeness.total);
      expect(timeToQueryable.queryable).toBe(timeToQueryable.followed);
      expect(timeToQueryable.p99Ms).toBeGreaterThan(0);
      expect(analysis.medianMs).toBeGreaterThan(0);
      // Sent to Jaeger, read back through the Tracing API, every row drawn in Chromium.
      expect(explorer).toMatchObject({ spans: 500, runs: 1 });
      expect(explorer.drawMs.median).toBeGreaterThan(0);
      expect(explorer.openMs.median).toBeGreaterThan(explorer.drawMs.median);
      expect(report.aims.map((aim) => aim.id)).toEqual(['saturation-loss', 'p50-per-hop', 'complete', 'dropped', 'queryable-p99', 'analysis', 'explorer-render']);

      expectComposeSettings();
    },
    SMOKE_WITHIN_MS,
  );

  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)(
    'stopped with %s while the mesh runs with tracing off, restores the services and exits %i',
    async (signal, code) => {
      // The first configuration is tracing off; its fixed-rate phase starts once the mesh restarted with it.
      const run = await runNodeCli(BENCH_CLI, ['--smoke', '--json'], {
        signalWhen: { stderr: /tracing off[^\n]*\n(.*\n)*.*fixed rate:/, signal },
      });
      expect(run.code, run.stderr).toBe(code);
      expect(run.stderr).toContain(`bench: ${signal}, stopping; restoring the services first`);
      expectComposeSettings();
    },
    SMOKE_WITHIN_MS,
  );
});

describe('npm run bench -- --price-list --smoke --json', () => {
  it(
    'prices each instrumentation and the export against everything on, and one span in a process',
    async () => {
      const run = await runNodeCli(BENCH_CLI, ['--price-list', '--smoke', '--json']);
      expect(run.code, run.stderr).toBe(0);
      const report = JSON.parse(run.stdout) as PriceListReport;

      expect(report.overhead.configurations.map((c) => c.name)).toEqual([
        'off',
        'all on',
        'without http',
        'without express',
        'without pg',
        'without amqplib',
        'without pino',
        'without OTLP export',
      ]);
      for (const configuration of report.overhead.configurations) {
        expect(configuration.saturation.requests, configuration.name).toBeGreaterThan(0);
        expect(configuration.saturation.failed, configuration.name).toBe(0);
      }
      expect(report.parts.map((p) => p.part)).toEqual(['http', 'express', 'pg', 'amqplib', 'pino', 'OTLP export']);
      for (const part of report.parts) expect(Number.isFinite(part.cpuMsPerRequest), part.part).toBe(true);
      // The SDK does the work of a span whatever the noise of a tiny run; our processors add to it.
      const { createdMicros, encodedMicros } = report.spanCosts;
      expect(createdMicros.sdk).toBeGreaterThan(0);
      expect(createdMicros.mesh).toBeGreaterThan(0);
      expect(encodedMicros.json).toBeGreaterThan(0);
      expect(encodedMicros.protobuf).toBeGreaterThan(0);
      expect(report.published.startSpan).toBeGreaterThan(0);

      expectComposeSettings();
    },
    SMOKE_WITHIN_MS,
  );
});

// Restored: each service runs with exactly the OTEL_* settings docker-compose.yml gives it.
function expectComposeSettings(): void {
  const stack = loadStack();
  for (const name of ['frontend', 'backend', 'database', 'notifier']) {
    expect(otelEnvironment(pidOf(stack, name)), name).toEqual(otelEnvironment(service(stack, name).env));
  }
}
