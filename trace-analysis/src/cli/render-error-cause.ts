import type { TraceAnalysis } from '../analyze.js';
import type { TraceTree } from '../trace-tree.js';
import type { Paint } from './paint.js';
import { flow, printable, truncate } from './text-fit.js';

// Where a failed trace began: the deepest failing span (see error-root-cause.ts) and its message,
// wrapped rather than cut, since the end of a message is often the part that says why. Nothing for
// a trace without errors.

const INDENT = '  ';
const MAX_MESSAGE_LINES = 3;

export function renderErrorCause(analysis: TraceAnalysis, tree: TraceTree, width: number, paint: Paint): string[] {
  const cause = analysis.errorRootCause;
  if (!cause) return [];
  const failed = tree.spans.filter((span) => span.error).length;
  const lines = [
    paint(truncate(`Error root cause (${failed} span${failed === 1 ? '' : 's'} failed, marked ERR)`, width), 'bold', 'red'),
    truncate(`${INDENT}${printable(cause.span)}`, width),
  ];
  if (cause.message) {
    const message = flow(printable(cause.message).split(' '), width - INDENT.length, ' ');
    const shown = message.slice(0, MAX_MESSAGE_LINES);
    if (message.length > MAX_MESSAGE_LINES) shown.push(`${shown.pop() as string} …`);
    lines.push(...shown.map((line) => truncate(INDENT + line, width)));
  }
  return lines;
}
