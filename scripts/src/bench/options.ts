import { parseArgs } from 'node:util';
import { UsageError } from '../load/errors.js';

// `npm run bench -- [options]`: the benchmark's few switches. Its sizes live in plan.ts, not in
// flags: a run is comparable with another only when both measured the same amounts.

export interface BenchOptions {
  json: boolean;
  smoke: boolean;
  priceList: boolean;
}

export const USAGE = `Usage: npm run bench -- [options]

Measures, on the native stack (started if it is not running), what tracing costs and whether every
trace arrives: overhead per tracing configuration, completeness under load, time to queryable,
analysis speed, and the trace explorer drawing a 10,000-span trace. Prints one table; progress goes to stderr. About 15 minutes on 2 cores.

  --price-list  instead: what each part of tracing costs (each instrumentation and the export
                switched off in turn, and the price of one span in our span processors); about
                15 minutes on 2 cores
  --json        print the results as JSON on stdout instead of the table
  --smoke       every part with tiny amounts, in well under a minute (what the tests run)
  --help        this text`;

export function parseBenchOptions(argv: readonly string[]): BenchOptions | 'help' {
  let values: { json?: boolean; smoke?: boolean; 'price-list'?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { json: { type: 'boolean' }, smoke: { type: 'boolean' }, 'price-list': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    const quoted = /'([^' ]+)/.exec(error instanceof Error ? error.message : String(error))?.[1] ?? '';
    throw new UsageError(`${quoted}: unknown option or argument (see --help)`);
  }
  if (values.help) return 'help';
  return { json: values.json ?? false, smoke: values.smoke ?? false, priceList: values['price-list'] ?? false };
}
