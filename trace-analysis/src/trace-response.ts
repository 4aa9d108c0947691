// The W3C `traceresponse` header (Trace Context Level 2) every service of the mesh answers with, in
// the traceparent format: the request's trace id, the id of the span that answered, and whether the
// trace was sampled. The link from a response to its trace in Jaeger.

const TRACE_RESPONSE = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

// Undefined for anything else, and for the all-zero trace id, which W3C Trace Context reserves as invalid.
export function parseTraceResponse(header: string | null | undefined): { traceId: string; spanId: string; sampled: boolean } | undefined {
  const match = header ? TRACE_RESPONSE.exec(header.trim()) : null;
  if (!match || /^0+$/.test(match[1] as string)) return undefined;
  return { traceId: match[1] as string, spanId: match[2] as string, sampled: (parseInt(match[3] as string, 16) & 1) === 1 };
}
