import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JaegerTrace } from '../../src/index.js';

// Traces the mesh really produced, saved from Jaeger's `GET /api/traces/<id>` on the native stack:
//   order          POST /api/orders, nothing injected
//   slow-db        the same with `baggage: lab.scenario=slow-db` (a 500 ms `SELECT pg_sleep` per query path)
//   backend-error  the same with `baggage: lab.scenario=backend-error` (the backend fails, the frontend answers 502)
export type FixtureName = 'order' | 'slow-db' | 'backend-error';

export function recordedTrace(name: FixtureName): JaegerTrace {
  const body = JSON.parse(readFileSync(join(__dirname, '../fixtures', `${name}.json`), 'utf8')) as { data: JaegerTrace[] };
  return body.data[0] as JaegerTrace;
}

// A hand-made trace: `[id, parent, service, start, duration]`, times in microseconds, operation = id.
export type SpanRow = [id: string, parent: string | undefined, service: string, start: number, duration: number, options?: { error?: boolean; followsFrom?: boolean }];

export function syntheticTrace(rows: SpanRow[], traceID = 't1'): JaegerTrace {
  const services = [...new Set(rows.map((row) => row[2]))];
  return {
    traceID,
    processes: Object.fromEntries(services.map((serviceName, i) => [`p${i}`, { serviceName }])),
    spans: rows.map(([id, parent, service, start, duration, options]) => ({
      traceID,
      spanID: id,
      operationName: id,
      references: parent ? [{ refType: options?.followsFrom ? 'FOLLOWS_FROM' : 'CHILD_OF', traceID, spanID: parent }] : [],
      startTime: start,
      duration,
      tags: options?.error ? [{ key: 'otel.status_code', value: 'ERROR' }] : [],
      processID: `p${services.indexOf(service)}`,
    })),
  };
}
