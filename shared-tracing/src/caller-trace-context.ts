import { propagation, ROOT_CONTEXT } from '@opentelemetry/api';
import type { IncomingHttpHeaders } from 'node:http';

// The W3C trace headers of an incoming request, as the propagator reads them (invalid ones dropped),
// ready to be stored beside work that continues later, such as an outbox event: extracting them
// again then resumes the caller's trace.
export function callerTraceContext(headers: IncomingHttpHeaders): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(propagation.extract(ROOT_CONTEXT, headers), carrier);
  return carrier;
}
