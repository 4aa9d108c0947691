import { describe, expect, it } from 'vitest';
import { latencyPercentiles } from '../src/load/latency.js';
import type { LoadOptions } from '../src/load/options.js';
import { progressLine } from '../src/load/progress.js';
import { renderSummary } from '../src/load/render-summary.js';
import { SCENARIOS } from '../src/load/scenarios.js';
import { type RunRecord, summarize } from '../src/load/summary.js';

const options: LoadOptions = {
  scenario: SCENARIOS[2],
  rate: 50,
  duration: 10,
  requests: undefined,
  concurrency: 10,
  target: 'http://localhost:8080',
  jaegerUi: 'http://localhost:16686',
  json: false,
};

const run: RunRecord = {
  durationSeconds: 10.02,
  statusCodes: { '502': 3, '200': 340, '201': 157 },
  errors: 2,
  timeouts: 1,
  latenciesMs: Array.from({ length: 100 }, (_, i) => i + 1.06),
  traces: [{ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', status: 200, method: 'GET', path: '/api/users' }],
  errorTraces: [{ traceId: '0af7651916cd43dd8448eb211c80319c', status: 502, method: 'POST', path: '/api/orders' }],
  interrupted: false,
};

describe('latency percentiles', () => {
  it('are the nearest-rank values of every response time', () => {
    expect(latencyPercentiles(Array.from({ length: 200 }, (_, i) => 200 - i))).toEqual({ p50: 100, p95: 190, p99: 198, max: 200 });
    expect(latencyPercentiles([7])).toEqual({ p50: 7, p95: 7, p99: 7, max: 7 });
    expect(latencyPercentiles([])).toBeUndefined();
  });
});

describe('the run summary', () => {
  it('counts the answered requests and the rate they were answered at', () => {
    expect(summarize(options, run)).toEqual({
      scenario: 'mixed',
      target: 'http://localhost:8080',
      asked: { rate: 50, durationSeconds: 10, requests: null, concurrency: 10 },
      durationSeconds: 10.02,
      requests: 500,
      achievedRate: 49.9,
      statusCodes: { '200': 340, '201': 157, '502': 3 },
      errors: 2,
      timeouts: 1,
      latencyMs: { p50: 50.1, p95: 95.1, p99: 99.1, max: 100.1 },
      traces: [{ request: 'GET /api/users', status: 200, traceId: '4bf92f3577b34da6a3ce929d0e0e4736', jaegerUrl: 'http://localhost:16686/trace/4bf92f3577b34da6a3ce929d0e0e4736' }],
      errorTraces: [{ request: 'POST /api/orders', status: 502, traceId: '0af7651916cd43dd8448eb211c80319c', jaegerUrl: 'http://localhost:16686/trace/0af7651916cd43dd8448eb211c80319c' }],
      interrupted: false,
    });
  });

  it('is rendered as a table with the trace links', () => {
    expect(renderSummary(summarize(options, run))).toBe(`mixed against http://localhost:8080: 500 requests in 10.0 s

  requests           500
  achieved rate      49.9 req/s (asked 50)
  status codes       200: 340   201: 157   502: 3
  connection errors  2 (1 timeouts)
  latency            p50 50.1 ms   p95 95.1 ms   p99 99.1 ms   max 100.1 ms

Sample traces, open in Jaeger:
  200  GET /api/users  4bf92f3577b34da6a3ce929d0e0e4736  http://localhost:16686/trace/4bf92f3577b34da6a3ce929d0e0e4736

Traces of error responses:
  502  POST /api/orders  0af7651916cd43dd8448eb211c80319c  http://localhost:16686/trace/0af7651916cd43dd8448eb211c80319c
`);
  });

  it('says when a timed run fell behind the asked rate', () => {
    const behind = renderSummary(summarize(options, { ...run, statusCodes: { '200': 400 } }));
    expect(behind).toContain('The run fell behind --rate 50: raise --concurrency, or the mesh is the bottleneck (find it in Jaeger).');
    const counted = renderSummary(summarize({ ...options, duration: undefined, requests: 20 }, { ...run, durationSeconds: 1, statusCodes: { '200': 20 } }));
    expect(counted).not.toContain('fell behind');
  });

  it('survives a run that got no answer at all', () => {
    const empty = summarize(options, { ...run, statusCodes: {}, latenciesMs: [], traces: [], errorTraces: [], errors: 12, timeouts: 0 });
    expect(empty).toMatchObject({ requests: 0, achievedRate: 0, latencyMs: null });
    expect(renderSummary(empty)).toContain('  status codes       none\n  connection errors  12\n  latency            no responses\n');
  });
});

describe('the progress line', () => {
  const state = { elapsedSeconds: 3, answered: 148, answeredLastSecond: 50, httpErrors: 2, connectionErrors: 1 };

  it('shows the part of the duration done, the last second rate and the errors', () => {
    expect(progressLine({ durationSeconds: 10 }, state)).toBe('[######              ] 3/10 s  50 req/s  148 answered  errors: 2 http, 1 connection');
  });

  it('counts requests when the run is a count', () => {
    expect(progressLine({ requests: 298 }, state)).toBe('[#########           ] 148/298  50 req/s  148 answered  errors: 2 http, 1 connection');
  });
});
