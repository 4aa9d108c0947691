import type { Hint } from './hints.js';
import type { RunContext } from './run-context.js';
import { check, type Task, type TaskResult } from './task.js';

// Runs the tasks one after the other and scores them. A task that throws fails with the reason
// rather than ending the run: the other tasks still tell the learner something.

export interface RunResult {
  runId: string;
  startedAt: string;
  durationMs: number;
  jaegerUrl: string;
  frontendUrl: string;
  score: number;
  maxScore: number;
  passed: boolean;
  tasks: TaskResult[];
}

export async function runTasks(tasks: Task[], context: RunContext, onResult: (result: TaskResult) => void = () => undefined): Promise<RunResult> {
  const results: TaskResult[] = [];
  for (const task of tasks) {
    const started = Date.now();
    let outcome;
    try {
      outcome = await task.run(context);
    } catch (error) {
      outcome = { checks: [check(false, `the check could not finish: ${error instanceof Error ? error.message : String(error)}`)], hints: [] };
    }
    const passed = outcome.checks.length > 0 && outcome.checks.every((c) => c.ok);
    const result: TaskResult = {
      id: task.id,
      title: task.title,
      points: task.points,
      earned: passed ? task.points : 0,
      passed,
      checks: outcome.checks,
      hints: uniqueHints(outcome.hints),
      ...(outcome.data ? { data: outcome.data } : {}),
      durationMs: Date.now() - started,
    };
    results.push(result);
    onResult(result);
  }
  return {
    runId: context.runId,
    startedAt: new Date(context.startedAtMs).toISOString(),
    durationMs: Date.now() - context.startedAtMs,
    jaegerUrl: context.options.jaegerUrl,
    frontendUrl: context.options.frontendUrl,
    score: results.reduce((sum, r) => sum + r.earned, 0),
    maxScore: results.reduce((sum, r) => sum + r.points, 0),
    passed: results.every((r) => r.passed),
    tasks: results,
  };
}

// The same finding may be reached by two checks; the learner reads it once.
function uniqueHints(found: Hint[]): Hint[] {
  return [...new Map(found.map((hint) => [hint.text, hint])).values()];
}
