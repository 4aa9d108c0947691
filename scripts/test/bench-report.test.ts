import { describe, expect, it } from 'vitest';
import { judge } from '../src/bench/aims.js';
import { renderReport } from '../src/bench/render-report.js';
import type { BenchReport, ConfigurationResult } from '../src/bench/report.js';

// A full run's report, as the aims and the table see it; each test changes what it is about.

const configuration = (name: string, throughput: number, p50: number, vsOff: ConfigurationResult['vsOff']): ConfigurationResult => ({
  name,
  description: name,
  env: {},
  fixedRate: { requests: 750, throughput: 25, latencyMs: { p50, p99: 40 }, failed: 0, cpuPercent: { frontend: 10, jaeger: 1 }, loadGeneratorCpuPercent: 3, otherCpuPercent: 2, cpuMsPerRequest: 4 },
  saturation: { requests: throughput * 30, throughput, latencyMs: { p50: 60, p99: 150 }, failed: 0, cpuPercent: { frontend: 45, jaeger: 2 }, loadGeneratorCpuPercent: 20, otherCpuPercent: 9, cpuMsPerRequest: 11 },
  peakRssMb: { frontend: 130, backend: 140, database: 150, notifier: 135 },
  restartedDuringRun: [],
  vsOff,
});

const versus = (change: number, p50Delta: number): ConfigurationResult['vsOff'] => ({
  fixedRateP50DeltaMs: p50Delta,
  fixedRateP50DeltaPerHopMs: Math.round((p50Delta / 3) * 100) / 100,
  fixedRateP99DeltaMs: 2,
  saturationThroughputChange: change,
  saturationCpuPerRequestRatio: 1.2,
  peakRssRatio: { frontend: 1.05, backend: 1.04, database: 1.2, notifier: 1.03 },
});

function sampleReport(): BenchReport {
  return {
    plan: 'full',
    startedAt: '2026-11-23T13:00:00.000Z',
    durationSeconds: 612.4,
    machine: { cores: 2, nproc: 2, cpuModel: 'AMD EPYC 7B13', node: 'v24.21.0' },
    overhead: {
      scenario: 'mixed',
      rounds: 2,
      fixedRate: { rate: 25, concurrency: 1, durationSeconds: 30 },
      saturation: { concurrency: 10, durationSeconds: 30 },
      hops: 3,
      configurations: [
        configuration('off', 160, 14, null),
        configuration('100%', 147.2, 15.2, versus(-0.08, 1.2)),
        configuration('10%', 158, 14.5, versus(-0.0125, 0.5)),
        configuration('0%', 159, 14.4, versus(-0.00625, 0.4)),
      ],
    },
    completeness: {
      scenario: 'order',
      asked: { requests: 10_000, rate: 60, concurrency: 6 },
      answered: 10_000,
      statusCodes: { '201': 10_000 },
      durationSeconds: 166.7,
      achievedRate: 60,
      complete: 10_000,
      total: 10_000,
      spans: 291_000,
      spansPerSecond: 1_746,
      exportedSpans: 295_120,
      droppedSpans: 0,
      droppedBy: {},
      restartedDuringRun: [],
      missing: {},
      incompleteSample: [],
    },
    timeToQueryable: { followed: 500, queryable: 500, timeoutMs: 30_000, p50Ms: 702, p99Ms: 1_431, maxMs: 1_702 },
    analysis: { spans: 10_000, runs: 20, medianMs: 46.2, minMs: 44.1, maxMs: 51.9 },
    explorer: { spans: 10_000, runs: 5, drawMs: { median: 612, min: 580, max: 700 }, openMs: { median: 1_480, min: 1_400, max: 1_650 } },
    aims: [],
  };
}

describe("the issue's aims", () => {
  it('are judged on the run, each with its figure', () => {
    expect(judge(sampleReport()).map(({ id, value, met }) => `${id}: ${value} ${met ? 'met' : 'missed'}`)).toEqual([
      'saturation-loss: 8.0% met',
      'p50-per-hop: +0.40 ms met',
      'complete: 10000/10000 met',
      'dropped: 0 met',
      'queryable-p99: 1.43 s met',
      'analysis: 46.2 ms met',
      'explorer-render: 612 ms met',
    ]);
  });

  it('are missed when a trace is lost or one never became queryable', () => {
    const report = sampleReport();
    report.completeness.complete = 9_998;
    report.timeToQueryable.p99Ms = null;
    const missed = judge(report).filter((aim) => !aim.met).map((aim) => `${aim.id}: ${aim.value}`);
    expect(missed).toEqual(['complete: 9998/10000', 'queryable-p99: over 30 s']);
  });
});

describe('the table', () => {
  it('shows every part, the overhead side by side against tracing off, the aims judged in the last column', () => {
    const report = sampleReport();
    const text = renderReport({ ...report, aims: judge(report) });
    const lines = text.split('\n');
    expect(lines[0]).toBe('Tracing Lab benchmark (full run, 2026-11-23T13:00:00.000Z, 612 s)');
    expect(lines[1]).toBe('Machine: 2 cores (nproc 2), AMD EPYC 7B13, Node v24.21.0');
    expect(lines[3]).toMatch(/^ +tracing off +100% sampled +10% sampled +0% sampled +aim$/);
    const row = (label: string) => lines.find((line) => line.startsWith(`  ${label} `))?.trim().replace(/ {2,}/g, ' | ');
    expect(row('p50 added per hop (3 hops, ms)')).toBe('p50 added per hop (3 hops, ms) | – | +0.40 | +0.17 | +0.13 | ≤ +0.5 ms/hop: met');
    expect(lines.filter((line) => line.startsWith('  throughput (req/s)'))[1]?.trim().replace(/ {2,}/g, ' | ')).toBe(
      'throughput (req/s) | 160.0 | 147.2 (-8.0%) | 158.0 (-1.3%) | 159.0 (-0.6%) | loss ≤ 10%: met',
    );
    expect(row('CPU jaeger (% of a core)')).toBe('CPU jaeger (% of a core) | 1 | 1 | 1 | 1');
    expect(row('CPU everything else (% of a core)')).toBe('CPU everything else (% of a core) | 2 | 2 | 2 | 2');
    expect(lines).toContain('1a. Overhead at a fixed rate: mixed, 25 req/s over 1 connection, 2 × 30 s each, in turns');
    expect(row('database (MB)')).toBe('database (MB) | 150 | 150 (×1.20) | 150 (×1.20) | 150 (×1.20)');
    expect(row('complete traces in Jaeger')).toBe('complete traces in Jaeger | 10000/10000 | N/N: met');
    expect(row('spans in those traces')).toBe('spans in those traces | 291,000, 1,746 spans/s');
    expect(row('dropped spans (/health)')).toBe('dropped spans (/health) | 0, 295,120 exported | 0: met');
    expect(row('p50 / p99 / max')).toBe('p50 / p99 / max | 0.70 s / 1.43 s / 1.70 s | p99 < 2 s: met');
    expect(row('median (min–max)')).toBe('median (min–max) | 46.2 ms (44.1–51.9) | < 50 ms: met');
    expect(lines).toContain('5. The trace explorer: a generated 10,000-span trace sent to Jaeger over OTLP, opened in headless Chromium, 5 runs');
    expect(row('drawn: answer to painted, median (min–max)')).toBe('drawn: answer to painted, median (min–max) | 612 ms (580–700) | < 1 s: met');
    expect(row('opened: navigation to painted')).toBe('opened: navigation to painted | 1480 ms (1400–1650)');
  });

  it('says what the incomplete traces lack and who restarted under the run', () => {
    const report = sampleReport();
    report.completeness.complete = 9_997;
    report.completeness.missing = { 'span notifier(client) notification.send': 2, 'not in Jaeger': 1 };
    report.completeness.restartedDuringRun = ['notifier'];
    const text = renderReport({ ...report, aims: judge(report) });
    expect(text).toMatch(/\n {2}incomplete traces lack +2× span notifier\(client\) notification\.send; 1× not in Jaeger\n/);
    expect(text).toContain('N/N: MISSED');
    expect(text).toContain('note: notifier restarted during the completeness run; dropped spans count only since');
  });
});
