import { styleText } from 'node:util';
import { RUN_BAGGAGE_KEY } from './expectations.js';
import type { RunResult } from './run-tasks.js';
import type { TaskResult } from './task.js';
import { TASKS } from './tasks/index.js';

// The result as a learner reads it in a terminal. Colour only on a terminal (styleText checks the
// stream, NO_COLOR and FORCE_COLOR).

const mark = (ok: boolean): string => (ok ? styleText('green', '✓') : styleText('red', '✗'));

export function formatHeader(options: { runId: string; frontendUrl: string; jaegerUrl: string }): string {
  return [
    styleText('bold', 'Tracing Lab progress check'),
    `frontend ${options.frontendUrl} · Jaeger ${options.jaegerUrl} · this run's spans carry ${RUN_BAGGAGE_KEY}=${options.runId}`,
    '',
  ].join('\n');
}

export function formatTask(result: TaskResult): string {
  const title = `${mark(result.passed)} Task ${result.id}: ${result.title}`;
  const lines = [`${styleText('bold', title)}  ${result.earned}/${result.points}`];
  for (const c of result.checks) lines.push(`    ${mark(c.ok)} ${c.text}`);
  if (!result.passed) for (const hint of result.hints) lines.push(`    ${styleText('yellow', 'hint:')} ${hint.text}`);
  return lines.join('\n');
}

export function formatSummary(result: RunResult): string {
  const passed = result.tasks.filter((t) => t.passed).length;
  const score = `Score: ${result.score}/${result.maxScore} points (${passed} of ${result.tasks.length} tasks pass)`;
  const verdict = !result.passed
    ? 'Fix the failing tasks above, then run the check again.'
    : result.tasks.length === TASKS.length
      ? 'All tasks pass: the mesh is traced end to end.'
      : 'Passed. Run the check without --task or --exercise for the full score.';
  return ['', styleText('bold', score), verdict].join('\n');
}
