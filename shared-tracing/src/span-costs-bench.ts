import { type Context, propagation, ROOT_CONTEXT, SpanKind } from '@opentelemetry/api';
import { BaggageSpanProcessor } from '@opentelemetry/baggage-span-processor';
import { ExportResultCode } from '@opentelemetry/core';
import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { TracerProvider, BatchSpanProcessor, type ReadableSpan, type SpanExporter, type SpanProcessor } from '@opentelemetry/sdk-trace';
import { RedactionSpanProcessor } from './redaction-span-processor.js';
import { LAB_BAGGAGE_PREFIX } from './span-processors.js';

// `node shared-tracing/dist/span-costs-bench.js [spans]`: what one span costs in this process, for
// the price list of `npm run bench -- --price-list`. A span like the mesh's HTTP server spans (the
// attributes the http instrumentation sets) is started and ended through the SDK with each of our
// span processors, and batches of such spans are encoded as OTLP/HTTP sends them, as protobuf (what
// the services' exporter sends) and as JSON. Prints one JSON object.

const BATCH = 512;
const ROUNDS = 5;

// What an incoming request's server span carries once the http and express instrumentations are done.
const SERVER_SPAN_ATTRIBUTES = {
  'http.request.method': 'POST',
  'url.scheme': 'http',
  'url.path': '/api/orders',
  'http.route': '/api/orders',
  'server.address': 'localhost',
  'server.port': 8080,
  'network.protocol.version': '1.1',
  'network.peer.address': '127.0.0.1',
  'network.peer.port': 53412,
  'client.address': '127.0.0.1',
  'user_agent.original': 'autocannon/8.0.0',
  'http.response.status_code': 201,
};

// A request's baggage: the lab's own entry, copied onto spans, and one that must stay off them.
const REQUEST_CONTEXT: Context = propagation.setBaggage(
  ROOT_CONTEXT,
  propagation.createBaggage({ [`${LAB_BAGGAGE_PREFIX}scenario`]: { value: 'none' }, 'user.id': { value: 'u-1042' } }),
);

// Accepts every batch at once: the cost measured is the process's, not a network's.
class DiscardingExporter implements SpanExporter {
  export(_spans: ReadableSpan[], done: (result: { code: ExportResultCode }) => void): void {
    done({ code: ExportResultCode.SUCCESS });
  }
  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

// Keeps the spans of the last batch, to encode them.
class KeepingExporter extends DiscardingExporter {
  spans: ReadableSpan[] = [];
  override export(spans: ReadableSpan[], done: (result: { code: ExportResultCode }) => void): void {
    this.spans = spans;
    super.export(spans, done);
  }
}

function batchProcessor(exporter: SpanExporter): BatchSpanProcessor {
  // Flushed after every BATCH spans below, so the queue never fills and nothing is dropped.
  return new BatchSpanProcessor({ exporter, maxQueueSize: BATCH * 2, maxExportBatchSize: BATCH, scheduledDelayMillis: 60_000 });
}

// Microseconds per span started, given its attributes and ended, the batch processor's flush included.
async function createMicros(processors: (batch: BatchSpanProcessor) => SpanProcessor[], spans: number): Promise<number> {
  const batch = batchProcessor(new DiscardingExporter());
  const tracer = new TracerProvider({ spanProcessors: processors(batch) }).getTracer('span-costs');
  const run = async (count: number): Promise<number> => {
    const started = process.hrtime.bigint();
    for (let done = 0; done < count; done += BATCH) {
      for (let i = 0; i < BATCH; i++) {
        tracer.startSpan('POST /api/orders', { kind: SpanKind.SERVER, attributes: SERVER_SPAN_ATTRIBUTES }, REQUEST_CONTEXT).end();
      }
      await batch.forceFlush();
    }
    return Number(process.hrtime.bigint() - started) / 1_000 / count;
  };
  await run(spans); // warm-up: the JIT compiles the paths before anything is measured
  const rounds: number[] = [];
  for (let round = 0; round < ROUNDS; round++) rounds.push(await run(spans));
  return median(rounds);
}

// Microseconds per span of encoding one full batch of the mesh's spans.
async function encodeMicros(serialize: (spans: ReadableSpan[]) => unknown, spans: number): Promise<number> {
  const kept = new KeepingExporter();
  const batch = batchProcessor(kept);
  const tracer = new TracerProvider({ spanProcessors: meshProcessors(batch) }).getTracer('span-costs');
  for (let i = 0; i < BATCH; i++) {
    tracer.startSpan('POST /api/orders', { kind: SpanKind.SERVER, attributes: SERVER_SPAN_ATTRIBUTES }, REQUEST_CONTEXT).end();
  }
  await batch.forceFlush();
  const batches = Math.max(1, Math.round(spans / BATCH));
  const run = (): number => {
    const started = process.hrtime.bigint();
    for (let i = 0; i < batches; i++) serialize(kept.spans);
    return Number(process.hrtime.bigint() - started) / 1_000 / (batches * kept.spans.length);
  };
  run();
  return median(Array.from({ length: ROUNDS }, run));
}

// The mesh's own list (span-processors.ts), with the exporter's batch processor given.
function meshProcessors(batch: BatchSpanProcessor): SpanProcessor[] {
  return [new BaggageSpanProcessor((key) => key.startsWith(LAB_BAGGAGE_PREFIX)) as unknown as SpanProcessor, new RedactionSpanProcessor(), batch];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round((sorted[Math.floor(sorted.length / 2)] ?? Number.NaN) * 100) / 100;
}

export interface SpanCosts {
  spans: number;
  attributes: number;
  // Per span started and ended: the SDK and its batch processor alone, with one of our processors, with all.
  createdMicros: { sdk: number; withBaggage: number; withRedaction: number; mesh: number };
  // Per span, encoding a batch for OTLP/HTTP.
  encodedMicros: { json: number; protobuf: number };
}

async function main(): Promise<void> {
  const spans = Number(process.argv[2] ?? 20_480);
  if (!Number.isInteger(spans) || spans < BATCH) throw new Error(`the span count must be an integer of at least ${BATCH}`);
  const baggage = () => new BaggageSpanProcessor((key) => key.startsWith(LAB_BAGGAGE_PREFIX)) as unknown as SpanProcessor;
  const costs: SpanCosts = {
    spans,
    attributes: Object.keys(SERVER_SPAN_ATTRIBUTES).length,
    createdMicros: {
      sdk: await createMicros((batch) => [batch], spans),
      withBaggage: await createMicros((batch) => [baggage(), batch], spans),
      withRedaction: await createMicros((batch) => [new RedactionSpanProcessor(), batch], spans),
      mesh: await createMicros(meshProcessors, spans),
    },
    encodedMicros: {
      json: await encodeMicros((s) => JsonTraceSerializer.serializeRequest(s), spans),
      protobuf: await encodeMicros((s) => ProtobufTraceSerializer.serializeRequest(s), spans),
    },
  };
  process.stdout.write(`${JSON.stringify(costs)}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`span-costs-bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
