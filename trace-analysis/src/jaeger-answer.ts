import type { JaegerTrace } from './jaeger-trace.js';

// What Jaeger's HTTP query API answers, checked before anything reads it: `{ data: [...] }`, with
// `data: null` when nothing matched.

// Jaeger did not answer, or not like Jaeger: whoever asked cannot go on.
export class JaegerUnavailableError extends Error {
  override name = 'JaegerUnavailableError';
}

// The traces in an answer of /api/traces; `from` names where the answer came from.
export function tracesInAnswer(body: unknown, from = 'Jaeger'): JaegerTrace[] {
  const data = (body as { data?: unknown } | null)?.data;
  if (data === null || data === undefined) return [];
  if (!Array.isArray(data)) throw new JaegerUnavailableError(`${from} answered without a data list`);
  return data.filter(isTrace);
}

function isTrace(value: unknown): value is JaegerTrace {
  const trace = value as Partial<JaegerTrace> | null;
  return typeof trace === 'object' && trace !== null && Array.isArray(trace.spans) && typeof trace.processes === 'object' && trace.processes !== null;
}
