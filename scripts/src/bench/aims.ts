import type { AimResult, BenchReport } from './report.js';

// The targets, each judged on one figure of the run. The published numbers to beat: full
// auto-instrumentation has cut a Node HTTP server's throughput by up to 81% at saturation, a tuned
// Express set-up with a batch processor lost ~15%.

export const AIMS = {
  saturationLoss: 0.1, // at most 10% fewer requests a second at saturation, 100% sampling
  p50PerHopMs: 0.5, // at most +0.5 ms p50 per hop at the fixed rate, 100% sampling
  queryableP99Ms: 2_000,
  analysisMs: 50,
  explorerDrawMs: 1_000,
} as const;

export const FULL_SAMPLING = '100%';

export type AimId = 'saturation-loss' | 'p50-per-hop' | 'complete' | 'dropped' | 'queryable-p99' | 'analysis' | 'explorer-render';

export function judge(report: Omit<BenchReport, 'aims'>): AimResult[] {
  const full = report.overhead.configurations.find((c) => c.name === FULL_SAMPLING)?.vsOff;
  const { completeness: c, timeToQueryable: q, analysis, explorer } = report;
  const loss = full ? -full.saturationThroughputChange : Number.NaN;
  const perHop = full?.fixedRateP50DeltaPerHopMs ?? Number.NaN;
  return [
    {
      id: 'saturation-loss',
      aim: `throughput lost at saturation with 100% sampling, at most ${AIMS.saturationLoss * 100}%`,
      target: `loss ≤ ${AIMS.saturationLoss * 100}%`,
      value: Number.isNaN(loss) ? 'n/a' : `${(loss * 100).toFixed(1)}%`,
      met: loss <= AIMS.saturationLoss,
    },
    {
      id: 'p50-per-hop',
      aim: `p50 added per hop at the fixed rate with 100% sampling, at most ${AIMS.p50PerHopMs} ms`,
      target: `≤ +${AIMS.p50PerHopMs} ms/hop`,
      value: Number.isNaN(perHop) ? 'n/a' : `${perHop >= 0 ? '+' : ''}${perHop.toFixed(2)} ms`,
      met: perHop <= AIMS.p50PerHopMs,
    },
    { id: 'complete', aim: 'every order a complete trace in Jaeger', target: 'N/N', value: `${c.complete}/${c.total}`, met: c.complete === c.total },
    { id: 'dropped', aim: 'no span dropped by the SDKs', target: '0', value: String(c.droppedSpans), met: c.droppedSpans === 0 },
    {
      id: 'queryable-p99',
      aim: `time to queryable p99 under ${AIMS.queryableP99Ms / 1000} s`,
      target: `p99 < ${AIMS.queryableP99Ms / 1000} s`,
      value: q.p99Ms === null ? `over ${q.timeoutMs / 1000} s` : `${(q.p99Ms / 1000).toFixed(2)} s`,
      met: q.p99Ms !== null && q.p99Ms < AIMS.queryableP99Ms,
    },
    {
      id: 'analysis',
      aim: `analysis of a ${analysis.spans}-span trace under ${AIMS.analysisMs} ms`,
      target: `< ${AIMS.analysisMs} ms`,
      value: `${analysis.medianMs} ms`,
      met: analysis.medianMs < AIMS.analysisMs,
    },
    {
      id: 'explorer-render',
      aim: `a ${explorer.spans}-span trace drawn in the trace explorer under ${AIMS.explorerDrawMs / 1000} s`,
      target: `< ${AIMS.explorerDrawMs / 1000} s`,
      value: `${explorer.drawMs.median} ms`,
      met: explorer.drawMs.median < AIMS.explorerDrawMs,
    },
  ];
}
