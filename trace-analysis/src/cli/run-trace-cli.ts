import { analyzeTrace } from '../analyze.js';
import { buildTraceTree } from '../trace-tree.js';
import type { Fetch } from '../fetch-with-timeout.js';
import { JaegerUnavailableError } from '../jaeger-answer.js';
import { fetchTrace, TraceNotFoundError } from './fetch-trace.js';
import { DEFAULTS, MAX_WIDTH, MIN_WIDTH, parseOptions, USAGE, UsageError } from './options.js';
import { ansiPaint, plainPaint, wantsColor } from './paint.js';
import { renderReport } from './render-report.js';

// The one place that owns output and exit codes: 0 printed, 1 the trace is not in Jaeger, 2 the CLI
// cannot run (a bad argument, Jaeger unreachable). A failure is one line on stderr, never a stack trace.

export const EXIT = { printed: 0, notFound: 1, cannotRun: 2 } as const;

// Everything the CLI takes from its process, so the tests can hand it their own.
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  fetch: Fetch;
  stdoutIsTTY: boolean;
  // The terminal's width, when stdout is one.
  columns: number | undefined;
  env: Record<string, string | undefined>;
}

export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    fetch: (url, init) => fetch(url, init),
    stdoutIsTTY: process.stdout.isTTY === true,
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
    env: process.env,
  };
}

export async function runTraceCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  try {
    const options = parseOptions(argv);
    if (options === 'help') {
      io.out(USAGE);
      return EXIT.printed;
    }
    const tree = buildTraceTree(await fetchTrace(options.jaegerUrl, options.traceId, io.fetch));
    const analysis = analyzeTrace(tree);
    if (options.json) {
      io.out(JSON.stringify(analysis, null, 2));
      return EXIT.printed;
    }
    const width = options.width ?? terminalWidth(io.columns);
    const paint = wantsColor(io.stdoutIsTTY, io.env, options.noColor) ? ansiPaint : plainPaint;
    io.out(renderReport(tree, analysis, width, paint));
    return EXIT.printed;
  } catch (error) {
    io.err(`trace: ${oneLine(error)}`);
    return error instanceof TraceNotFoundError ? EXIT.notFound : EXIT.cannotRun;
  }
}

// A terminal narrower than the waterfall needs still gets it, wrapped by the terminal.
function terminalWidth(columns: number | undefined): number {
  if (columns === undefined || columns <= 0) return DEFAULTS.width;
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, columns));
}

function oneLine(error: unknown): string {
  if (error instanceof UsageError || error instanceof JaegerUnavailableError || error instanceof TraceNotFoundError) return error.message;
  // Anything else is a bug; still one line, so the user sees what failed rather than a stack.
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `cannot run: ${message.split('\n')[0]}`;
}
