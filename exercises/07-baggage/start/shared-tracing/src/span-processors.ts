import { ALLOW_ALL_BAGGAGE_KEYS, BaggageSpanProcessor } from '@opentelemetry/baggage-span-processor';
import { getNumberFromEnv } from '@opentelemetry/core';
import { BatchSpanProcessor, SimpleSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace';
import { otlpExporter } from './otlp-exporter.js';
import { RedactionSpanProcessor } from './redaction-span-processor.js';
import { spanPipelineMeterProvider } from './span-pipeline-stats.js';

// The lab's own baggage entries start with this prefix: `lab.scenario` (a fault scenario to switch
// on) and `lab.checker` (the checker's run id). They should be visible, and searchable, on each span
// the request touched in every service.
export const LAB_BAGGAGE_PREFIX = 'lab.';

// 'batched' keeps the export off the request path; 'each' exports a span as soon as it ends, for
// spans a client expects to find in Jaeger right after its call (the Tracing API's manual spans).
export type ExportMode = 'batched' | 'each';

// Every span the lab exports goes through this list, whichever provider made it.
export function meshSpanProcessors(exportMode: ExportMode = 'batched'): SpanProcessor[] {
  // TODO (exercise 7): this copies every baggage entry onto every span, whoever set it. Baggage comes
  // from the caller and travels on to every service downstream: a client can put a user.email in it,
  // and it would be stored in Jaeger on every span. Copy only the lab's own entries (the keys under
  // LAB_BAGGAGE_PREFIX); every other entry must still travel on, but stay off the spans.
  const baggage = new BaggageSpanProcessor(ALLOW_ALL_BAGGAGE_KEYS);
  // Order matters: baggage is copied at start, redaction runs as a span ends, export comes last.
  const processors = [baggage as unknown as SpanProcessor, new RedactionSpanProcessor()];
  // OTEL_TRACES_EXPORTER=none, the standard switch, which the SDK honours only for a processor list
  // of its own: spans are made and processed, and sent nowhere (what the benchmark's price list
  // measures the export against). The lab's only exporter is OTLP.
  if (process.env.OTEL_TRACES_EXPORTER?.trim() === 'none') return processors;
  const exporter = exportMode === 'batched' ? batchProcessor() : new SimpleSpanProcessor({ exporter: otlpExporter() });
  return [...processors, exporter];
}

// OTLP over HTTP to Jaeger's :4318 (otlp-exporter.ts), batched so the export stays off the request
// path. The SDK builds this processor from OTEL_BSP_* only when it owns the processor list; since the
// list is ours, the same standard variables are read here.
function batchProcessor(): BatchSpanProcessor {
  return new BatchSpanProcessor({
    exporter: otlpExporter(),
    maxQueueSize: getNumberFromEnv('OTEL_BSP_MAX_QUEUE_SIZE'),
    scheduledDelayMillis: getNumberFromEnv('OTEL_BSP_SCHEDULE_DELAY'),
    exportTimeoutMillis: getNumberFromEnv('OTEL_BSP_EXPORT_TIMEOUT'),
    maxExportBatchSize: getNumberFromEnv('OTEL_BSP_MAX_EXPORT_BATCH_SIZE'),
    // Counts exported and dropped spans for /health (span-pipeline-stats.ts).
    selfObsMeterProvider: spanPipelineMeterProvider(),
  });
}
