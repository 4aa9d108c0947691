import { writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { fetchJaeger, JaegerClient, JaegerUnavailableError } from '@tracing-lab/trace-analysis';
import { ExerciseError, findExercise } from './exercises.js';
import { FrontendUnavailableError } from './mesh-client.js';
import { type CheckerOptions, DEFAULTS, parseOptions, USAGE, UsageError } from './options.js';
import { toJUnit } from './report-junit.js';
import { formatHeader, formatSummary, formatTask } from './report-text.js';
import { RunContext } from './run-context.js';
import { type RunResult, runTasks } from './run-tasks.js';
import type { Task } from './task.js';
import { ALL_TASKS, TASKS } from './tasks/index.js';

// The one place that owns output and exit codes: 0 every task passes, 1 some fail, 2 the checker
// cannot run (a bad flag, Jaeger or the frontend unreachable), said in one line without a stack trace.

export const EXIT = { passed: 0, failed: 1, cannotRun: 2 } as const;

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

const CLEAR_SCREEN = '\x1b[2J\x1b[3J\x1b[H';

const console_: Output = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

class CannotWriteError extends Error {
  override name = 'CannotWriteError';
}

export async function runCli(argv: string[], output: Output = console_): Promise<number> {
  let options: CheckerOptions;
  try {
    options = parseOptions(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    output.err(`check: ${error.message}`);
    return EXIT.cannotRun;
  }
  if (options.help) {
    output.out(USAGE);
    return EXIT.passed;
  }
  if (!options.watch) return checkOnce(options, output);
  for (;;) {
    if (options.json) {
      await checkOnce(options, output);
    } else {
      // A whole run is gathered first, so the screen shows the last result while the next one runs.
      const lines: string[] = [];
      const code = await checkOnce(options, { out: (t) => lines.push(t), err: (t) => lines.push(t) });
      output.out(`${CLEAR_SCREEN}${lines.join('\n')}`);
      if (code === EXIT.cannotRun) output.out('(it needs Jaeger and the frontend: retrying)');
      output.out(`\nWatching: checked at ${new Date().toLocaleTimeString()}, again in ${DEFAULTS.watchIntervalSeconds}s. Ctrl-C to stop.`);
    }
    await sleep(DEFAULTS.watchIntervalSeconds * 1000);
  }
}

async function checkOnce(options: CheckerOptions, output: Output): Promise<number> {
  try {
    const result = await check(options, output);
    // Watching, each run is one line of JSON (JSON Lines), so a reader can take them one by one.
    if (options.json) output.out(options.watch ? JSON.stringify(result) : JSON.stringify(result, null, 2));
    else output.out(formatSummary(result));
    if (options.junit) await writeJUnit(options.junit, result);
    return result.passed ? EXIT.passed : EXIT.failed;
  } catch (error) {
    if (error instanceof JaegerUnavailableError || error instanceof FrontendUnavailableError) {
      output.err(`check: cannot run: ${error.message}. Is the stack up? (npm run stack:up)`);
    } else if (error instanceof CannotWriteError || error instanceof ExerciseError) {
      output.err(`check: ${error.message}`);
    } else {
      output.err(`check: cannot run: ${error instanceof Error ? error.message : String(error)}`);
    }
    return EXIT.cannotRun;
  }
}

async function check(options: CheckerOptions, output: Output): Promise<RunResult> {
  const tasks = selectTasks(options);
  const context = new RunContext(options, new JaegerClient(fetchJaeger(options.jaegerUrl)));
  await Promise.all([context.jaeger.services(), context.mesh.assertReachable()]);
  if (!options.json) output.out(formatHeader({ runId: context.runId, ...options }));
  return runTasks(tasks, context, (result) => {
    if (!options.json) output.out(formatTask(result));
  });
}

function selectTasks(options: CheckerOptions): Task[] {
  if (options.task !== undefined) return ALL_TASKS.filter((t) => t.id === options.task);
  if (options.exercise !== undefined) {
    const graded = findExercise(options.exercise).tasks;
    return ALL_TASKS.filter((t) => graded.includes(t.id));
  }
  return TASKS;
}

async function writeJUnit(file: string, result: RunResult): Promise<void> {
  try {
    await writeFile(file, toJUnit(result));
  } catch (error) {
    throw new CannotWriteError(`cannot write the JUnit report to ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}
