import type { PriceListReport } from './report.js';
import { renderTextTable, type TableRow } from './text-table.js';
import { fixed, known, signed, signedPercent } from './format.js';

// The price list as a table: what each part of tracing costs at saturation, then the price of one
// span in a process, beside the OpenTelemetry JS project's own published figures.

const COLUMNS = ['CPU ms per request', 'share of tracing', 'req/s at saturation', 'p50 at fixed rate'];

export function renderPriceList(report: PriceListReport): string {
  const { machine, overhead, tracing, spanCosts, published } = report;
  const configurations: TableRow[] = overhead.configurations.map((c) => ({
    label: `${c.name} (${c.description})`,
    values: [fixed(c.saturation.cpuMsPerRequest, 2), '', fixed(c.saturation.throughput, 1), c.fixedRate.latencyMs ? `${fixed(c.fixedRate.latencyMs.p50, 2)} ms` : 'n/a'],
  }));
  const parts: TableRow[] = [
    {
      label: 'all of tracing (all on against off)',
      values: [fixed(tracing.cpuMsPerRequest, 3), '100%', `${signedPercent(-tracing.throughputLoss)}`, ms(tracing.p50Ms)],
    },
    ...[...report.parts]
      .sort((a, b) => b.cpuMsPerRequest - a.cpuMsPerRequest)
      .map((p) => ({ label: p.part, values: [fixed(p.cpuMsPerRequest, 3), share(p.shareOfTracing), signedPercent(p.throughputGain), ms(p.p50Ms)] })),
  ];
  const created = spanCosts.createdMicros;
  const span: TableRow[] = [
    { label: 'started and ended, SDK and batch processor', values: `${fixed(created.sdk, 2)} µs` },
    { label: 'our baggage span processor adds', values: `${signed(created.withBaggage - created.sdk)} µs` },
    { label: 'our redaction span processor adds', values: `${signed(created.withRedaction - created.sdk)} µs` },
    { label: 'with the mesh\'s processors, all together', values: `${fixed(created.mesh, 2)} µs` },
    { label: 'encoded for OTLP/HTTP as protobuf (what we send)', values: `${fixed(spanCosts.encodedMicros.protobuf, 2)} µs` },
    { label: 'encoded as JSON', values: `${fixed(spanCosts.encodedMicros.json, 2)} µs` },
    { label: 'published: startSpan, no attributes', values: `${fixed(published.startSpan, 2)} µs` },
    { label: 'published: startSpan with 30 attributes', values: `${fixed(published.startSpanWith30Attributes, 2)} µs` },
  ];
  const heading =
    `Tracing Lab price list (${report.plan} run, ${report.startedAt}, ${Math.round(report.durationSeconds)} s)\n` +
    `Machine: ${machine.cores} cores (nproc ${machine.nproc}), ${machine.cpuModel}, Node ${machine.node}\n\n`;
  return (
    heading +
    renderTextTable(COLUMNS, [
      {
        title: `The configurations: ${overhead.scenario}, saturation ${overhead.saturation.concurrency} connections ${overhead.saturation.durationSeconds} s, fixed rate ${overhead.fixedRate.rate} req/s, ${overhead.rounds} round(s) in turns`,
        rows: configurations,
      },
      { title: 'What each part costs: what switching it off alone gives back (CPU of the four services)', rows: parts },
      {
        title: `One span in a process: ${spanCosts.attributes} attributes, like an HTTP server span (${spanCosts.spans.toLocaleString('en-US')} per round; published: ${published.source})`,
        rows: span,
      },
    ])
  );
}

function share(fraction: number): string {
  return known(fraction) ? `${Math.round(fraction * 100)}%` : 'n/a';
}

function ms(value: number | null): string {
  return known(value) ? `${signed(value)} ms` : 'n/a';
}
