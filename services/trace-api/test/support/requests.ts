import { buildTraceTree, type JaegerTrace, type TraceTree } from '@tracing-lab/trace-analysis';

// Hand-made traces for the alert tests: one request each, as Jaeger's query API returns it.
export const NOW_MS = Date.UTC(2026, 10, 23, 12, 0, 0);

export interface RequestShape {
  service?: string;
  secondsAgo?: number;
  durationMs?: number;
  error?: boolean;
  kind?: 'server' | 'client' | 'internal';
}

// A trace whose only span is `service`'s, of the given kind, that started `secondsAgo` before NOW_MS.
export function request(traceId: string, { service = 'backend', secondsAgo = 1, durationMs = 10, error = false, kind = 'server' }: RequestShape = {}): TraceTree {
  const trace: JaegerTrace = {
    traceID: traceId,
    processes: { p1: { serviceName: service } },
    spans: [
      {
        traceID: traceId,
        spanID: '00f067aa0ba902b7',
        operationName: 'POST /orders',
        references: [],
        startTime: (NOW_MS - secondsAgo * 1000) * 1000,
        duration: durationMs * 1000,
        tags: [{ key: 'span.kind', value: kind }, ...(error ? [{ key: 'otel.status_code', value: 'ERROR' }] : [])],
        processID: 'p1',
      },
    ],
  };
  return buildTraceTree(trace);
}

// `count` requests named <prefix>1… , every `failing`-th of them failed (0: none).
export function requests(prefix: string, count: number, failing = 0, shape: RequestShape = {}): TraceTree[] {
  return Array.from({ length: count }, (_, i) => request(`${prefix}${i + 1}`, { ...shape, error: failing > 0 && (i + 1) % failing === 0 }));
}
