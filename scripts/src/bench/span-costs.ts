import { spawn } from 'node:child_process';
import type { SpanCosts } from '@tracing-lab/shared-tracing/span-costs-bench';
import { round } from '../round.js';

// The price of one span in a process: shared-tracing/dist/span-costs-bench.js, run as a child process
// so it has a quiet heap of its own (as the analysis speed is measured).

export type { SpanCosts };

// The OpenTelemetry JS project's own micro-benchmark, as it publishes it (benchmark/current.json in
// open-telemetry/opentelemetry-js, the BasicTracerProvider with BatchSpanProcessor suite): spans
// started and ended per second in one process, read as microseconds per span.
export const PUBLISHED_SPAN_MICROS = {
  source: 'open-telemetry/opentelemetry-js benchmark/current.json (BasicTracerProvider with BatchSpanProcessor)',
  startSpan: round(1e6 / 128_140, 2),
  startSpanWith30Attributes: round(1e6 / 46_044, 2),
};

const BENCH = require.resolve('@tracing-lab/shared-tracing/span-costs-bench');

export function measureSpanCosts(spans: number): Promise<SpanCosts> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BENCH, String(spans)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code !== 0) return reject(new Error(`shared-tracing/dist/span-costs-bench.js exited ${code}: ${stderr.trim()}`));
      try {
        resolve(JSON.parse(stdout) as SpanCosts);
      } catch {
        reject(new Error(`shared-tracing/dist/span-costs-bench.js printed something unexpected: ${stdout.trim()}`));
      }
    });
  });
}
