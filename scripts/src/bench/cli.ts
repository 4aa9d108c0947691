import { constants } from 'node:os';
import { UsageError } from '../load/errors.js';
import { loadStack } from '../stack.js';
import { parseBenchOptions, USAGE } from './options.js';
import { FULL_PLAN, SMOKE_PLAN } from './plan.js';
import { renderReport } from './render-report.js';
import { renderPriceList } from './render-price-list.js';
import { runBench, runPriceList } from './run-bench.js';

// `npm run bench`: the one place that prints errors and picks the exit code. 0 when the run
// finished and every trace was complete (the other aims are reported, not enforced: they depend on
// the machine); 1 when traces were lost or the run failed; 2 for a bad flag; 128 + the signal's
// number after Ctrl-C (130), SIGTERM (143) or SIGHUP (129), once the services are back to
// docker-compose.yml's settings: a bench stopped by a CI timeout or `kill` must not leave the next user
// of the stack a mesh with tracing switched off.

export interface CliStreams {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream;
}

export async function runBenchCli(argv: readonly string[], { stdout, stderr }: CliStreams = process): Promise<number> {
  let options: ReturnType<typeof parseBenchOptions>;
  try {
    options = parseBenchOptions(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    stderr.write(`${error.message}\n`);
    return 2;
  }
  if (options === 'help') {
    stdout.write(`${USAGE}\n`);
    return 0;
  }

  const stopping = new AbortController();
  let stoppedBy: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stoppedBy) {
      stderr.write('bench: stopped without restoring; restart the services with npm run stack:down -- frontend backend database notifier && npm run stack:up\n');
      process.exit(exitCodeFor(signal));
    }
    stoppedBy = signal;
    stderr.write(`\nbench: ${signal}, stopping; restoring the services first (${signal} again to skip)\n`);
    stopping.abort();
  };
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
  const started = Date.now();
  const log = (line: string) => stderr.write(`[bench ${Math.round((Date.now() - started) / 1000)}s] ${line}\n`);
  try {
    const plan = options.smoke ? SMOKE_PLAN : FULL_PLAN;
    const environment = { stack: loadStack(), signal: stopping.signal, stderr, log };
    if (options.priceList) {
      const priceList = await runPriceList(plan, environment);
      stdout.write(options.json ? `${JSON.stringify(priceList, null, 2)}\n` : renderPriceList(priceList));
      return 0;
    }
    const report = await runBench(plan, environment);
    stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : renderReport(report));
    return report.completeness.complete === report.completeness.total ? 0 : 1;
  } catch (error) {
    if (stoppedBy) return exitCodeFor(stoppedBy);
    stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    for (const signal of STOP_SIGNALS) process.removeListener(signal, onSignal);
  }
}

const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function exitCodeFor(signal: NodeJS.Signals): number {
  return 128 + constants.signals[signal];
}
