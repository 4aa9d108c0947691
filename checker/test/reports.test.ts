import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { toJUnit } from '../src/report-junit.js';
import { formatSummary, formatTask } from '../src/report-text.js';
import type { RunResult } from '../src/run-tasks.js';

const result: RunResult = {
  runId: 'abc123',
  startedAt: '2026-11-23T12:00:00.000Z',
  durationMs: 2500,
  jaegerUrl: 'http://localhost:16686',
  frontendUrl: 'http://localhost:8080',
  score: 10,
  maxScore: 25,
  passed: false,
  tasks: [
    { id: 2, title: 'All services are running', points: 10, earned: 10, passed: true, checks: [{ ok: true, text: 'frontend: up' }], hints: [], durationMs: 120 },
    {
      id: 5,
      title: 'Traces are linked across RabbitMQ',
      points: 15,
      earned: 0,
      passed: false,
      checks: [{ ok: false, text: 'no consumer <span> joined' }],
      hints: [{ id: 'notifierNotRunning', text: 'the notifier is not running & "stopped"' }],
      durationMs: 1500,
    },
  ],
};

describe('the text report', () => {
  it('prints each task with its checks, and the hints of a failing one', () => {
    expect(stripVTControlCharacters(formatTask(result.tasks[1]!))).toBe(
      [
        '✗ Task 5: Traces are linked across RabbitMQ  0/15',
        '    ✗ no consumer <span> joined',
        '    hint: the notifier is not running & "stopped"',
      ].join('\n'),
    );
    expect(stripVTControlCharacters(formatTask(result.tasks[0]!))).toBe('✓ Task 2: All services are running  10/10\n    ✓ frontend: up');
  });

  it('ends with the score', () => {
    expect(stripVTControlCharacters(formatSummary(result))).toBe(
      '\nScore: 10/25 points (1 of 2 tasks pass)\nFix the failing tasks above, then run the check again.',
    );
  });
});

it('the JUnit report has one test case per task, the failing one with its hint', () => {
  expect(toJUnit(result)).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="tracing-lab checker" tests="2" failures="1" time="2.500">
  <testsuite name="tracing-lab checker" tests="2" failures="1" errors="0" time="2.500" timestamp="2026-11-23T12:00:00.000Z">
    <properties><property name="score" value="10/25"/><property name="runId" value="abc123"/></properties>
    <testcase classname="tracing-lab.checker" name="Task 2: All services are running" time="0.120">
      <system-out>✓ frontend: up</system-out>
    </testcase>
    <testcase classname="tracing-lab.checker" name="Task 5: Traces are linked across RabbitMQ" time="1.500">
      <failure message="the notifier is not running &amp; &quot;stopped&quot;" type="TaskFailed">✗ no consumer &lt;span&gt; joined
hint: the notifier is not running &amp; &quot;stopped&quot;</failure>
    </testcase>
  </testsuite>
</testsuites>
`);
});
