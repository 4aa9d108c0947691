import { join } from 'node:path';
import { parseTraceResponse, type Span } from '@tracing-lab/trace-analysis';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pagePerTest, SCREENSHOTS } from './support/browser.js';
import { waitForTrace } from './support/jaeger.js';
import { FRONTEND } from './support/mesh.js';
import { wholeOrderTrace } from './support/order-trace.js';
import { ancestry, BROWSER, placeOrder } from './support/shop-page.js';

// The frontend's shop page (GET /) in a real headless Chromium, against the running mesh and Jaeger:
// one click on "Place order" is one trace, from the browser's click to the notifier, read back from
// Jaeger's query API; and a refused order says why on the page.

const MESH_SERVICES = ['backend', 'database', 'frontend', 'notifier'];
// The seeded users' addresses all end so (services/database/src/schema.ts): none may reach a span.
const EMAIL = /@example\.com/;

let page: Page;
pagePerTest((opened) => (page = opened));

describe('the shop page', () => {
  it("starts the order's trace with the click: the browser's spans at its root, every mesh service under them", async () => {
    const { traceresponse } = await placeOrder(page, FRONTEND, '1');
    const traceId = await page.locator('#trace-id').textContent();
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    // The frontend continued the browser's trace: its traceresponse names the same trace.
    expect(parseTraceResponse(traceresponse)?.traceId).toBe(traceId);
    expect(await page.getAttribute('#jaeger-link', 'href')).toBe(`http://localhost:16686/trace/${traceId}`);
    expect(await page.getAttribute('#explorer-link', 'href')).toBe(`http://localhost:3000/ui/#/trace/${traceId}`);
    await expect.poll(() => page.locator('#order-status').textContent()).toMatch(/^Order \d+ placed: 1 × Trackball, \$59\.00\.$/);
    await expect.poll(() => page.locator('#notification-status').textContent(), { timeout: 20_000 }).toMatch(/^Notification sent by email at /);
    // The page's content only, as docs/reading-traces.md shows it.
    await page.locator('body').screenshot({ path: join(SCREENSHOTS, 'shop-page.png') });

    const spans = await waitForTrace(String(traceId), (found) => wholeOrderTrace(found) && found.some((span) => span.service === BROWSER));
    const roots = spans.filter((span) => !span.parentSpanId);
    expect(roots.map((span) => [span.service, span.operation])).toEqual([[BROWSER, 'click']]);
    const root = roots[0] as Span;
    const fetchSpan = spans.find((span) => span.service === BROWSER && span.kind === 'client');
    expect(fetchSpan?.parentSpanId).toBe(root.spanId);
    const frontendServer = spans.find((span) => span.service === 'frontend' && span.kind === 'server');
    expect(frontendServer?.parentSpanId).toBe(fetchSpan?.spanId);
    expect([...new Set(spans.map((span) => span.service))].sort()).toEqual([BROWSER, ...MESH_SERVICES].sort());
    for (const span of spans) expect(ancestry(span, spans).at(-1)?.spanId, `${span.service} ${span.operation} under the click`).toBe(root.spanId);
    expect(spans.filter((span) => EMAIL.test(JSON.stringify([span.tags, span.events, span.resource]))).map((span) => span.operation)).toEqual([]);
  });

  it('says why an order was refused, with the trace of the refusal', async () => {
    await placeOrder(page, FRONTEND, '0');
    const alert = page.locator('[role=alert]');
    await alert.waitFor();
    expect(await alert.textContent()).toBe("Order not placed: 'quantity' must be an integer from 1 to 100");
    expect(await page.locator('#trace-id').textContent()).toMatch(/^[0-9a-f]{32}$/);
    expect(await page.isEnabled('#place-order')).toBe(true);
  });
});
