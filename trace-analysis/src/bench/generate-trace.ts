import type { JaegerSpan, JaegerTrace } from '../jaeger-trace.js';
import { seededRandom } from '../seeded-random.js';

// A synthetic trace of `spanCount` spans shaped like the mesh's: services calling services, each call
// a few nested spans, siblings partly concurrent, some children outliving their parent the way a
// message consumer does. Deterministic for a given seed, so a benchmark run or a test is repeatable.
export function generateTrace(spanCount: number, seed = 1): JaegerTrace {
  const random = seededRandom(seed);
  const services = ['frontend', 'backend', 'database', 'notifier', 'inventory', 'payments'];
  const traceID = hex(random, 32);
  const spans: JaegerSpan[] = [];
  const startUs = 1_700_000_000_000_000;
  spans.push(span(traceID, hex(random, 16), undefined, 'p0', 'GET /root', startUs, 60_000_000));
  for (let i = 1; i < spanCount; i++) {
    // Prefer recent spans as parents, so the tree is both deep and wide.
    const parentIndex = Math.max(0, i - 1 - Math.floor(random() ** 3 * i));
    const parent = spans[parentIndex] as JaegerSpan;
    const offset = Math.floor(random() * parent.duration * 0.8);
    const overflow = random() < 0.05 ? 1.5 : 0.9;
    const duration = Math.max(1, Math.floor(random() * (parent.duration - offset) * overflow));
    const process = random() < 0.3 ? `p${Math.floor(random() * services.length)}` : parent.processID;
    spans.push(span(traceID, hex(random, 16), parent.spanID, process, `op-${i % 50}`, parent.startTime + offset, duration));
  }
  const processes = Object.fromEntries(services.map((serviceName, i) => [`p${i}`, { serviceName }]));
  return { traceID, spans, processes };
}

function span(traceID: string, spanID: string, parent: string | undefined, processID: string, operationName: string, startTime: number, duration: number): JaegerSpan {
  return {
    traceID,
    spanID,
    operationName,
    references: parent ? [{ refType: 'CHILD_OF', traceID, spanID: parent }] : [],
    startTime,
    duration,
    tags: [{ key: 'span.kind', type: 'string', value: 'internal' }],
    processID,
  };
}

function hex(random: () => number, length: number): string {
  let out = '';
  while (out.length < length) out += Math.floor(random() * 16).toString(16);
  return out;
}
