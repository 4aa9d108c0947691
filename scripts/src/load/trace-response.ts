// The trace id in a W3C `traceresponse` header (`00-<32 hex trace id>-<16 hex span id>-<flags>`),
// which every service of the mesh sets: the link from a response to its trace in Jaeger.

const TRACE_RESPONSE = /^00-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/;
const INVALID_TRACE_ID = '0'.repeat(32);

export function traceIdOf(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const traceId = value ? TRACE_RESPONSE.exec(value.trim())?.[1] : undefined;
  return traceId === INVALID_TRACE_ID ? undefined : traceId;
}

// Response headers as autocannon hands them over keep the server's spelling of each name.
export function traceIdFromHeaders(headers: Record<string, string | string[] | undefined> | undefined): string | undefined {
  const name = Object.keys(headers ?? {}).find((key) => key.toLowerCase() === 'traceresponse');
  return name ? traceIdOf(headers?.[name]) : undefined;
}
