import autocannon from 'autocannon';
import { KnownOrderIds } from './known-order-ids.js';
import { type LoadRequest, nextRequest } from './next-request.js';
import type { LoadOptions } from './options.js';
import type { RunRecord } from './summary.js';
import { traceIdFromHeaders } from './trace-response.js';
import { TraceSamples } from './trace-samples.js';

// One load run with autocannon: it owns the connections, the pacing (`overallRate`) and the exact
// count (`amount`); this file decides what each request is and keeps what the summary needs from
// each answer: its latency, its status, its trace id.

// Trace ids kept per kind (answered fine, answered with an error) for the summary's Jaeger links.
const SAMPLED_TRACES = 5;

// autocannon's rate limit hands each connection a budget per one-second window, sent as fast as it is
// answered when the window opens: the count per second is exact, the spacing inside a second is not.
// autocannon acts on "stop" only at its next sample tick, and a 1 s tick lands right after each
// window opens, so a timed run counts whole windows: N seconds at --rate R is N x R answers. Without
// a rate a shorter tick ends a counted run within 0.1 s of its last answer, not up to 1 s later.
const SAMPLE_MS_WITH_RATE = 1_000;
const SAMPLE_MS_WITHOUT_RATE = 100;

// Per connection: what the request in flight was, so its answer can be labelled. autocannon hands
// the same context object to setupRequest and to onResponse of that request.
interface InFlight {
  sent?: LoadRequest;
}

// One answer, for a caller that follows every trace rather than the summary's sample.
export interface Answer {
  traceId: string | undefined;
  status: number;
  // performance.now() when the last byte of the response was read.
  endedAt: number;
}

export interface RunHooks {
  // Called once autocannon is set up, to watch it (the progress line).
  onStart?: (instance: autocannon.Instance) => void;
  onAnswer?: (answer: Answer) => void;
  // Ends the run early; what was measured until then is still returned, marked interrupted.
  signal?: AbortSignal;
  random?: () => number;
}

export function runLoad(options: LoadOptions, { onStart, onAnswer, signal, random = Math.random }: RunHooks = {}): Promise<RunRecord> {
  const orderIds = new KnownOrderIds();
  const samples = new TraceSamples(SAMPLED_TRACES, random);
  const latenciesMs: number[] = [];
  const basePath = new URL(options.target).pathname.replace(/\/$/, '');
  let interrupted = false;

  const request: autocannon.Request = {
    setupRequest: (defaults, context) => {
      const sent = nextRequest(options.scenario, random, orderIds);
      (context as InFlight).sent = sent;
      return { ...defaults, method: sent.method, path: `${basePath}${sent.path}`, headers: { ...sent.headers }, body: sent.body };
    },
    onResponse: (status, body, context, headers) => {
      const endedAt = performance.now();
      if (status < 300) orderIds.learnFrom(body);
      const sent = (context as InFlight).sent;
      const traceId = traceIdFromHeaders(headers);
      if (sent && traceId) samples.offer({ traceId, status, method: sent.method, path: sent.path });
      onAnswer?.({ traceId, status, endedAt });
    },
  };

  return new Promise((resolve, reject) => {
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
        resolve({
          durationSeconds: result.duration,
          statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([status, stat]) => [status, stat.count ?? 0])),
          errors: result.errors,
          timeouts: result.timeouts,
          latenciesMs,
          traces: samples.ok,
          errorTraces: samples.errors,
          interrupted,
        });
      },
    );
    // Kept here rather than read from autocannon's histogram, which has no p95.
    instance.on('response', (_client, _status, _bytes, responseTimeMs) => latenciesMs.push(responseTimeMs));
    signal?.addEventListener('abort', stop, { once: true });
    if (signal?.aborted) stop();
    onStart?.(instance);
  });
}

// autocannon refuses more connections than requests to send, and quietly uses fewer than asked when
// the rate is lower than the connection count; said here, the announcement shows the real number.
export function connectionsFor({ concurrency, requests, rate }: LoadOptions): number {
  return Math.min(concurrency, requests ?? Infinity, rate ?? Infinity);
}
