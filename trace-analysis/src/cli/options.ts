import { parseArgs } from 'node:util';
import { parseTraceId } from './trace-id.js';

// The command line of `npm run trace`, and every default in one place.

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface TraceCliOptions {
  traceId: string;
  jaegerUrl: string;
  // Undefined: the terminal's width, or DEFAULTS.width when stdout is not a terminal.
  width: number | undefined;
  noColor: boolean;
  json: boolean;
}

export const DEFAULTS = {
  jaegerUrl: 'http://localhost:16686',
  width: 80,
} as const;

// Below this the columns of the waterfall (name, service, bar, duration, notes) no longer fit.
export const MIN_WIDTH = 50;
export const MAX_WIDTH = 1000;

export const USAGE = `Usage: npm run trace -- <trace id> [options]

Prints one trace as a waterfall with its critical path and bottlenecks marked, then the time each
service spent. The trace id is 32 hex digits, or a whole traceresponse/traceparent value.

Options:
  --jaeger-url <url>  Jaeger's query API (default ${DEFAULTS.jaegerUrl})
  --width <columns>   line width, ${MIN_WIDTH}-${MAX_WIDTH} (default: the terminal's, or ${DEFAULTS.width})
  --no-color          no colours (they are also off when stdout is not a terminal, or NO_COLOR is set)
  --json              print the analysis as JSON instead
  -h, --help          show this help

Exit code: 0 printed, 1 the trace is not in Jaeger, 2 cannot run (a bad argument, Jaeger unreachable).`;

export function parseOptions(argv: string[]): TraceCliOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        'jaeger-url': { type: 'string', default: DEFAULTS.jaegerUrl },
        width: { type: 'string' },
        'no-color': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    // Node's message for an unknown option goes on to explain `--` for positionals: not this CLI's case.
    const message = (error as Error).message.split('\n')[0]?.replace(/\. To specify a positional argument.*$/, '');
    throw new UsageError(`${message} (see --help)`);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  return {
    traceId: traceIdFrom(positionals),
    jaegerUrl: httpUrl('--jaeger-url', values['jaeger-url']),
    width: values.width === undefined ? undefined : widthFrom(values.width),
    noColor: values['no-color'],
    json: values.json,
  };
}

function traceIdFrom(positionals: string[]): string {
  if (positionals.length === 0) throw new UsageError('missing the trace id (see --help)');
  if (positionals.length > 1) throw new UsageError(`one trace id expected, got ${positionals.length}: ${positionals.join(' ')}`);
  const raw = positionals[0] as string;
  const traceId = parseTraceId(raw);
  if (traceId === undefined) throw new UsageError(`'${raw}' is not a trace id (32 hex digits, or a traceresponse/traceparent value)`);
  return traceId;
}

function httpUrl(flag: string, raw: string): string {
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:') throw new UsageError(`${flag} '${raw}' is not an http:// or https:// URL`);
  return url.href.replace(/\/+$/, '');
}

function widthFrom(raw: string): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || value < MIN_WIDTH || value > MAX_WIDTH) {
    throw new UsageError(`--width '${raw}' is not a whole number from ${MIN_WIDTH} to ${MAX_WIDTH}`);
  }
  return value;
}
