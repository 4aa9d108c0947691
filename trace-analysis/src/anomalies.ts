import { roundTo, toMs } from './milliseconds.js';
import { median } from './percentile.js';
import { spanLabel, type TraceTree } from './trace-tree.js';

// Latency anomalies, per operation (`service:operation`), against a baseline made of the same
// operation's spans in the traces given (the recent ones).
//
// Method: the modified z-score of Iglewicz and Hoaglin, z = 0.6745 (x - median) / MAD, where MAD is
// the median absolute deviation from the median. Median and MAD are robust: the slow outliers being
// looked for barely move them, which a mean and a standard deviation would not survive. When more than
// half of the durations are equal, MAD is 0 and the mean absolute deviation stands in
// (z = (x - median) / (1.2533 MeanAD)). A span is an anomaly when
//   - its operation has at least `minSamples` spans in the baseline,
//   - z > `threshold` (3.5, the authors' recommendation), and
//   - it is at least `minExcessMs` slower than the median, so sub-millisecond jitter on a very
//     steady operation is not reported.
// Only slow spans are reported: an unusually fast span is rarely a problem.
export interface AnomalyOptions {
  threshold: number;
  minSamples: number;
  minExcessMs: number;
}

export const DEFAULT_ANOMALY_OPTIONS: AnomalyOptions = { threshold: 3.5, minSamples: 5, minExcessMs: 1 };

export interface LatencyAnomaly {
  traceId: string;
  spanId: string;
  operation: string;
  duration: number;
  baselineMedian: number;
  baselineMad: number;
  score: number;
  samples: number;
}

export function latencyAnomalies(trees: readonly TraceTree[], options: AnomalyOptions = DEFAULT_ANOMALY_OPTIONS): LatencyAnomaly[] {
  const byOperation = new Map<string, { traceId: string; spanId: string; durationUs: number }[]>();
  for (const tree of trees) {
    for (const span of tree.spans) {
      const key = spanLabel(span);
      let samples = byOperation.get(key);
      if (!samples) byOperation.set(key, (samples = []));
      samples.push({ traceId: tree.traceId, spanId: span.spanId, durationUs: span.durationUs });
    }
  }
  const found: LatencyAnomaly[] = [];
  for (const [operation, samples] of byOperation) {
    if (samples.length < options.minSamples) continue;
    const sorted = samples.map((s) => s.durationUs).sort((a, b) => a - b);
    const middle = median(sorted);
    const mad = median(sorted.map((d) => Math.abs(d - middle)).sort((a, b) => a - b));
    const scale = mad > 0 ? mad / 0.6745 : (1.2533 * sorted.reduce((sum, d) => sum + Math.abs(d - middle), 0)) / sorted.length;
    if (scale <= 0) continue;
    for (const sample of samples) {
      const score = (sample.durationUs - middle) / scale;
      if (score > options.threshold && sample.durationUs - middle >= options.minExcessMs * 1000) {
        found.push({
          traceId: sample.traceId,
          spanId: sample.spanId,
          operation,
          duration: toMs(sample.durationUs),
          baselineMedian: toMs(middle),
          baselineMad: toMs(mad),
          score: roundTo(score, 2),
          samples: samples.length,
        });
      }
    }
  }
  return found.sort((a, b) => b.score - a.score);
}
