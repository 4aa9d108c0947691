import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import { BatchSpanProcessor, type ReadableSpan, type SpanExporter, TracerProvider } from '@opentelemetry/sdk-trace';
import { describe, expect, it } from 'vitest';
import { readSpanPipelineStats, spanPipelineMeterProvider } from '../src/span-pipeline-stats.js';

// A stand-in for the OTLP exporter whose backend can be up, down, or hanging (answers held back).
class ControllableExporter implements SpanExporter {
  mode: 'up' | 'down' | 'hanging' = 'up';
  private held: ((result: ExportResult) => void)[] = [];

  export(_spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    if (this.mode === 'up') done({ code: ExportResultCode.SUCCESS });
    else if (this.mode === 'down') done({ code: ExportResultCode.FAILED, error: new Error('connect ECONNREFUSED') });
    else this.held.push(done);
  }

  failHeld(): void {
    this.held.splice(0).forEach((done) => done({ code: ExportResultCode.FAILED, error: new Error('timeout') }));
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

// The counts come from the SDK's own batch span processor: spans it exported, and spans it lost
// because the exporter failed (Jaeger down) or its queue was full.
describe('span pipeline stats', () => {
  it('count exported spans, and dropped ones by reason', async () => {
    const exporter = new ControllableExporter();
    const processor = new BatchSpanProcessor({ exporter, maxQueueSize: 4, maxExportBatchSize: 4, selfObsMeterProvider: spanPipelineMeterProvider() });
    const tracer = new TracerProvider({ spanProcessors: [processor] }).getTracer('stats-test');
    const endSpans = (count: number) => Array.from({ length: count }, () => tracer.startSpan('work').end());

    endSpans(3);
    await processor.forceFlush();

    exporter.mode = 'down';
    endSpans(2);
    await expect(processor.forceFlush()).rejects.toThrow('ECONNREFUSED');

    // While one batch of 4 hangs in export, the queue takes 4 more and the last 2 overflow it.
    exporter.mode = 'hanging';
    endSpans(10);
    exporter.failHeld();

    const stats = await readSpanPipelineStats();
    expect(stats?.exported).toBe(3);
    expect(stats?.droppedBy).toEqual({ Error: 6, queue_full: 2 });
    expect(stats?.dropped).toBe(8);
    expect(stats?.queued).toBe(4);
    expect(stats?.queueCapacity).toBe(4);
  });
});
