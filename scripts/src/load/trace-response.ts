import { parseTraceResponse } from '@tracing-lab/trace-analysis';

// The trace id of each answer, from its W3C `traceresponse` header, as autocannon hands the headers
// over: a name may repeat (its values in a list), and keeps the server's spelling.

export function traceIdOf(header: string | string[] | undefined): string | undefined {
  return parseTraceResponse(Array.isArray(header) ? header[0] : header)?.traceId;
}

export function traceIdFromHeaders(headers: Record<string, string | string[] | undefined> | undefined): string | undefined {
  const name = Object.keys(headers ?? {}).find((key) => key.toLowerCase() === 'traceresponse');
  return name ? traceIdOf(headers?.[name]) : undefined;
}
