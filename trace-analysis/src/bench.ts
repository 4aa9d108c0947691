import { analyzeTrace } from './analyze.js';
import { generateTrace } from './bench/generate-trace.js';
import { buildTraceTree } from './trace-tree.js';

// Prints how long the whole analysis (tree, self times, breakdown, bottlenecks, critical path, error
// root cause) takes on a generated trace: `node trace-analysis/dist/bench.js [spans] [runs]`.
// Figures only; the tests assert no timings.
const spanCount = Number(process.argv[2] ?? 10_000);
const runs = Number(process.argv[3] ?? 20);
const trace = generateTrace(spanCount);

for (let i = 0; i < 3; i++) analyzeTrace(buildTraceTree(trace)); // warm-up: let the JIT compile first

const timings: number[] = [];
for (let i = 0; i < runs; i++) {
  const started = process.hrtime.bigint();
  analyzeTrace(buildTraceTree(trace));
  timings.push(Number(process.hrtime.bigint() - started) / 1e6);
}
timings.sort((a, b) => a - b);
const median = timings[Math.floor(timings.length / 2)] as number;
process.stdout.write(
  `analyzed a ${spanCount}-span trace ${runs} times: median ${median.toFixed(1)} ms, ` +
    `min ${(timings[0] as number).toFixed(1)} ms, max ${(timings[timings.length - 1] as number).toFixed(1)} ms (Node ${process.version})\n`,
);
