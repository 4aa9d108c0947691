import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from '@tracing-lab/checker/poll';
import { describe, expect, it } from 'vitest';
import { loadStack } from '@tracing-lab/scripts/stack';
import { createOrder } from './support/mesh.js';

// Every log line written while handling a request carries that request's trace id, so a learner can
// go from a log line to its trace. The native stack writes each service's output to .stack/logs.

const logs = loadStack().paths.logs;

interface LogLine {
  msg: string;
  trace_id?: string;
  span_id?: string;
  path?: string;
  status?: number;
}

function linesWithTrace(service: string, traceId: string): LogLine[] {
  return readFileSync(join(logs, `${service}.log`), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine)
    .filter((line) => line.trace_id === traceId);
}

describe('logs', () => {
  it('carry the trace id of their request in every service it touched', async () => {
    const { traceId } = await createOrder();
    const byService = await waitFor('log lines of the order in all four services', async () => {
      const found = Object.fromEntries(
        ['frontend', 'backend', 'database', 'notifier'].map((service) => [service, linesWithTrace(service, traceId)]),
      );
      return Object.values(found).every((lines) => lines.length > 0) ? found : undefined;
    });

    expect(byService.frontend).toContainEqual(expect.objectContaining({ msg: 'request finished', path: '/api/orders', status: 201 }));
    expect(byService.backend).toContainEqual(expect.objectContaining({ msg: 'request finished', path: '/orders', status: 201 }));
    expect(byService.notifier).toContainEqual(expect.objectContaining({ msg: 'notification sent' }));
    for (const line of Object.values(byService).flat()) expect(line.span_id).toMatch(/^[0-9a-f]{16}$/);
  });
});
