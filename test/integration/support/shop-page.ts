import type { Span } from '@tracing-lab/trace-analysis';
import type { Page } from 'playwright-core';

// The shop page (the frontend's GET /) driven as a learner drives it, for the native suite and the
// Compose suite alike.

// The service name of the page's own spans (services/frontend/shop/browser-tracing.ts).
export const BROWSER = 'browser';

// Opens the page, waits for its form, and places an order of `quantity` trackballs for user 2.
export async function placeOrder(page: Page, frontend: string, quantity: string): Promise<{ traceresponse: string | undefined }> {
  await page.goto(`${frontend}/`);
  await page.locator('#place-order:enabled').waitFor({ timeout: 30_000 });
  await page.selectOption('#product', '2');
  await page.selectOption('#user', '2');
  await page.fill('#quantity', quantity);
  const answered = page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/api/orders');
  await page.click('#place-order');
  return { traceresponse: (await answered).headers().traceresponse };
}

// The chain of parents from a span up to its trace's root.
export function ancestry(span: Span, spans: Span[]): Span[] {
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  const chain = [span];
  for (let parent = byId.get(span.parentSpanId ?? ''); parent; parent = byId.get(parent.parentSpanId ?? '')) chain.push(parent);
  return chain;
}
