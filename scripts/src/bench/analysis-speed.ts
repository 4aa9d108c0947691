import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../stack.js';

// Part 4: the Tracing API's analysis (trace-analysis/, what GET /traces/:id/analyze runs) timed on a
// generated trace by its own benchmark, trace-analysis/dist/bench.js, run as a child process so it
// has a quiet heap of its own.

export interface AnalysisSpeed {
  spans: number;
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
}

const BENCH = join(REPO_ROOT, 'trace-analysis', 'dist', 'bench.js');

// `analyzed a 10000-span trace 20 times: median 46.1 ms, min 44.0 ms, max 52.3 ms (Node v24...)`
export function parseAnalysisBench(line: string, spans: number, runs: number): AnalysisSpeed {
  const match = /median ([\d.]+) ms, min ([\d.]+) ms, max ([\d.]+) ms/.exec(line);
  if (!match) throw new Error(`trace-analysis/dist/bench.js printed something unexpected: ${line.trim()}`);
  return { spans, runs, medianMs: Number(match[1]), minMs: Number(match[2]), maxMs: Number(match[3]) };
}

export function measureAnalysisSpeed(spans: number, runs: number): Promise<AnalysisSpeed> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BENCH, String(spans), String(runs)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code !== 0) return reject(new Error(`trace-analysis/dist/bench.js exited ${code}: ${output.trim()}`));
      try {
        resolve(parseAnalysisBench(output, spans, runs));
      } catch (error) {
        reject(error);
      }
    });
  });
}
