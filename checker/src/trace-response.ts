// The W3C `traceresponse` header (Trace Context Level 2) the frontend answers with: the trace id of
// the request and the id of the frontend's server span, in the traceparent format.

const TRACE_RESPONSE = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

// `sampled`: the trace-flags' sampled bit, whether the frontend recorded the request.
export function parseTraceResponse(header: string | null | undefined): { traceId: string; spanId: string; sampled: boolean } | undefined {
  const match = header ? TRACE_RESPONSE.exec(header.trim()) : null;
  if (!match || /^0+$/.test(match[1] as string)) return undefined;
  return { traceId: match[1] as string, spanId: match[2] as string, sampled: (parseInt(match[3] as string, 16) & 1) === 1 };
}
