import autocannon from 'autocannon';
import { KnownOrderIds } from '../load/known-order-ids.js';
import { nextRequest } from '../load/next-request.js';
import type { LoadOptions } from '../load/options.js';
import { connectionsFor } from '../load/run-load.js';
import { traceIdFromHeaders } from '../load/trace-response.js';

// A load run that keeps every answer's trace id and the moment it ended, which the completeness and
// time-to-queryable parts follow into Jaeger. The requests, the pacing and the connection count are
// the load generator's own (next-request.ts, run-load.ts); run-load.ts keeps only a sample of the
// trace ids, so this is the same autocannon set-up with a hook on every answer.

export interface Answer {
  traceId: string | undefined;
  status: number;
  // performance.now() when the last byte of the response was read.
  endedAt: number;
}

export interface RecordedRun {
  answers: Answer[];
  durationSeconds: number;
  // Refused or reset connections and request timeouts, as autocannon counts them.
  errors: number;
  timeouts: number;
  interrupted: boolean;
}

export interface RecordedLoadHooks {
  onAnswer?: (answer: Answer) => void;
  onStart?: (instance: autocannon.Instance) => void;
  signal?: AbortSignal;
}

// As in run-load.ts: with a rate, a 1 s sample tick makes a run count whole rate windows.
const SAMPLE_MS_WITH_RATE = 1_000;
const SAMPLE_MS_WITHOUT_RATE = 100;

export function runRecordedLoad(options: LoadOptions, { onAnswer, onStart, signal }: RecordedLoadHooks = {}): Promise<RecordedRun> {
  const orderIds = new KnownOrderIds();
  const answers: Answer[] = [];
  const basePath = new URL(options.target).pathname.replace(/\/$/, '');

  const request: autocannon.Request = {
    setupRequest: (defaults) => {
      const sent = nextRequest(options.scenario, Math.random, orderIds);
      return { ...defaults, method: sent.method, path: `${basePath}${sent.path}`, headers: { ...sent.headers }, body: sent.body };
    },
    onResponse: (status, body, _context, headers) => {
      const answer = { traceId: traceIdFromHeaders(headers), status, endedAt: performance.now() };
      if (status < 300) orderIds.learnFrom(body);
      answers.push(answer);
      onAnswer?.(answer);
    },
  };

  return new Promise((resolve, reject) => {
    let interrupted = false;
    const stop = () => {
      interrupted = true;
      instance.stop();
    };
    const instance = autocannon(
      {
        url: options.target,
        connections: connectionsFor(options),
        ...(options.requests === undefined ? { duration: options.duration } : { amount: options.requests }),
        ...(options.rate === undefined ? {} : { overallRate: options.rate }),
        sampleInt: options.rate === undefined ? SAMPLE_MS_WITHOUT_RATE : SAMPLE_MS_WITH_RATE,
        requests: [request],
      },
      (error: unknown, result) => {
        signal?.removeEventListener('abort', stop);
        if (error) return reject(error instanceof Error ? error : new Error(String(error)));
        resolve({ answers, durationSeconds: result.duration, errors: result.errors, timeouts: result.timeouts, interrupted });
      },
    );
    signal?.addEventListener('abort', stop, { once: true });
    if (signal?.aborted) stop();
    onStart?.(instance);
  });
}
