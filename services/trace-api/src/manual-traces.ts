import { type Attributes, ROOT_CONTEXT, type Span, SpanStatusCode, trace as otelTrace } from '@opentelemetry/api';
import type { JaegerSpan, JaegerTrace } from '@tracing-lab/trace-analysis';
import type { ClientTracers } from './client-tracers.js';
import { DomainError } from '@tracing-lab/contracts';

// Manual instrumentation for clients without an OpenTelemetry SDK: each call becomes a real span,
// created with the SDK under the client's service name and exported to Jaeger, with W3C ids.
//
// The API remembers the spans it made for a while (KEEP_MS after a trace's last use): to parent new
// spans on them, to finish open ones, and to show a trace at once, open spans included, before (or
// without) its spans reaching Jaeger.

export type ManualStatus = 'success' | 'error';

export interface StartInput {
  serviceName: string;
  operationName: string;
  tags?: Record<string, unknown>;
}

export interface SpanInput extends StartInput {
  traceId: string;
  parentSpanId: string;
  // Given: the work already happened and took this many ms, and the span is recorded finished.
  // Left out: the span stays open until POST /traces/span/finish.
  duration?: number;
  status?: ManualStatus;
}

export interface FinishInput {
  spanId: string;
  status?: ManualStatus;
  tags?: Record<string, unknown>;
}

interface ManualSpan {
  span: Span;
  traceId: string;
  spanId: string;
  parentSpanId: string | undefined;
  serviceName: string;
  operationName: string;
  startMs: number;
  endMs: number | undefined;
  attributes: Attributes;
  status: ManualStatus | undefined;
}

// A trace nobody has touched for this long is forgotten; a span still open then is ended, marked
// abandoned, so it still reaches Jaeger.
const KEEP_MS = 15 * 60_000;

export class ManualTraces {
  private readonly spans = new Map<string, ManualSpan>();
  private readonly traces = new Map<string, { spanIds: string[]; lastUsedMs: number }>();

  constructor(private readonly tracers: ClientTracers) {}

  start(input: StartInput): { traceId: string; spanId: string } {
    this.forgetIdle();
    // `root: true`: a new trace, whatever context the API's own request span is in.
    const span = this.tracers.tracerFor(input.serviceName).startSpan(input.operationName, { root: true, attributes: toAttributes(input.tags) });
    const made = this.remember(span, input, undefined, Date.now());
    return { traceId: made.traceId, spanId: made.spanId };
  }

  addSpan(input: SpanInput): { traceId: string; spanId: string } {
    this.forgetIdle();
    if (!this.traces.has(input.traceId)) throw new DomainError('not-found', `trace ${input.traceId} not found`);
    const parent = this.spans.get(input.parentSpanId);
    if (!parent) throw new DomainError('not-found', `span ${input.parentSpanId} not found`);
    if (parent.traceId !== input.traceId) {
      throw new DomainError('conflict', `span ${input.parentSpanId} belongs to trace ${parent.traceId}, not to trace ${input.traceId}`, 'parentSpanId');
    }
    const now = Date.now();
    const startMs = input.duration === undefined ? now : now - input.duration;
    // The parent is the client's span, not the API's own request span that is active here.
    const parentContext = otelTrace.setSpan(ROOT_CONTEXT, parent.span);
    const span = this.tracers
      .tracerFor(input.serviceName)
      .startSpan(input.operationName, { startTime: startMs, attributes: toAttributes(input.tags) }, parentContext);
    const made = this.remember(span, input, parent.spanId, startMs);
    if (input.duration !== undefined) this.end(made, input.status ?? 'success', undefined, now);
    return { traceId: made.traceId, spanId: made.spanId };
  }

  finish(input: FinishInput): { traceId: string; spanId: string; duration: number } {
    const made = this.spans.get(input.spanId);
    if (!made) throw new DomainError('not-found', `span ${input.spanId} not found`);
    if (made.endMs !== undefined) throw new DomainError('conflict', `span ${input.spanId} is already finished`, 'spanId');
    const endMs = Date.now();
    this.end(made, input.status ?? 'success', input.tags, endMs);
    this.touch(made.traceId);
    return { traceId: made.traceId, spanId: made.spanId, duration: endMs - made.startMs };
  }

  hasOpenSpans(traceId: string): boolean {
    return (this.traces.get(traceId)?.spanIds ?? []).some((id) => this.spans.get(id)?.endMs === undefined);
  }

  openTraceCount(): number {
    return [...this.traces.keys()].filter((traceId) => this.hasOpenSpans(traceId)).length;
  }

  // The trace's manual spans in Jaeger's JSON, an open span lasting until now, so that they can be
  // merged with (or stand in for) what Jaeger has.
  asJaegerTrace(traceId: string): JaegerTrace | undefined {
    const ids = this.traces.get(traceId)?.spanIds;
    if (!ids) return undefined;
    const now = Date.now();
    const processes: JaegerTrace['processes'] = {};
    const spans: JaegerSpan[] = [];
    for (const id of ids) {
      const made = this.spans.get(id) as ManualSpan;
      processes[made.serviceName] = { serviceName: made.serviceName };
      spans.push({
        traceID: traceId,
        spanID: made.spanId,
        operationName: made.operationName,
        references: made.parentSpanId ? [{ refType: 'CHILD_OF', traceID: traceId, spanID: made.parentSpanId }] : [],
        startTime: made.startMs * 1000,
        duration: ((made.endMs ?? now) - made.startMs) * 1000,
        tags: [
          ...Object.entries(made.attributes).map(([key, value]) => ({ key, value })),
          ...(made.status === 'error' ? [{ key: 'otel.status_code', value: 'ERROR' }] : []),
        ],
        processID: made.serviceName,
      });
    }
    return { traceID: traceId, spans, processes };
  }

  // On shutdown: open spans are ended so that they are exported before the providers flush.
  endAll(): void {
    for (const made of this.spans.values()) if (made.endMs === undefined) this.end(made, 'error', { 'trace_api.abandoned': true }, Date.now());
  }

  private remember(span: Span, input: StartInput, parentSpanId: string | undefined, startMs: number): ManualSpan {
    const { traceId, spanId } = span.spanContext();
    const made: ManualSpan = {
      span,
      traceId,
      spanId,
      parentSpanId,
      serviceName: input.serviceName,
      operationName: input.operationName,
      startMs,
      endMs: undefined,
      attributes: toAttributes(input.tags),
      status: undefined,
    };
    this.spans.set(spanId, made);
    const known = this.traces.get(traceId) ?? { spanIds: [], lastUsedMs: 0 };
    known.spanIds.push(spanId);
    known.lastUsedMs = Date.now();
    this.traces.set(traceId, known);
    return made;
  }

  private end(made: ManualSpan, status: ManualStatus, tags: Record<string, unknown> | undefined, endMs: number): void {
    const extra = toAttributes(tags);
    made.span.setAttributes(extra);
    Object.assign(made.attributes, extra);
    made.span.setStatus(status === 'error' ? { code: SpanStatusCode.ERROR, message: 'reported as failed by the client' } : { code: SpanStatusCode.OK });
    made.span.end(endMs);
    made.endMs = endMs;
    made.status = status;
  }

  private touch(traceId: string): void {
    const known = this.traces.get(traceId);
    if (known) known.lastUsedMs = Date.now();
  }

  private forgetIdle(): void {
    const cutoff = Date.now() - KEEP_MS;
    for (const [traceId, known] of this.traces) {
      if (known.lastUsedMs >= cutoff) continue;
      for (const id of known.spanIds) {
        const made = this.spans.get(id);
        if (made && made.endMs === undefined) this.end(made, 'error', { 'trace_api.abandoned': true }, Date.now());
        this.spans.delete(id);
      }
      this.traces.delete(traceId);
    }
  }
}

// Tags become span attributes: strings, numbers and booleans as they are, anything else as JSON.
function toAttributes(tags: Record<string, unknown> | undefined): Attributes {
  const attributes: Attributes = {};
  for (const [key, value] of Object.entries(tags ?? {})) {
    attributes[key] = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : JSON.stringify(value);
  }
  return attributes;
}
