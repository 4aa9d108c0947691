import { parseArgs } from 'node:util';
import { UsageError } from './errors.js';
import { type Scenario, SCENARIO_NAMES, SCENARIOS, scenarioNamed } from './scenarios.js';

// `npm run load -- [options]`: every option, its default and its validation, in one place. Any
// problem becomes a UsageError whose message starts with the flag it is about.

export interface LoadOptions {
  scenario: Scenario;
  // Requests per second over all connections; undefined sends as fast as the mesh answers.
  rate: number | undefined;
  // Exactly one of duration (seconds) and requests (a count) is set.
  duration: number | undefined;
  requests: number | undefined;
  concurrency: number;
  // No trailing slash, so request paths append to it.
  target: string;
  jaegerUi: string;
  json: boolean;
}

export const LOAD_DEFAULTS = {
  scenario: 'mixed',
  duration: 30,
  concurrency: 10,
  // With --rate, at least one connection per this many requests per second: a connection sends one
  // request at a time, and an order through the mesh takes 40-60 ms on a 2-core machine, so one
  // connection tops out near 20 req/s. At 200 req/s, 10 connections reached 175, 20 held 199.
  requestsPerSecondPerConnection: 10,
  target: 'http://localhost:8080',
  jaegerUi: 'http://localhost:16686',
} as const;

export const USAGE = `Usage: npm run load -- [options]

  --scenario <name>     the traffic to send (default ${LOAD_DEFAULTS.scenario}):
${SCENARIOS.map((s) => `      ${s.name.padEnd(18)}${s.description}`).join('\n')}
                        a fault scenario sends baggage lab.scenario=<name> on every request
  --rate <n>            requests per second over all connections (default: as fast as answered)
  --duration <seconds>  how long to send (default ${LOAD_DEFAULTS.duration}); not with --requests
  --requests <n>        send exactly n requests, then stop; not with --duration
  --concurrency <n>     connections (default ${LOAD_DEFAULTS.concurrency}, or one per ${LOAD_DEFAULTS.requestsPerSecondPerConnection} req/s of --rate)
  --target <url>        the frontend (default ${LOAD_DEFAULTS.target}, or LAB_FRONTEND_URL)
  --jaeger-ui <url>     for the trace links (default ${LOAD_DEFAULTS.jaegerUi})
  --json                print only a JSON summary on stdout
  --help                this text`;

const FLAGS = {
  scenario: { type: 'string' },
  rate: { type: 'string' },
  duration: { type: 'string' },
  requests: { type: 'string' },
  concurrency: { type: 'string' },
  target: { type: 'string' },
  'jaeger-ui': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

// The options to run with, or 'help' when the user asked for the usage text.
// `env`: LAB_FRONTEND_URL names the target when --target does not (docker-compose.yml sets it for
// `docker compose run --rm load`, inside the project's network).
export function parseLoadOptions(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): LoadOptions | 'help' {
  const { values } = parseFlags(argv);
  if (values.help) return 'help';
  if (values.duration !== undefined && values.requests !== undefined) {
    throw new UsageError('--requests: cannot be combined with --duration (give a count or a time, not both)');
  }
  const requests = values.requests === undefined ? undefined : positiveInteger('--requests', values.requests);
  const rate = values.rate === undefined ? undefined : positiveInteger('--rate', values.rate);
  return {
    scenario: scenario(values.scenario ?? LOAD_DEFAULTS.scenario),
    rate,
    duration: requests !== undefined ? undefined : values.duration === undefined ? LOAD_DEFAULTS.duration : seconds('--duration', values.duration),
    requests,
    concurrency: values.concurrency === undefined ? defaultConcurrency(rate) : positiveInteger('--concurrency', values.concurrency),
    target: httpUrl('--target', values.target ?? (env.LAB_FRONTEND_URL || LOAD_DEFAULTS.target)),
    jaegerUi: httpUrl('--jaeger-ui', values['jaeger-ui'] ?? LOAD_DEFAULTS.jaegerUi),
    json: values.json ?? false,
  };
}

// node:util's own messages span lines and suggest things that make no sense here; each becomes one
// line that starts with the flag.
function parseFlags(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: FLAGS, strict: true, allowPositionals: false });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = error instanceof Error ? error.message : String(error);
    const quoted = /'([^' ]+)/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`${quoted}: unknown option (see --help)`);
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') throw new UsageError(`${quoted}: unexpected argument; options start with -- (see --help)`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const takesNoValue = message.includes('does not take an argument');
      throw new UsageError(`${quoted}: ${takesNoValue ? 'takes no value' : 'needs a value'}`);
    }
    throw error;
  }
}

function defaultConcurrency(rate: number | undefined): number {
  return Math.max(LOAD_DEFAULTS.concurrency, Math.ceil((rate ?? 0) / LOAD_DEFAULTS.requestsPerSecondPerConnection));
}

function scenario(name: string): Scenario {
  const found = scenarioNamed(name);
  if (!found) throw new UsageError(`--scenario: unknown scenario '${name}' (one of: ${SCENARIO_NAMES.join(', ')})`);
  return found;
}

function positiveInteger(flag: string, value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number) || number < 1) {
    throw new UsageError(`${flag}: '${value}' is not a whole number of at least 1`);
  }
  return number;
}

function seconds(flag: string, value: string): number {
  const number = Number(value);
  if (!/^(\d+\.?\d*|\.\d+)$/.test(value) || !(number > 0) || !Number.isFinite(number)) {
    throw new UsageError(`${flag}: '${value}' is not a number of seconds above 0`);
  }
  return number;
}

function httpUrl(flag: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${flag}: '${value}' is not a URL (like ${flag === '--target' ? LOAD_DEFAULTS.target : LOAD_DEFAULTS.jaegerUi})`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`${flag}: '${value}' is not an http or https URL`);
  if (url.search || url.hash) throw new UsageError(`${flag}: '${value}' must not have a query or fragment`);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
