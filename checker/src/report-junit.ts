import type { RunResult } from './run-tasks.js';

// The result as a JUnit XML report, the format CI systems show as test results: one test case per task.

export function toJUnit(result: RunResult): string {
  const failures = result.tasks.filter((t) => !t.passed).length;
  const seconds = (ms: number): string => (ms / 1000).toFixed(3);
  const cases = result.tasks.map((task) => {
    const name = `Task ${task.id}: ${task.title}`;
    const open = `    <testcase classname="tracing-lab.checker" name="${xml(name)}" time="${seconds(task.durationMs)}">`;
    const checks = task.checks.map((c) => `${c.ok ? '✓' : '✗'} ${c.text}`).join('\n');
    if (task.passed) return `${open}\n      <system-out>${xml(checks)}</system-out>\n    </testcase>`;
    const message = task.hints[0]?.text ?? task.checks.find((c) => !c.ok)?.text ?? 'failed';
    const body = [checks, ...task.hints.map((h) => `hint: ${h.text}`)].join('\n');
    return `${open}\n      <failure message="${xml(message)}" type="TaskFailed">${xml(body)}</failure>\n    </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="tracing-lab checker" tests="${result.tasks.length}" failures="${failures}" time="${seconds(result.durationMs)}">`,
    `  <testsuite name="tracing-lab checker" tests="${result.tasks.length}" failures="${failures}" errors="0" time="${seconds(result.durationMs)}" timestamp="${result.startedAt}">`,
    `    <properties><property name="score" value="${result.score}/${result.maxScore}"/><property name="runId" value="${xml(result.runId)}"/></properties>`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function xml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // Characters XML 1.0 cannot carry at all.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}
