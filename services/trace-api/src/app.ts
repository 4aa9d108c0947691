import { join } from 'node:path';
import express, { type Express } from 'express';
import { z } from 'zod';
import { type Logger, parseInput } from '@tracing-lab/shared-tracing';
import { finishServiceApp, serviceApp } from '@tracing-lab/service-kit';
import { intBetween } from '@tracing-lab/contracts';
import {
  analyzeTrace,
  compareTraces,
  dependencyGraph,
  type JaegerClient,
  latencyAnomalies,
  selfTimes,
  summarizeTrace,
  traceStats,
  visualizeTrace,
} from '@tracing-lab/trace-analysis';
import type { AlertEvaluator } from './alert-evaluator.js';
import { meshServices } from './jaeger-query.js';
import type { LabProgress } from './lab-progress.js';
import type { ManualTraces } from './manual-traces.js';
import type { TraceStore } from './trace-store.js';
import { waterfall } from './waterfall.js';

const traceId = z.string({ error: 'must be a W3C trace id (32 hex digits)' }).regex(/^([0-9a-fA-F]{16}){1,2}$/, 'must be a W3C trace id (32 hex digits)');
const spanId = z.string({ error: 'must be a W3C span id (16 hex digits)' }).regex(/^[0-9a-fA-F]{16}$/, 'must be a W3C span id (16 hex digits)');
const name = z.string({ error: 'must be a non-empty string' }).trim().min(1, 'must be a non-empty string').max(200, 'must be at most 200 characters');
const tags = z.record(z.string(), z.unknown(), { error: 'must be an object of tag names to values' }).optional();
const status = z.enum(['success', 'error'], { error: "must be 'success' or 'error'" }).optional();

const startBody = z.object({ serviceName: name, operationName: name, tags }, { error: 'must be a JSON object' });
const spanBody = startBody.extend({
  traceId,
  parentSpanId: spanId,
  duration: z.number({ error: 'must be a duration in ms (0 to 3600000)' }).min(0, 'must be a duration in ms (0 to 3600000)').max(3_600_000, 'must be a duration in ms (0 to 3600000)').optional(),
  status,
});
const finishBody = z.object({ spanId, status, tags }, { error: 'must be a JSON object' });

const traceParam = z.object({ traceId });
const compareParams = z.object({ traceId, otherTraceId: traceId });
// What Jaeger is searched for: how far back, and how many traces per service.
const window = {
  limit: intBetween(1, 1000, true).default(100),
  lookbackMinutes: intBetween(1, 10_080, true).default(60),
};
const windowQuery = z.object(window);
// As Jaeger UI's Tags box takes them: `lab.scenario=slow-db http.response.status_code=500`. A pair splits at its first
// '=', so a value may hold one.
const TAGS_RULE = "must be key=value pairs separated by spaces, e.g. 'lab.scenario=slow-db'";
const tagFilter = z
  .string({ error: TAGS_RULE })
  .trim()
  .regex(/^[^\s=]+=\S+(\s+[^\s=]+=\S+)*$/, TAGS_RULE)
  .transform((text) => Object.fromEntries(text.split(/\s+/).map((pair) => pair.split(/=(.*)/s, 2) as [string, string])));
const searchQuery = z.object({
  serviceName: name.optional(),
  operationName: name.optional(),
  minDuration: z.coerce.number({ error: 'must be a duration in ms' }).min(0, 'must be a duration in ms').optional(),
  status: z.enum(['completed', 'failed'], { error: "must be 'completed' or 'failed'" }).optional(),
  tags: tagFilter.optional(),
  ...window,
  limit: intBetween(1, 1000, true).default(20),
});

// The trace explorer at GET /ui: its page and styles as they are, and its compiled script.
const EXPLORER_FILES = [join(__dirname, '..', 'public'), join(__dirname, 'explorer')];

// labProgress reads the learner's progress afresh on every request: `npm run lab` changes it meanwhile.
export function createApp(store: TraceStore, manual: ManualTraces, jaeger: JaegerClient, alerts: AlertEvaluator, labProgress: () => LabProgress, logger: Logger): Express {
  const app = serviceApp(logger, async () => ({ jaeger: (await jaeger.reachable()) ? 'up' : 'down', ...alerts.dependencies() }), { jsonLimit: '64kb' });

  app.post('/traces/start', (req, res) => {
    res.status(201).json(manual.start(parseInput(startBody, req.body)));
  });

  app.post('/traces/span', (req, res) => {
    res.status(201).json(manual.addSpan(parseInput(spanBody, req.body)));
  });

  app.post('/traces/span/finish', (req, res) => {
    res.json(manual.finish(parseInput(finishBody, req.body)));
  });

  app.get('/traces/query', async (req, res) => {
    res.json(await store.search(parseInput(searchQuery, req.query)));
  });

  app.get('/traces/:traceId', async (req, res) => {
    const { traceId: id } = parseInput(traceParam, req.params);
    const summary = summarizeTrace(await store.tree(id));
    res.json(store.isActive(id) ? { ...summary, status: 'active' } : summary);
  });

  app.get('/traces/:traceId/visualize', async (req, res) => {
    const tree = await store.tree(parseInput(traceParam, req.params).traceId);
    res.json(visualizeTrace(tree, selfTimes(tree)));
  });

  app.get('/traces/:traceId/waterfall', async (req, res) => {
    res.json(waterfall(await store.trace(parseInput(traceParam, req.params).traceId)));
  });

  app.get('/traces/:traceId/analyze', async (req, res) => {
    res.json(analyzeTrace(await store.tree(parseInput(traceParam, req.params).traceId)));
  });

  app.get('/traces/:traceId/compare/:otherTraceId', async (req, res) => {
    const ids = parseInput(compareParams, req.params);
    res.json(compareTraces(await store.tree(ids.traceId), await store.tree(ids.otherTraceId)));
  });

  app.get('/services', async (_req, res) => {
    res.json(await meshServices(jaeger));
  });

  app.get('/stats', async (req, res) => {
    const recent = await store.recent(parseInput(windowQuery, req.query));
    res.json({ ...traceStats(recent), activeTraces: manual.openTraceCount() });
  });

  app.get('/dependencies', async (req, res) => {
    const query = parseInput(windowQuery, req.query);
    const recent = await store.recent(query);
    res.json({ lookbackMinutes: query.lookbackMinutes, traces: recent.length, edges: dependencyGraph(recent) });
  });

  app.get('/anomalies', async (req, res) => {
    const query = parseInput(windowQuery, req.query);
    const recent = await store.recent(query);
    res.json({ lookbackMinutes: query.lookbackMinutes, traces: recent.length, anomalies: latencyAnomalies(recent) });
  });

  // Every alert rule's state and the recent firing and resolved transitions.
  app.get('/alerts', (_req, res) => {
    res.json(alerts.report());
  });

  // The exercises' and incidents' progress, for the explorer's #/progress view.
  app.get('/lab/progress', (_req, res) => {
    res.json(labProgress());
  });

  app.use('/ui', ...EXPLORER_FILES.map((folder) => express.static(folder)));

  return finishServiceApp(app, logger);
}
