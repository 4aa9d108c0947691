import { randomBytes } from 'node:crypto';
import { parseTraceResponse } from '@tracing-lab/trace-analysis';

// Requests into the running mesh, as a learner or the load generator sends them.

export const FRONTEND = 'http://127.0.0.1:8080';
export const BACKEND = 'http://127.0.0.1:8081';

// The trace id and the server span id the frontend reports in its W3C `traceresponse` header.
export function traceResponseOf(response: Response): { traceId: string; spanId: string } {
  const header = response.headers.get('traceresponse');
  const ids = parseTraceResponse(header);
  if (!ids) throw new Error(`no valid traceresponse header (got ${String(header)})`);
  return { traceId: ids.traceId, spanId: ids.spanId };
}

export interface CreatedOrder {
  id: number;
  userId: number;
  productId: number;
  quantity: number;
}

export async function createOrder(headers: Record<string, string> = {}): Promise<{ order: CreatedOrder; traceId: string; spanId: string }> {
  const response = await fetch(`${FRONTEND}/api/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ userId: 1, productId: 2, quantity: 1 }),
  });
  if (response.status !== 201) throw new Error(`POST /api/orders answered ${response.status}: ${await response.text()}`);
  return { order: (await response.json()) as CreatedOrder, ...traceResponseOf(response) };
}

// A traceparent a test controls, to recognise its own request in Jaeger.
export function newTraceparent(): { traceId: string; header: string } {
  const traceId = randomBytes(16).toString('hex');
  return { traceId, header: `00-${traceId}-${randomBytes(8).toString('hex')}-01` };
}
