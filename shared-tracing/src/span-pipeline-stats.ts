import { type CollectionResult, MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import type { Logger } from './logger.js';

// What became of this service's spans, from the SDK's own self-observability metrics: the batch span
// processor counts every span it finished with, as `otel.sdk.processor.span.processed`, and tags the
// ones it lost with error.type (`queue_full` when the buffer overflowed, the exporter's error when
// Jaeger could not take a batch). Read in-process for /health and the drop log line; nothing is exported.

const PROCESSED = 'otel.sdk.processor.span.processed';
const QUEUE_SIZE = 'otel.sdk.processor.span.queue.size';
const QUEUE_CAPACITY = 'otel.sdk.processor.span.queue.capacity';

class OnDemandReader extends MetricReader {
  protected onForceFlush(): Promise<void> {
    return Promise.resolve();
  }

  protected onShutdown(): Promise<void> {
    return Promise.resolve();
  }
}

const reader = new OnDemandReader();
let registered = false;

// Given to the batch span processor; only a processor built with it is counted.
export function spanPipelineMeterProvider(): MeterProvider {
  registered = true;
  return new MeterProvider({ readers: [reader] });
}

export interface SpanPipelineStats {
  exported: number;
  dropped: number;
  // Why, by error.type: queue_full, or the exporter's error.
  droppedBy: Record<string, number>;
  queued: number;
  queueCapacity: number;
}

// Undefined when tracing is off: there is no pipeline to report on.
export async function readSpanPipelineStats(): Promise<SpanPipelineStats | undefined> {
  if (!registered) return undefined;
  return statsFrom(await reader.collect());
}

export function statsFrom({ resourceMetrics }: CollectionResult): SpanPipelineStats {
  const stats: SpanPipelineStats = { exported: 0, dropped: 0, droppedBy: {}, queued: 0, queueCapacity: 0 };
  for (const metric of resourceMetrics.scopeMetrics.flatMap((scope) => scope.metrics)) {
    for (const point of metric.dataPoints) {
      const value = typeof point.value === 'number' ? point.value : 0;
      const errorType = point.attributes['error.type'];
      if (metric.descriptor.name === PROCESSED && errorType === undefined) stats.exported += value;
      if (metric.descriptor.name === PROCESSED && errorType !== undefined) {
        stats.dropped += value;
        stats.droppedBy[String(errorType)] = (stats.droppedBy[String(errorType)] ?? 0) + value;
      }
      if (metric.descriptor.name === QUEUE_SIZE) stats.queued += value;
      if (metric.descriptor.name === QUEUE_CAPACITY) stats.queueCapacity += value;
    }
  }
  return stats;
}

// One warning per interval in which spans were lost, saying how many and why, so an outage of the
// tracing backend shows up in the service's own log and not only as gaps in Jaeger.
export function reportDroppedSpans(logger: Logger, intervalMs = 10_000): () => void {
  let reported = 0;
  const timer = setInterval(() => {
    void readSpanPipelineStats().then((stats) => {
      if (!stats || stats.dropped === reported) return;
      logger.warn({ droppedSpans: stats.dropped - reported, totalDropped: stats.dropped, reasons: stats.droppedBy }, 'spans dropped, not in Jaeger');
      reported = stats.dropped;
    });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
