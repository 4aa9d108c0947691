import type { LoadSummary, SampleTrace } from './summary.js';

// The end-of-run summary as a learner reads it on a terminal: the numbers, then trace links to
// follow into Jaeger.

// Below this share of the asked rate, the summary says the mesh (or the connections) fell behind.
const KEPT_UP_SHARE = 0.95;

export function renderSummary(summary: LoadSummary): string {
  const { latencyMs: latency } = summary;
  const rows: [string, string][] = [
    ['requests', String(summary.requests)],
    ['achieved rate', `${summary.achievedRate.toFixed(1)} req/s${summary.asked.rate === null ? '' : ` (asked ${summary.asked.rate})`}`],
    ['status codes', Object.entries(summary.statusCodes).map(([status, count]) => `${status}: ${count}`).join('   ') || 'none'],
    ['connection errors', `${summary.errors}${summary.timeouts ? ` (${summary.timeouts} timeouts)` : ''}`],
    ['latency', latency ? `p50 ${ms(latency.p50)}   p95 ${ms(latency.p95)}   p99 ${ms(latency.p99)}   max ${ms(latency.max)}` : 'no responses'],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = [
    `${summary.scenario} against ${summary.target}: ${summary.requests} requests in ${summary.durationSeconds.toFixed(1)} s${summary.interrupted ? ' (interrupted)' : ''}`,
    '',
    ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`),
  ];
  if (fellBehind(summary)) {
    lines.push('', `The run fell behind --rate ${summary.asked.rate}: raise --concurrency, or the mesh is the bottleneck (find it in Jaeger).`);
  }
  lines.push(...traceSection('Sample traces, open in Jaeger:', summary.traces));
  lines.push(...traceSection('Traces of error responses:', summary.errorTraces));
  return `${lines.join('\n')}\n`;
}

function traceSection(title: string, traces: SampleTrace[]): string[] {
  if (traces.length === 0) return [];
  const width = Math.max(...traces.map((trace) => trace.request.length));
  return ['', title, ...traces.map((trace) => `  ${trace.status}  ${trace.request.padEnd(width)}  ${trace.traceId}  ${trace.jaegerUrl}`)];
}

// Only a timed run can fall behind: a counted one may end inside its last second, so its average
// says nothing about whether the rate held.
function fellBehind({ asked, achievedRate, interrupted }: LoadSummary): boolean {
  return asked.rate !== null && asked.durationSeconds !== null && !interrupted && achievedRate < asked.rate * KEPT_UP_SHARE;
}

function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}
