import type { Hint } from './hints.js';
import type { TaskContext } from './run-context.js';

// A task of the lab: what it checks, each check a line a learner reads (✓ or ✗), and when it fails,
// the hints naming the likely bug. A task passes when all its checks do, and earns all its points.

export interface Check {
  ok: boolean;
  text: string;
}

export interface TaskOutcome {
  checks: Check[];
  hints: Hint[];
  // Facts for --json readers, such as how the consumer joined the producer (task 5).
  data?: Record<string, unknown>;
}

export interface Task {
  id: number;
  title: string;
  points: number;
  run(context: TaskContext): Promise<TaskOutcome>;
}

export interface TaskResult extends TaskOutcome {
  id: number;
  title: string;
  points: number;
  earned: number;
  passed: boolean;
  durationMs: number;
}

export function check(ok: boolean, text: string): Check {
  return { ok, text };
}
