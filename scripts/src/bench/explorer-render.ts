import { randomBytes } from 'node:crypto';
import { waitFor } from '@tracing-lab/checker/poll';
import { fetchJaeger, generateTrace, JaegerClient, percentile } from '@tracing-lab/trace-analysis';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../chromium.js';
import { LOOPBACK } from '../native-plan.js';
import { type Stack, service } from '../stack.js';
import { jaegerQueryUrl } from './mesh.js';
import { otlpExportRequests } from './otlp-trace.js';
import type { ExplorerPlan } from './plan.js';
import type { ExplorerRenderResult, Spread } from './report.js';

// Part 5: the trace explorer on a big trace, end to end. A generated trace is sent to the real Jaeger
// over OTLP, as the services send theirs, then opened at #/trace/<id> in headless Chromium, a fresh
// page each run. Timed in the page: from the waterfall's answer arriving to the first frame painted
// with every row (what drawing costs), and from navigation to that frame (what the learner waits).

// Spans per OTLP request: well under Jaeger's request size limit, like an SDK's batches.
const OTLP_BATCH = 1_000;
const QUERYABLE_WITHIN_MS = 60_000;
const PAINTED_WITHIN_MS = 60_000;

// Runs in the page before its own scripts: marks the first frame painted after the waterfall's rows
// are in the document (renderTrace puts them in at once).
const MARK_PAINT = `new MutationObserver((_, observer) => {
  if (!document.querySelector('.waterfall li.row')) return;
  observer.disconnect();
  requestAnimationFrame(() => setTimeout(() => { window.__waterfallPainted = performance.now(); }, 0));
}).observe(document, { childList: true, subtree: true });`;

export async function measureExplorerRender(plan: ExplorerPlan, stack: Stack, log: (line: string) => void): Promise<ExplorerRenderResult> {
  const traceId = randomBytes(16).toString('hex');
  await sendToJaeger(plan.spans, traceId, stack);
  const jaeger = new JaegerClient(fetchJaeger(jaegerQueryUrl(stack)));
  await waitFor(
    `all ${plan.spans} spans of trace ${traceId} in Jaeger`,
    async () => ((await jaeger.trace(traceId))?.spans.length === plan.spans ? true : undefined),
    { timeoutMs: QUERYABLE_WITHIN_MS, intervalMs: 500 },
  );
  const url = `http://${LOOPBACK}:${service(stack, 'trace-api').ports[0]}/ui#/trace/${traceId}`;
  const browser = await launchChromium();
  try {
    const runs: { drawMs: number; openMs: number }[] = [];
    for (let run = 1; run <= plan.runs; run++) {
      runs.push(await openOnce(browser, url, plan.spans));
      log(`  run ${run}: drawn in ${runs.at(-1)?.drawMs} ms, opened in ${runs.at(-1)?.openMs} ms`);
    }
    return { spans: plan.spans, runs: plan.runs, drawMs: spread(runs.map((r) => r.drawMs)), openMs: spread(runs.map((r) => r.openMs)) };
  } finally {
    await browser.close();
  }
}

// To the address the services export to (docker-compose.yml's OTEL_EXPORTER_OTLP_ENDPOINT).
async function sendToJaeger(spans: number, traceId: string, stack: Stack): Promise<void> {
  const endpoint = service(stack, 'frontend').env.OTEL_EXPORTER_OTLP_ENDPOINT;
  for (const body of otlpExportRequests(generateTrace(spans), traceId, Date.now(), OTLP_BATCH)) {
    const response = await fetch(`${endpoint}/v1/traces`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`Jaeger refused the generated trace's spans at ${endpoint}/v1/traces: HTTP ${response.status} ${await response.text()}`);
  }
}

async function openOnce(browser: Browser, url: string, spans: number): Promise<{ drawMs: number; openMs: number }> {
  const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
  try {
    await page.addInitScript(MARK_PAINT);
    await page.goto(url);
    await page.waitForFunction('window.__waterfallPainted !== undefined', null, { timeout: PAINTED_WITHIN_MS });
    const timing = await page.evaluate<{ painted: number; answered: number | undefined; rows: number }>(`({
      painted: window.__waterfallPainted,
      answered: performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('/waterfall'))?.responseEnd,
      rows: document.querySelectorAll('.waterfall li.row').length,
    })`);
    if (timing.rows !== spans || timing.answered === undefined) throw new Error(`the explorer drew ${timing.rows} rows of the ${spans}-span trace at ${url}`);
    return { drawMs: Math.round(timing.painted - timing.answered), openMs: Math.round(timing.painted) };
  } finally {
    await page.close();
  }
}

function spread(values: number[]): Spread {
  return { median: percentile(values, 50), min: Math.min(...values), max: Math.max(...values) };
}
