import { percentile, toMs, type TraceTree, type TreeSpan } from '@tracing-lab/trace-analysis';
import type { AlertRule } from './alert-rules.js';

// What a rule measures: the service's server spans (the requests it answered) that started inside
// the sliding window ending now. Pure, so the same traces always give the same value.

export interface AlertMeasurement {
  // error_rate 0 to 1 (4 decimals), or p95_ms; null when the window holds fewer than minSamples spans.
  value: number | null;
  samples: number;
  // The traces behind the value: the newest failed requests, or the slowest ones.
  exampleTraceIds: string[];
}

export const EXAMPLE_TRACES = 3;

interface Sample {
  traceId: string;
  span: TreeSpan;
}

export function measureAlert(rule: Pick<AlertRule, 'service' | 'metric' | 'windowMs' | 'minSamples'>, trees: readonly TraceTree[], nowMs: number): AlertMeasurement {
  const windowStartUs = (nowMs - rule.windowMs) * 1000;
  const samples: Sample[] = [];
  for (const tree of trees) {
    for (const span of tree.spans) {
      if (span.service === rule.service && span.kind === 'server' && span.startUs >= windowStartUs) samples.push({ traceId: tree.traceId, span });
    }
  }
  if (samples.length < Math.max(1, rule.minSamples)) return { value: null, samples: samples.length, exampleTraceIds: [] };
  if (rule.metric === 'error_rate') {
    const failed = samples.filter((sample) => sample.span.error).sort((a, b) => b.span.startUs - a.span.startUs);
    return { value: Math.round((failed.length / samples.length) * 10_000) / 10_000, samples: samples.length, exampleTraceIds: examples(failed) };
  }
  const slowest = [...samples].sort((a, b) => b.span.durationUs - a.span.durationUs);
  return { value: toMs(percentile(samples.map((sample) => sample.span.durationUs), 95)), samples: samples.length, exampleTraceIds: examples(slowest) };
}

function examples(samples: readonly Sample[]): string[] {
  return [...new Set(samples.map((sample) => sample.traceId))].slice(0, EXAMPLE_TRACES);
}
