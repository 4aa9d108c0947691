// What a user has at hand for a trace: its id from Jaeger or a log line, or the whole `traceresponse`
// header value the mesh answers with (the same format as `traceparent`: version-traceid-spanid-flags).

const TRACE_ID = /^[0-9a-f]{32}$/;
const TRACE_PARENT = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/;

// The 32-hex trace id, lower case as Jaeger stores it; undefined for anything else, and for the
// all-zero id, which W3C Trace Context reserves as invalid.
export function parseTraceId(input: string): string | undefined {
  const value = input.trim().toLowerCase();
  const traceId = TRACE_ID.test(value) ? value : TRACE_PARENT.exec(value)?.[1];
  return traceId === undefined || /^0+$/.test(traceId) ? undefined : traceId;
}
