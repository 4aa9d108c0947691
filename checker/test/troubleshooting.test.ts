import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hints } from '../src/hints.js';
import { ALL_TASKS } from '../src/tasks/index.js';

// docs/troubleshooting.md gives each hint the checker can print a row, keyed by the hint's id (its
// key in hints.ts), so a learner who reads a hint finds its cause and fix there. Adding, renaming or
// removing a hint without its row fails here.

const DOC = join(__dirname, '..', '..', 'docs', 'troubleshooting.md');
const SECTION = "## The checker's hints";

interface HintRow {
  id: string;
  // The tasks the row's last column names; none for `–`.
  tasks: number[];
}

// The rows of the section's table whose first cell is one hint id in backticks.
function hintRows(markdown: string): HintRow[] {
  const start = markdown.indexOf(`\n${SECTION}\n`);
  if (start < 0) throw new Error(`docs/troubleshooting.md has no "${SECTION}" section`);
  const rest = markdown.slice(start + SECTION.length + 2);
  const end = rest.search(/^## /m);
  const lines = (end < 0 ? rest : rest.slice(0, end)).split('\n').filter((line) => line.startsWith('|'));
  return lines.flatMap((line) => {
    const cells = line.slice(1, -1).split('|').map((cell) => cell.trim());
    const id = /^`(\w+)`$/.exec(cells[0] ?? '')?.[1];
    return id ? [{ id, tasks: (cells.at(-1)?.match(/\d+/g) ?? []).map(Number) }] : [];
  });
}

const rows = hintRows(readFileSync(DOC, 'utf8'));
const ids = rows.map((row) => row.id);
const hintIds = Object.keys(hints);

describe('docs/troubleshooting.md', () => {
  it('has a row for every hint the checker can print', () => {
    expect(hintIds.filter((id) => !ids.includes(id))).toEqual([]);
  });

  it('names no hint the checker no longer has', () => {
    expect(ids.filter((id) => !hintIds.includes(id))).toEqual([]);
  });

  it('gives each hint one row only', () => {
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });

  it('points each row at tasks the checker has', () => {
    const taskIds = ALL_TASKS.map((task) => task.id);
    expect(rows.filter((row) => row.tasks.some((task) => !taskIds.includes(task)))).toEqual([]);
  });
});
