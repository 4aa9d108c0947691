// The callbacks given to page.evaluate run in the page: they are typed against the DOM.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { randomBytes } from 'node:crypto';
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from '@tracing-lab/checker/poll';
import { generateTrace } from '@tracing-lab/trace-analysis';
import type { Waterfall } from '@tracing-lab/trace-api/explorer/waterfall-model';
import { waterfall } from '@tracing-lab/trace-api/waterfall';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { pagePerTest, SCREENSHOTS } from './support/browser.js';
import { labPaths } from '@tracing-lab/scripts/lab/lab-state';
import { down, loadStack, REPO_ROOT, up } from '@tracing-lab/scripts/stack';
import { waitForTrace } from './support/jaeger.js';
import { createOrder } from './support/mesh.js';
import { wholeOrderTrace } from './support/order-trace.js';

// The trace explorer (GET /ui on the Tracing API) in a real headless Chromium, against the running
// mesh: a slow-db order read as a waterfall, compared with a healthy one, by keyboard, and what the
// page says when the input is bad or Jaeger is down. Its screenshots are the ones
// docs/reading-traces.md shows (see support/browser.ts).

const TRACE_API = 'http://127.0.0.1:3000';
const stack = loadStack();
const MESH_SERVICES = ['backend', 'database', 'frontend', 'notifier'];

let page: Page;
pagePerTest((opened) => (page = opened));
let slow: string;
let healthy: string;
// The slow-db SELECT in the order request (slow-db sleeps once more in the notifier, after the response).
let slowQuery: { spanId: string; percentage: number };
beforeAll(async () => {
  // Other suites restart the frontend: an order refused while it starts is sent again.
  const order = (headers?: Record<string, string>) => waitFor('the frontend to take an order', () => createOrder(headers), { timeoutMs: 30_000, intervalMs: 500 });
  const orders = await Promise.all([order({ baggage: 'lab.scenario=slow-db' }), order()]);
  [slow, healthy] = orders.map((order) => order.traceId) as [string, string];
  await Promise.all([waitForTrace(slow, wholeOrderTrace), waitForTrace(healthy, wholeOrderTrace)]);
  const model = (await (await fetch(`${TRACE_API}/traces/${slow}/waterfall`)).json()) as Waterfall;
  const byId = new Map(model.spans.map((span) => [span.spanId, span]));
  const inOrderRequest = (spanId: string) => {
    for (let span = byId.get(spanId); span; span = byId.get(span.parentSpanId ?? '')) if (span.operation === 'POST /db/orders') return true;
    return false;
  };
  const found = model.analysis.bottlenecks.find((bottleneck) => inOrderRequest(bottleneck.spanId));
  if (!found) throw new Error(`no bottleneck under POST /db/orders in the slow-db trace ${slow}`);
  slowQuery = found;
});

async function open(hash: string, ready: string): Promise<void> {
  await page.goto(`${TRACE_API}/ui${hash}`);
  await page.locator(ready).first().waitFor({ timeout: 30_000 });
}

const focused = () =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement;
    return { tag: element.tagName, text: (element.textContent ?? '').trim(), id: element.id, spanId: element.closest<HTMLElement>('li.row')?.dataset.spanId ?? null };
  });

describe('the trace explorer', () => {
  it('shows a slow-db order as a waterfall: every service, the critical path marked, the slow SQL query the top bottleneck', async () => {
    await open(`#/trace/${slow}`, '.waterfall li.row');
    const rows = page.locator('.waterfall li.row');
    const services = await rows.evaluateAll((items) => [...new Set(items.map((item) => (item as HTMLElement).dataset.service))].sort());
    expect(services).toEqual(MESH_SERVICES);
    expect(await rows.count()).toBe(await page.evaluate((id) => fetch(`/traces/${id}`).then((r) => r.json()).then((t: { spans: unknown[] }) => t.spans.length + 1), slow));

    // The request waited on the database; the notifier's work after the response is off the path.
    expect(await rows.first().getAttribute('data-critical')).toBe('true');
    expect(await page.locator('li.row[data-service="database"]', { hasText: 'POST /db/orders' }).getAttribute('data-critical')).toBe('true');
    expect(await page.locator('li.row[data-critical] .cp-piece').count()).toBeGreaterThan(0);
    expect(await page.locator('li.row[data-service="notifier"]:not([data-critical])').count()).toBeGreaterThan(0);
    expect(await page.locator(`li.row[data-span-id="${slowQuery.spanId}"]`).getAttribute('data-bottleneck')).toBe(String(slowQuery.percentage));

    const top = page.locator('.bottlenecks li').first();
    expect(await top.locator('button').textContent()).toBe('database:pg.query:SELECT lab');
    expect(await top.locator('.query').textContent()).toMatch(/^SELECT pg_sleep/);

    // The top bottleneck's details: its query text among the attributes, and the URL names the span.
    await page.locator(`.bottlenecks li[data-span-id="${slowQuery.spanId}"] button`).click();
    await expect.poll(() => page.locator('#details-heading').textContent()).toBe('database pg.query:SELECT lab');
    expect(await page.locator('.details table.kv').first().textContent()).toContain('SELECT pg_sleep');
    expect(new URL(page.url()).hash).toBe(`#/trace/${slow}?span=${slowQuery.spanId}`);
    await page.screenshot({ path: join(SCREENSHOTS, 'explorer-trace.png') });
  });

  it('opens a span from a deep link, as Jaeger UI links each trace to the explorer', async () => {
    await open(`#/trace/${slow}?span=${slowQuery.spanId}`, '.details h3');
    expect(await page.locator('li.row.selected').getAttribute('data-span-id')).toBe(slowQuery.spanId);
  });

  it('compares the slow-db trace with a healthy one: the SELECT under the order handler got slower', async () => {
    await open(`#/compare/${healthy}/${slow}`, '.side-by-side .waterfall');
    const firstSlower = page.locator('.changes.slower tbody tr').first();
    expect(await firstSlower.locator('a').getAttribute('title')).toMatch(/database:request handler > database:pg\.query:SELECT lab$/);
    // slow-db slows a SELECT in every database request of the trace (the order's, the notifier's):
    // the one the comparison pairs with the healthy trace's is marked in B.
    const markedInB = page.locator('.side-by-side .side').nth(1).locator('li.row.slower');
    expect(await markedInB.count()).toBeGreaterThan(0);
    expect(await markedInB.allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('pg.query:SELECT lab')]));
    expect(await page.locator('.summary strong').textContent()).toMatch(/^\+/);
    await page.screenshot({ path: join(SCREENSHOTS, 'explorer-compare.png'), fullPage: true });
  });

  it('works by keyboard: Tab reaches the findings then the waterfall, arrows move between spans, Enter opens one, Escape returns', async () => {
    await open(`#/trace/${slow}`, '.waterfall li.row');
    const order: string[] = [];
    for (let i = 0; i < 40 && !(await focused()).spanId; i++) {
      await page.keyboard.press('Tab');
      const now = await focused();
      order.push(now.spanId ? 'span' : `${now.tag}:${now.text || now.id}`);
    }
    expect(order.slice(0, 4)).toEqual(['A:Traces of the same operation', 'A:The analysis as JSON', 'INPUT:compare-with', 'BUTTON:Compare']);
    expect(order[4]).toBe('BUTTON:database:pg.query:SELECT lab');
    expect(order.at(-1)).toBe('span');
    const ids = await page.locator('.waterfall li.row').evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.spanId));
    expect((await focused()).spanId).toBe(ids[0]);

    await page.keyboard.press('ArrowDown');
    expect((await focused()).spanId).toBe(ids[1]);
    await page.keyboard.press('End');
    expect((await focused()).spanId).toBe(ids.at(-1));
    await page.keyboard.press('Home');
    expect((await focused()).spanId).toBe(ids[0]);
    for (let i = 0; i < ids.length && (await focused()).spanId !== slowQuery.spanId; i++) await page.keyboard.press('ArrowDown');

    await page.keyboard.press('Enter');
    expect(await focused()).toMatchObject({ tag: 'H3', id: 'details-heading', text: 'database pg.query:SELECT lab' });
    await page.keyboard.press('Escape');
    expect((await focused()).spanId).toBe(slowQuery.spanId);
  });

  it('finds the slow-db order by its lab.scenario tag', async () => {
    await open('#/search?tags=lab.scenario%3Dslow-db&lookback=15', 'table.traces');
    const listed = await page.locator('table.traces tbody tr').evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.traceId));
    expect(listed).toContain(slow);
    expect(listed).not.toContain(healthy);
    expect(await page.inputValue('#search-tags')).toBe('lab.scenario=slow-db');
    await page.screenshot({ path: join(SCREENSHOTS, 'explorer-search.png') });
  });

  it.each([
    ['#/search?minDuration=soon', 'minDuration', "Bad input: 'minDuration' must be a duration in ms."],
    ['#/search?tags=lab.scenario', 'tags', "Bad input: 'tags' must be key=value pairs separated by spaces, e.g. 'lab.scenario=slow-db'."],
  ])('answers the malformed search %s with the message of the 400 and the field marked', async (hash, field, message) => {
    await open(hash, '[role=alert]');
    expect(await page.locator('[role=alert]').textContent()).toBe(message);
    expect(await page.getAttribute(`#search-${field}`, 'aria-invalid')).toBe('true');
  });

  it('says an unknown trace id is not in Jaeger, and why it may be missing', async () => {
    const unknown = randomBytes(16).toString('hex');
    await open(`#/trace/${unknown}`, '[role=alert]');
    expect(await page.locator('[role=alert] p').first().textContent()).toBe(
      `Trace ${unknown} not found in Jaeger. Spans reach Jaeger about a second after the request, and Jaeger keeps traces in memory only: a restart forgets them.`,
    );
  });

  it('says a trace id that is no trace id is malformed', async () => {
    await open('#/trace/not-a-trace', '[role=alert]');
    expect(await page.locator('[role=alert] p').first().textContent()).toBe("Bad input: 'traceId' must be a W3C trace id (32 hex digits).");
  });

  it('draws the service graph with calls, error rate and p95 per edge', async () => {
    await open('#/graph?lookback=15', 'svg.graph');
    const edges = await page.locator('table.edges tbody tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent)));
    const frontendToBackend = edges.find(([caller, called]) => caller === 'frontend' && called === 'backend');
    expect(frontendToBackend?.slice(2)).toEqual([expect.stringMatching(/^\d+$/), expect.stringMatching(/^\d+$/), expect.stringMatching(/^[\d.]+%$/), expect.stringMatching(/ m?s$/)]);
    expect(await page.locator('svg.graph .edge text').first().textContent()).toMatch(/^\d+ calls · [\d.]+% err · p95 /);
    await page.screenshot({ path: join(SCREENSHOTS, 'explorer-graph.png') });
  });

  it('shows every alert rule with its state', async () => {
    await open('#/alerts', 'table.alerts');
    expect(await page.locator('table.alerts tbody th').allTextContents()).toEqual(expect.arrayContaining(['backend-error-rate']));
  });

  it("shows the learner's progress as the lab recorded it: every exercise of the track with its status", async () => {
    const progress = (await (await fetch(`${TRACE_API}/lab/progress`)).json()) as { started: boolean; exercises: { number: number; title: string; status: string }[] };
    await open('#/progress', 'table.progress tbody tr');
    expect(await page.locator('nav a[aria-current="page"]').textContent()).toBe('Your progress');
    const rows = await page.locator('table.progress tbody tr').evaluateAll((items) => items.map((row) => [(row as HTMLElement).dataset.exercise, row.querySelector('th')?.textContent, row.classList[0]]));
    expect(rows).toEqual(progress.exercises.map((exercise) => [String(exercise.number), exercise.title, `status-${exercise.status}`]));
    expect(await page.locator('.empty-progress').count()).toBe(progress.started ? 0 : 1);
  });

  it('says plainly that no exercise has been started when the lab has recorded nothing', async () => {
    const track = (await (await fetch(`${TRACE_API}/lab/progress`)).json()) as { exercises: { number: number; title: string }[] };
    // The lab's own file, moved aside for the test (the learner's and the exercise suite's record)
    // and put back: the Tracing API then reads a lab that has recorded nothing.
    const { stateFile } = labPaths(REPO_ROOT);
    const aside = `${stateFile}.aside-${process.pid}`;
    if (existsSync(stateFile)) renameSync(stateFile, aside);
    try {
      await open('#/progress', '.empty-progress');
      expect(await page.locator('.empty-progress p').first().textContent()).toBe('No exercise started yet. Start the track with npm run lab -- start 1; npm run lab -- list lists the exercises.');
      expect(await page.locator('table.progress .badge').allTextContents()).toEqual(track.exercises.map(() => 'not started'));
      await page.screenshot({ path: join(SCREENSHOTS, 'explorer-progress-empty.png') });
    } finally {
      if (existsSync(aside)) renameSync(aside, stateFile);
    }
  });

  // How fast it draws is a figure of npm run bench (part 5), measured against the real Jaeger; here,
  // that it draws every row of so big a trace.
  it('draws every row of a 10,000-span trace', async () => {
    const model = waterfall(generateTrace(10_000));
    await open('#/alerts', 'table.alerts');
    await page.evaluate((trace) => Object.assign(window, { generatedTrace: trace }), model);
    // A string, so that the test runner's own rewriting of import() does not reach the page.
    await page.evaluate(`(async () => {
      const { renderTrace } = await import('/ui/trace-view.js');
      renderTrace(document.getElementById('view'), window.generatedTrace);
    })()`);
    expect(await page.locator('.waterfall li.row').count()).toBe(10_000);
  });

  // Last: Jaeger keeps its traces in memory, and the tests above read the ones made for them.
  it('says so when Jaeger is down, instead of a blank page', async () => {
    await down(stack, ['jaeger']);
    try {
      await open(`#/trace/${randomBytes(16).toString('hex')}`, '[role=alert]');
      expect(await page.locator('[role=alert] p').first().textContent()).toMatch(/^Jaeger does not answer \(.+\)/);
    } finally {
      await up(stack, ['jaeger']);
    }
  });

  it('says so when the Tracing API is down, instead of a blank page', async () => {
    await open('#/alerts', 'table.alerts');
    await down(stack, ['trace-api']);
    try {
      await page.evaluate((id) => (location.hash = `#/trace/${id}`), slow);
      await page.locator('[role=alert]').first().waitFor({ timeout: 30_000 });
      expect(await page.locator('[role=alert] p').first().textContent()).toMatch(/^The Tracing API does not answer/);
    } finally {
      await up(stack, ['trace-api']);
    }
  });
});
