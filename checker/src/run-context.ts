import { randomBytes } from 'node:crypto';
import { flattenTrace, type JaegerClient, type Span, type Trace, type TraceSearch } from '@tracing-lab/trace-analysis';
import { type ExpectedSpan, ORDER_TRACE, RUN_BAGGAGE_KEY, SERVICES, USERS_TRACE } from './expectations.js';
import { describeExpected, isComplete, looksLike, missingSpans, withLinkedTraces } from './expected-spans.js';
import { GrowthWatch, QUIET_MS } from './growth-watch.js';
import { containerLogLines } from './container-logs.js';
import { type LogLine, logFileOf, readLogTail } from './log-lines.js';
import type { HealthResult } from './health-report.js';
import { MeshClient, orderIdOf, type SentRequest } from './mesh-client.js';
import type { CheckerOptions } from './options.js';
import { poll } from './poll.js';
import { rootsOf, servicesIn, spansMissingTheirParent } from './trace-shape.js';

// One run of the checker: its id (the baggage its requests carry), the clients, and the traffic the
// tasks share, sent once per run and only when a task asks for it.

export interface FollowedRequest {
  request: SentRequest;
  // The request's trace, with any trace that links into it; undefined when Jaeger never had it.
  trace: Trace | undefined;
  complete: boolean;
  // Why the wait ended without a complete trace.
  waitMessage: string | undefined;
}

export interface Probe {
  order: FollowedRequest;
  users: FollowedRequest;
  orderId: number | undefined;
}

// What the tasks may ask of a run; the unit tests give them one built from recorded fixtures.
export interface TaskContext {
  readonly options: CheckerOptions;
  readonly runId: string;
  health(): Promise<Map<string, HealthResult>>;
  jaegerServices(): Promise<string[]>;
  probe(): Promise<Probe>;
  follow(request: SentRequest, table: ExpectedSpan[], done?: (spans: Span[]) => boolean): Promise<FollowedRequest>;
  linkedTraces(sinceMs: number): Promise<Trace[]>;
  orphanTraces(service: string, request: SentRequest): Promise<Trace[]>;
  sendOrder(extraBaggage?: string, order?: Record<string, number>, traceparent?: string): Promise<SentRequest>;
  sendUsers(): Promise<SentRequest>;
  readTrace(traceId: string): Promise<Trace | undefined>;
  searchTraces(query: TraceSearch): Promise<Trace[]>;
  // The end of the service's log, as it is now; undefined when there is no log file to read.
  // The service's log lines; from a container's log, those since `sinceMs`.
  logLines(service: string, sinceMs: number): Promise<LogLine[] | undefined>;
}

// How long after its answer a request's asynchronous work (the notifier's) may still start.
const ASYNC_SLACK_MS = 10_000;
const CONSUMER = ORDER_TRACE.find((e) => e.kind === 'consumer') as ExpectedSpan;

export class RunContext implements TaskContext {
  readonly runId = randomBytes(4).toString('hex');
  readonly startedAtMs = Date.now();
  readonly mesh: MeshClient;
  private readonly memo = new Map<string, Promise<unknown>>();

  constructor(
    readonly options: CheckerOptions,
    readonly jaeger: JaegerClient,
  ) {
    this.mesh = new MeshClient(options.frontendUrl, `${RUN_BAGGAGE_KEY}=${this.runId}`);
  }

  health(): Promise<Map<string, HealthResult>> {
    return this.once('health', async () => {
      const results = await Promise.all(SERVICES.map(async (s) => [s.name, await this.mesh.health(s)] as const));
      return new Map(results);
    });
  }

  jaegerServices(): Promise<string[]> {
    return this.once('services', () => this.jaeger.services());
  }

  // One order and one users request, followed into Jaeger until their traces are complete.
  probe(): Promise<Probe> {
    return this.once('probe', async () => {
      const [order, users] = await Promise.all([
        this.mesh.postOrder().then((request) => this.follow(request, ORDER_TRACE)),
        this.mesh.getUsers().then((request) => this.follow(request, USERS_TRACE)),
      ]);
      return { order, users, orderId: orderIdOf(order.request) };
    });
  }

  // Polls the request's trace until every expected span is there (or `done` says so), until it has
  // stopped growing, or until the deadline.
  async follow(request: SentRequest, table: ExpectedSpan[], done = (spans: Span[]) => isComplete(spans, table)): Promise<FollowedRequest> {
    const traceId = request.traceId;
    if (!traceId) return { request, trace: undefined, complete: false, waitMessage: undefined };
    const growth = new GrowthWatch();
    let stalled = '';
    const result = await poll(
      `trace ${traceId} of ${request.what} to be complete in Jaeger`,
      async () => {
        const found = await this.readTrace(traceId);
        const trace = found && (await this.withLinked(found, request, table));
        const complete = trace !== undefined && done(trace.spans);
        const seen = trace ? describeProgress(trace.spans, table) : 'not in Jaeger';
        if (!complete && growth.stalled(trace?.spans.length ?? 0)) stalled = `nothing new for ${QUIET_MS / 1000}s (last: ${seen})`;
        return { value: trace, done: complete || stalled !== '', seen };
      },
      { timeoutMs: this.options.timeoutMs },
    );
    const complete = result.value !== undefined && done(result.value.spans);
    const waitMessage = complete ? undefined : result.done ? `trace ${traceId} stopped growing: ${stalled}` : result.message;
    return { request, trace: result.value, complete, waitMessage };
  }

  sendOrder(extraBaggage?: string, order?: Record<string, number>, traceparent?: string): Promise<SentRequest> {
    return this.mesh.postOrder(extraBaggage, order, traceparent);
  }

  sendUsers(): Promise<SentRequest> {
    return this.mesh.getUsers();
  }

  async readTrace(traceId: string): Promise<Trace | undefined> {
    const found = await this.jaeger.trace(traceId);
    return found && flattenTrace(found);
  }

  async searchTraces(query: TraceSearch): Promise<Trace[]> {
    return (await this.jaeger.search(query)).map(flattenTrace);
  }

  // The native stack's log file while it is being written; otherwise (Compose, where the file is
  // missing or left from an earlier native run) the container's log, if there is a container.
  async logLines(service: string, sinceMs: number): Promise<LogLine[] | undefined> {
    const fromFile = readLogTail(logFileOf(this.options.logsDir, service));
    if (fromFile?.some((line) => line.time >= sinceMs)) return fromFile;
    return (await containerLogLines(service, sinceMs)) ?? fromFile;
  }

  // Traces of this run that a consumer started of its own, linking back to a producer.
  linkedTraces(sinceMs: number): Promise<Trace[]> {
    return this.searchTraces({ service: CONSUMER.service, sinceMs, tags: { [RUN_BAGGAGE_KEY]: this.runId }, limit: 500 });
  }

  // Traces whose root is a span of `service`, started while `request` was under way: the service's
  // half of a trace that broke in two at the hop into it.
  async orphanTraces(service: string, request: SentRequest): Promise<Trace[]> {
    const untilMs = request.answeredAtMs + ASYNC_SLACK_MS;
    const traces = await this.searchTraces({ service, sinceMs: request.sentAtMs, untilMs, limit: 200 });
    return traces.filter((trace) => {
      if (trace.traceId === request.traceId) return false;
      const roots = rootsOf(trace.spans);
      return roots.some((root) => root.service === service && root.startMicros / 1000 >= request.sentAtMs - 5);
    });
  }

  private async withLinked(trace: Trace, request: SentRequest, table: ExpectedSpan[]): Promise<Trace> {
    if (!table.includes(CONSUMER) || trace.spans.some((s) => looksLike(s, CONSUMER))) return trace;
    return withLinkedTraces(trace, await this.linkedTraces(request.sentAtMs));
  }

  private once<T>(key: string, make: () => Promise<T>): Promise<T> {
    let value = this.memo.get(key) as Promise<T> | undefined;
    if (!value) {
      value = make();
      this.memo.set(key, value);
    }
    return value;
  }
}

export function describeProgress(spans: Span[], table: ExpectedSpan[]): string {
  const missing = missingSpans(spans, table).map(describeExpected);
  const orphans = spansMissingTheirParent(spans).length;
  return [
    `${spans.length} spans from ${servicesIn(spans).join(', ') || 'no service'}`,
    missing.length ? `missing ${missing.join(', ')}` : '',
    orphans ? `${orphans} span(s) whose parent is missing` : '',
  ]
    .filter(Boolean)
    .join('; ');
}
