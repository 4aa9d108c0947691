// The trace JSON of Jaeger's HTTP query API (`GET /api/traces/<id>` answers `{ data: [JaegerTrace] }`),
// as far as the analysis reads it. Times are microseconds since the epoch.

export interface JaegerKeyValue {
  key: string;
  type?: string;
  value: unknown;
}

export interface JaegerReference {
  refType: string;
  traceID: string;
  spanID: string;
}

export interface JaegerSpan {
  traceID: string;
  spanID: string;
  operationName: string;
  references?: JaegerReference[] | null;
  startTime: number;
  duration: number;
  tags?: JaegerKeyValue[] | null;
  logs?: { timestamp: number; fields: JaegerKeyValue[] }[] | null;
  processID: string;
  // Jaeger's own remarks on the span, e.g. "invalid parent span IDs=…" for a parent it never got.
  warnings?: string[] | null;
}

export interface JaegerTrace {
  traceID: string;
  spans: JaegerSpan[];
  processes: Record<string, { serviceName: string; tags?: JaegerKeyValue[] | null }>;
}
