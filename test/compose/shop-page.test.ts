import type { Span } from '@tracing-lab/trace-analysis';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pagePerTest } from '../integration/support/browser.js';
import { waitForTrace } from '../integration/support/jaeger.js';
import { wholeOrderTrace } from '../integration/support/order-trace.js';
import { ancestry, BROWSER, placeOrder } from '../integration/support/shop-page.js';
import { FRONTEND } from './support/lab.js';

// The shop page as a learner opens it after `docker compose up`, in a real headless Chromium: the
// page's spans leave the browser for the Jaeger container's published OTLP port (CORS), and the click
// on "Place order" is the root of the order's trace, every mesh container's spans under it. The
// native suite (test/integration/shop-page.test.ts) checks the page itself in detail.

let page: Page;
pagePerTest((opened) => (page = opened));

describe('the shop page under Compose', () => {
  it("starts the order's trace with the click, found in Jaeger with the browser's span at its root", async () => {
    await placeOrder(page, FRONTEND, '1');
    const traceId = String(await page.locator('#trace-id').textContent());
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);

    const spans = await waitForTrace(traceId, (found) => wholeOrderTrace(found) && found.some((span) => span.service === BROWSER));
    const roots = spans.filter((span) => !span.parentSpanId);
    expect(roots.map((span) => [span.service, span.operation])).toEqual([[BROWSER, 'click']]);
    const root = roots[0] as Span;
    expect([...new Set(spans.map((span) => span.service))].sort()).toEqual([BROWSER, 'backend', 'database', 'frontend', 'notifier'].sort());
    for (const span of spans) expect(ancestry(span, spans).at(-1)?.spanId, `${span.service} ${span.operation} under the click`).toBe(root.spanId);
  });
});
