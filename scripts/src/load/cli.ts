import { UnreachableTargetError, UsageError } from './errors.js';
import { type LoadOptions, parseLoadOptions, USAGE } from './options.js';
import { type Goal, showProgress } from './progress.js';
import { renderSummary } from './render-summary.js';
import { connectionsFor, runLoad } from './run-load.js';
import { summarize } from './summary.js';
import { checkTarget } from './target.js';

// `npm run load`: the one place that prints errors and picks the exit code. 0 when the run
// completed, HTTP errors included (they are what the fault scenarios produce); 2 when it could not
// start (a bad flag, an unreachable target); 130 when Ctrl-C cut it short; 1 for anything else.

export interface CliStreams {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream;
}

export async function runLoadCli(argv: readonly string[], { stdout, stderr }: CliStreams = process): Promise<number> {
  try {
    const options = parseLoadOptions(argv);
    if (options === 'help') {
      stdout.write(`${USAGE}\n`);
      return 0;
    }
    const healthStatus = await checkTarget(options.target);
    if (healthStatus >= 400) stderr.write(`warning: ${options.target}/health answered ${healthStatus}; sending the load anyway\n`);
    if (!options.json) stderr.write(`${announcement(options)}\n`);

    // Ctrl-C ends the run early but still prints what it measured.
    const stopping = new AbortController();
    const onSigint = () => stopping.abort();
    process.once('SIGINT', onSigint);
    const run = await runLoad(options, {
      onStart: options.json ? undefined : (instance) => showProgress(instance, goalOf(options), stderr),
      signal: stopping.signal,
    }).finally(() => process.removeListener('SIGINT', onSigint));
    const summary = summarize(options, run);
    stdout.write(options.json ? `${JSON.stringify(summary, null, 2)}\n` : renderSummary(summary));
    return run.interrupted ? 130 : 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof UnreachableTargetError) {
      stderr.write(`${error.message}\n`);
      return 2;
    }
    stderr.write(`load failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

function goalOf(options: LoadOptions): Goal {
  return options.requests === undefined ? { durationSeconds: options.duration ?? 0 } : { requests: options.requests };
}

function announcement(options: LoadOptions): string {
  const { scenario, target, rate, duration, requests } = options;
  const amount = requests === undefined ? `for ${duration} s` : `${requests} requests`;
  const pace = rate === undefined ? 'as fast as answered' : `at ${rate} req/s`;
  return `${scenario.name}: ${scenario.description}\nSending ${amount} to ${target}, ${pace}, over ${connectionsFor(options)} connections (Ctrl-C stops early).`;
}
