import { setTimeout as sleep } from 'node:timers/promises';
import { jaegerTraceReader } from './jaeger-batch.js';
import { loadOptions, progressOn } from './load-phase.js';
import { frontendUrl, healthUrls, jaegerQueryUrl } from './mesh.js';
import type { PartContext } from './overhead.js';
import type { CompletenessPlan } from './plan.js';
import { QueryableWatch, summarizeQueryable } from './queryable-watch.js';
import { runRecordedLoad } from './recorded-load.js';
import type { CompletenessResult, TimeToQueryableResult } from './report.js';
import { queuedSpans, readSpanCounts, type SpanCountsByService, spanPipelineDelta } from './span-pipeline.js';
import { takeTraceCensus } from './trace-census.js';

// Parts 2 and 3, from one load: orders at a steady rate with every answer's trace id kept. While
// the load runs, one answer in `queryableEvery` is followed into Jaeger for the time to queryable;
// afterwards every trace id is looked up and the complete traces are counted.

const SCENARIO = 'order';
const INCOMPLETE_SAMPLE = 10;
// After the census, the services' buffers are given this long to report empty before /health is read.
const DRAIN_MS = 10_000;

export async function measureCompleteness(
  plan: CompletenessPlan,
  context: PartContext,
): Promise<{ completeness: CompletenessResult; timeToQueryable: TimeToQueryableResult }> {
  const { stack, signal, stderr, log } = context;
  const read = jaegerTraceReader(jaegerQueryUrl(stack));
  const before = await readSpanCounts(healthUrls(stack));
  const watch = new QueryableWatch(read, plan.queryablePollMs, plan.queryableTimeoutMs, signal);

  log(`completeness: ${plan.requests} orders at ${plan.rate} req/s, following 1 in ${plan.queryableEvery} into Jaeger as they are answered`);
  let answered = 0;
  const run = await runRecordedLoad(
    loadOptions({ scenario: SCENARIO, target: frontendUrl(stack), concurrency: plan.concurrency, rate: plan.rate, requests: plan.requests }),
    {
      onAnswer: (answer) => {
        answered += 1;
        if (answer.traceId && answered % plan.queryableEvery === 0) watch.follow(answer.traceId, answer.endedAt);
      },
      onStart: progressOn(stderr, { requests: plan.requests }),
      signal,
    },
  );
  signal.throwIfAborted();
  log('time to queryable: waiting for the last followed traces');
  const queryable = await watch.finish();

  const traceIds = [...new Set(run.answers.flatMap((a) => (a.traceId ? [a.traceId] : [])))];
  log(`completeness: looking up ${traceIds.length} traces in Jaeger`);
  const census = await takeTraceCensus(read, traceIds, {
    deadlineMs: plan.verifyDeadlineMs,
    stallMs: plan.verifyStallMs,
    signal,
    onRound: (complete, total) => log(`  ${complete}/${total} complete`),
  });
  const after = await drained(healthUrls(stack));
  const pipeline = spanPipelineDelta(before, after);

  const statusCodes: Record<string, number> = {};
  for (const answer of run.answers) statusCodes[answer.status] = (statusCodes[answer.status] ?? 0) + 1;
  const missing: Record<string, number> = {};
  for (const trace of census.incomplete) for (const what of trace.missing) missing[what] = (missing[what] ?? 0) + 1;
  const unanswered = plan.requests - traceIds.length;
  if (unanswered > 0) missing['no answer with a trace id'] = unanswered;

  return {
    completeness: {
      scenario: SCENARIO,
      asked: { requests: plan.requests, rate: plan.rate, concurrency: plan.concurrency },
      answered: run.answers.length,
      statusCodes,
      durationSeconds: run.durationSeconds,
      achievedRate: run.durationSeconds > 0 ? Math.round((run.answers.length / run.durationSeconds) * 10) / 10 : 0,
      complete: census.complete,
      total: plan.requests,
      spans: census.spans,
      spansPerSecond: run.durationSeconds > 0 ? Math.round(census.spans / run.durationSeconds) : 0,
      exportedSpans: pipeline.exported,
      droppedSpans: pipeline.dropped,
      droppedBy: pipeline.droppedBy,
      restartedDuringRun: pipeline.restarted,
      missing,
      incompleteSample: census.incomplete.slice(0, INCOMPLETE_SAMPLE),
    },
    timeToQueryable: summarizeQueryable(queryable, plan.queryableTimeoutMs),
  };
}

// /health once nothing is left in the services' export buffers, so the counts are final.
async function drained(urls: Record<string, string>): Promise<SpanCountsByService> {
  const deadline = performance.now() + DRAIN_MS;
  for (;;) {
    const counts = await readSpanCounts(urls);
    if (queuedSpans(counts) === 0 || performance.now() > deadline) return counts;
    await sleep(250);
  }
}
