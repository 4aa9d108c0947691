import type { AimResult, BenchReport, ConfigurationResult, PhaseResult, Spread } from './report.js';
import { renderTextTable, type TableRow, type TableSection } from './text-table.js';
import { fixed, known, signed, signedPercent } from './format.js';

// The one table `npm run bench` prints: the parts of the issues, the overhead side by side per
// tracing configuration with its change against tracing off, the aims judged in the last column.

const MESH = ['frontend', 'backend', 'database', 'notifier'];

export function renderReport(report: BenchReport): string {
  const { machine, overhead } = report;
  const configs = overhead.configurations;
  const columns = configs.map((c) => (c.name === 'off' ? 'tracing off' : `${c.name} sampled`));
  const aim = aimCell(report.aims);
  const sections: TableSection[] = [
    {
      title: `1a. Overhead at a fixed rate: ${overhead.scenario}, ${overhead.fixedRate.rate} req/s over ${connections(overhead.fixedRate.concurrency)}, ${each(overhead.fixedRate.durationSeconds, overhead.rounds)}`,
      rows: [
        perConfig(configs, 'throughput (req/s)', (c) => fixed(c.fixedRate.throughput, 1)),
        perConfig(configs, 'p50 latency (ms)', (c) => withDelta(c.fixedRate.latencyMs?.p50, c.vsOff?.fixedRateP50DeltaMs)),
        { ...perConfig(configs, `p50 added per hop (${overhead.hops} hops, ms)`, (c) => (c.vsOff ? signed(c.vsOff.fixedRateP50DeltaPerHopMs) : '–')), aim: aim('p50-per-hop') },
        perConfig(configs, 'p99 latency (ms)', (c) => withDelta(c.fixedRate.latencyMs?.p99, c.vsOff?.fixedRateP99DeltaMs)),
        ...cpuRows(configs, (c) => c.fixedRate),
        perConfig(configs, 'failed requests', (c) => String(c.fixedRate.failed)),
      ],
    },
    {
      title: `1b. Overhead at saturation: ${overhead.scenario}, ${connections(overhead.saturation.concurrency)} as fast as answered, ${each(overhead.saturation.durationSeconds, overhead.rounds)}`,
      rows: [
        {
          ...perConfig(configs, 'throughput (req/s)', (c) => `${fixed(c.saturation.throughput, 1)}${c.vsOff ? ` (${signedPercent(c.vsOff.saturationThroughputChange)})` : ''}`),
          aim: aim('saturation-loss'),
        },
        perConfig(configs, 'p50 / p99 latency (ms)', (c) => (c.saturation.latencyMs ? `${fixed(c.saturation.latencyMs.p50, 1)} / ${fixed(c.saturation.latencyMs.p99, 1)}` : 'n/a')),
        perConfig(configs, 'CPU per request, 4 services (ms)', (c) => `${fixed(c.saturation.cpuMsPerRequest, 2)}${c.vsOff ? ` (${times(c.vsOff.saturationCpuPerRequestRatio)})` : ''}`),
        ...cpuRows(configs, (c) => c.saturation),
        perConfig(configs, 'failed requests', (c) => String(c.saturation.failed)),
      ],
    },
    {
      title: '1c. Peak memory (VmHWM) of each service, the highest of its configuration\'s rounds',
      rows: MESH.map((name) =>
        perConfig(configs, `${name} (MB)`, (c) => `${fixed(c.peakRssMb[name], 0)}${c.vsOff ? ` (${times(c.vsOff.peakRssRatio[name])})` : ''}`),
      ),
    },
    completenessSection(report, aim),
    queryableSection(report, aim),
    {
      title: `4. Analysis speed: the Tracing API's analysis of a generated ${report.analysis.spans.toLocaleString('en-US')}-span trace, ${report.analysis.runs} runs`,
      rows: [{ label: 'median (min–max)', values: `${report.analysis.medianMs} ms (${report.analysis.minMs}–${report.analysis.maxMs})`, aim: aim('analysis') }],
    },
    {
      title: `5. The trace explorer: a generated ${report.explorer.spans.toLocaleString('en-US')}-span trace sent to Jaeger over OTLP, opened in headless Chromium, ${report.explorer.runs} runs`,
      rows: [
        { label: 'drawn: answer to painted, median (min–max)', values: spreadMs(report.explorer.drawMs), aim: aim('explorer-render') },
        { label: 'opened: navigation to painted', values: spreadMs(report.explorer.openMs) },
      ],
    },
  ];
  const heading =
    `Tracing Lab benchmark (${report.plan} run, ${report.startedAt}, ${Math.round(report.durationSeconds)} s)\n` +
    `Machine: ${machine.cores} cores (nproc ${machine.nproc}), ${machine.cpuModel}, Node ${machine.node}\n\n`;
  return `${heading}${renderTextTable(columns, sections)}${notes(report)}`;
}

function spreadMs({ median, min, max }: Spread): string {
  return `${median} ms (${min}–${max})`;
}

function completenessSection(report: BenchReport, aim: (id: string) => string): TableSection {
  const c = report.completeness;
  const rows: TableRow[] = [
    { label: 'complete traces in Jaeger', values: `${c.complete}/${c.total}`, aim: aim('complete') },
    {
      label: 'answered',
      values: `${c.answered} (${Object.entries(c.statusCodes).map(([status, n]) => `${status}: ${n}`).join(', ') || 'none'}) at ${fixed(c.achievedRate, 1)} req/s over ${fixed(c.durationSeconds, 1)} s`,
    },
    { label: 'spans in those traces', values: `${c.spans.toLocaleString('en-US')}, ${Math.round(c.spansPerSecond).toLocaleString('en-US')} spans/s` },
    { label: 'dropped spans (/health)', values: `${c.droppedSpans}${dropReasons(c.droppedBy)}, ${c.exportedSpans.toLocaleString('en-US')} exported`, aim: aim('dropped') },
  ];
  const missing = Object.entries(c.missing).sort((a, b) => b[1] - a[1]);
  if (missing.length) rows.push({ label: 'incomplete traces lack', values: missing.slice(0, 3).map(([what, n]) => `${n}× ${what}`).join('; ') });
  return {
    title: `2. Completeness under load: ${c.scenario}, ${c.asked.requests.toLocaleString('en-US')} requests at ${c.asked.rate} req/s, every trace id looked up in Jaeger`,
    rows,
  };
}

function queryableSection(report: BenchReport, aim: (id: string) => string): TableSection {
  const q = report.timeToQueryable;
  const seconds = (ms: number | null) => (ms === null ? `over ${q.timeoutMs / 1000} s` : `${(ms / 1000).toFixed(2)} s`);
  return {
    title: `3. Time to queryable: response end to complete trace from Jaeger's API, ${q.followed} of the orders above`,
    rows: [
      { label: 'p50 / p99 / max', values: `${seconds(q.p50Ms)} / ${seconds(q.p99Ms)} / ${seconds(q.maxMs)}`, aim: aim('queryable-p99') },
      ...(q.queryable < q.followed ? [{ label: 'not queryable in time', values: `${q.followed - q.queryable} of ${q.followed}` }] : []),
    ],
  };
}

function cpuRows(configs: ConfigurationResult[], phase: (c: ConfigurationResult) => PhaseResult): TableRow[] {
  const names = Object.keys(phase(configs[0] as ConfigurationResult).cpuPercent);
  return [
    ...names.map((name) => perConfig(configs, `CPU ${name} (% of a core)`, (c) => fixed(phase(c).cpuPercent[name], 0))),
    perConfig(configs, 'CPU load generator (% of a core)', (c) => fixed(phase(c).loadGeneratorCpuPercent, 0)),
    perConfig(configs, 'CPU everything else (% of a core)', (c) => fixed(phase(c).otherCpuPercent, 0)),
  ];
}

function perConfig(configs: ConfigurationResult[], label: string, cell: (c: ConfigurationResult) => string): TableRow {
  return { label, values: configs.map(cell) };
}

function aimCell(aims: AimResult[]): (id: string) => string {
  return (id) => {
    const found = aims.find((a) => a.id === id);
    return found ? `${found.target}: ${found.met ? 'met' : 'MISSED'}` : '';
  };
}

function notes(report: BenchReport): string {
  const lines = report.overhead.configurations
    .filter((c) => c.restartedDuringRun.length)
    .map((c) => `note: ${c.restartedDuringRun.join(', ')} restarted by someone else during the ${c.name} runs; its figures mix two processes`);
  if (report.completeness.restartedDuringRun.length) {
    lines.push(`note: ${report.completeness.restartedDuringRun.join(', ')} restarted during the completeness run; dropped spans count only since`);
  }
  return lines.length ? `\n${lines.join('\n')}\n` : '';
}

function withDelta(value: number | undefined, delta: number | undefined): string {
  if (value === undefined) return 'n/a';
  return delta === undefined ? fixed(value, 1) : `${fixed(value, 1)} (${signed(delta)})`;
}

function each(seconds: number, rounds: number): string {
  return rounds === 1 ? `${seconds} s each` : `${rounds} × ${seconds} s each, in turns`;
}

function connections(count: number): string {
  return `${count} connection${count === 1 ? '' : 's'}`;
}

function times(ratio: number | undefined): string {
  return known(ratio) ? `×${ratio.toFixed(2)}` : 'n/a';
}

function dropReasons(droppedBy: Record<string, number>): string {
  const reasons = Object.entries(droppedBy);
  return reasons.length ? ` (${reasons.map(([why, n]) => `${why}: ${n}`).join(', ')})` : '';
}
