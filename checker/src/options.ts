import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

// The command line, and every default in one place.

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface CheckerOptions {
  jaegerUrl: string;
  frontendUrl: string;
  task: number | undefined;
  exercise: number | undefined;
  json: boolean;
  junit: string | undefined;
  watch: boolean;
  timeoutMs: number;
  audit: number;
  // Where the services' log files are (<service>.log): task 11 reads them.
  logsDir: string;
  help: boolean;
}

export const DEFAULTS = {
  jaegerUrl: 'http://localhost:16686',
  frontendUrl: 'http://localhost:8080',
  timeoutSeconds: 30,
  audit: 50,
  watchIntervalSeconds: 5,
  // The native stack's (npm run stack:up), at the root of the repo the checker is built in.
  logsDir: resolve(__dirname, '..', '..', '.stack', 'logs'),
} as const;

// Where the mesh is, when no flag says: LAB_FRONTEND_URL and LAB_JAEGER_URL name it from elsewhere
// (docker-compose.yml sets them for `docker compose run --rm check`, inside the project's network).
export function meshAddresses(env: NodeJS.ProcessEnv = process.env): { jaegerUrl: string; frontendUrl: string } {
  return { jaegerUrl: env.LAB_JAEGER_URL || DEFAULTS.jaegerUrl, frontendUrl: env.LAB_FRONTEND_URL || DEFAULTS.frontendUrl };
}

// Tasks 1 to 11 make up `npm run check`; task 12 runs only for exercise 10 (tasks/index.ts).
export const TASK_COUNT = 12;
const MAX_AUDIT = 1000;

export const USAGE = `Usage: npm run check -- [options]

Checks which tracing tasks of the lab work, with its own requests through the mesh, and scores them.

Options:
  --jaeger-url <url>    Jaeger's query API (default ${DEFAULTS.jaegerUrl}, or LAB_JAEGER_URL)
  --frontend-url <url>  the mesh's entry point; the other services are on its host, or at their own
                        names when its host is \`frontend\` (default ${DEFAULTS.frontendUrl}, or LAB_FRONTEND_URL)
  --task <n>            run task n only (1-${TASK_COUNT})
  --exercise <n>        run only the tasks that grade exercise n (npm run lab -- list)
  --json                print the result as JSON
  --junit <file>        also write the result as a JUnit XML report
  --watch               re-run every ${DEFAULTS.watchIntervalSeconds}s after each run, as you work
  --timeout <s>         how long to wait for traces to arrive (default ${DEFAULTS.timeoutSeconds})
  --audit <n>           how many orders the completeness audit sends (default ${DEFAULTS.audit})
  --logs <dir>          the services' log files, <service>.log (default the native stack's .stack/logs)
  -h, --help            show this help

Exit code: 0 all tasks pass, 1 some fail, 2 the checker cannot run.`;

export function parseOptions(argv: string[]): CheckerOptions {
  let values;
  const addresses = meshAddresses();
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        'jaeger-url': { type: 'string', default: addresses.jaegerUrl },
        'frontend-url': { type: 'string', default: addresses.frontendUrl },
        task: { type: 'string' },
        exercise: { type: 'string' },
        json: { type: 'boolean', default: false },
        junit: { type: 'string' },
        watch: { type: 'boolean', default: false },
        timeout: { type: 'string', default: String(DEFAULTS.timeoutSeconds) },
        audit: { type: 'string', default: String(DEFAULTS.audit) },
        logs: { type: 'string', default: DEFAULTS.logsDir },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]} (see --help)`);
  }
  if (values.task !== undefined && values.exercise !== undefined) throw new UsageError('--task and --exercise cannot be given together (see --help)');
  return {
    jaegerUrl: httpUrl('--jaeger-url', values['jaeger-url']),
    frontendUrl: httpUrl('--frontend-url', values['frontend-url']),
    task: values.task === undefined ? undefined : integerIn('--task', values.task, 1, TASK_COUNT),
    exercise: values.exercise === undefined ? undefined : integerIn('--exercise', values.exercise, 1, 99),
    json: values.json,
    junit: values.junit === '' ? invalid('--junit', '', 'a file name') : values.junit,
    watch: values.watch,
    timeoutMs: Math.round(positiveNumber('--timeout', values.timeout) * 1000),
    audit: integerIn('--audit', values.audit, 1, MAX_AUDIT),
    logsDir: values.logs === '' ? invalid('--logs', '', 'a folder') : resolve(values.logs),
    help: values.help,
  };
}

function httpUrl(flag: string, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return invalid(flag, raw, 'an http:// or https:// URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return invalid(flag, raw, 'an http:// or https:// URL');
  return url.href.replace(/\/+$/, '');
}

function integerIn(flag: string, raw: string, min: number, max: number): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || value < min || value > max) return invalid(flag, raw, `a whole number from ${min} to ${max}`);
  return value;
}

function positiveNumber(flag: string, raw: string): number {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value <= 0) return invalid(flag, raw, 'a number of seconds above 0');
  return value;
}

function invalid(flag: string, raw: string, wanted: string): never {
  throw new UsageError(`${flag} '${raw}' is not ${wanted}`);
}
