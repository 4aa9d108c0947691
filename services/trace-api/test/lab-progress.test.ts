import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadExercises } from '@tracing-lab/checker/exercises';
import { labPaths, type LabState, writeState } from '@tracing-lab/scripts/lab/lab-state';
import { createLogger } from '@tracing-lab/shared-tracing';
import type { JaegerClient } from '@tracing-lab/trace-analysis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AlertEvaluator } from '../src/alert-evaluator.js';
import { createApp } from '../src/app.js';
import { readLabProgress } from '../src/lab-progress.js';
import type { ManualTraces } from '../src/manual-traces.js';
import type { TraceStore } from '../src/trace-store.js';

// GET /lab/progress: the learner's progress as the explorer shows it, from a state file written by
// the lab's own writeState (so the two cannot drift apart) and the real track's titles.

const track = loadExercises();
let repo: string;
let server: Server | undefined;

beforeEach(() => {
  repo = mkdtempSync(join(tmpdir(), 'lab-progress-'));
});

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
  rmSync(repo, { recursive: true, force: true });
});

const stateFile = () => labPaths(repo).stateFile;

async function getProgress(): Promise<{ status: number; body: unknown }> {
  const none = {} as never;
  const app = createApp(none as TraceStore, none as ManualTraces, none as JaegerClient, none as AlertEvaluator, () => readLabProgress(stateFile(), track), createLogger({ LOG_LEVEL: 'silent' }));
  server = createServer(app).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/lab/progress`);
  return { status: response.status, body: await response.json() };
}

const notStarted = (number: number) => ({ number, title: track[number - 1]?.title, status: 'not-started', points: null, hintsShown: 0, solutionRevealed: false, secondsToSolve: null });

describe('GET /lab/progress', () => {
  it('answers the empty state, the whole track not started, when the lab has written nothing yet', async () => {
    expect(await getProgress()).toEqual({
      status: 200,
      body: { stateFile: stateFile(), started: false, exercises: track.map((exercise) => notStarted(exercise.number)), active: null, points: 0, incident: null, incidents: [] },
    });
    expect(track.length).toBeGreaterThan(0);
  });

  it("shows each exercise's status and points, the active one, and the incidents without what names a hidden fault", async () => {
    const state: LabState = {
      active: { number: 5, startedAt: '2026-11-29T18:00:00.000Z', built: { 'services/database/src/orders.ts': 'abc' } },
      progress: {
        1: { hintsShown: 1, revealed: false, firstStartedAt: '2026-11-29T17:00:00.000Z', doneAt: '2026-11-29T17:10:00.000Z', points: 8, secondsToSolve: 600 },
        2: { hintsShown: 0, revealed: false, firstStartedAt: '2026-11-29T17:20:00.000Z' },
        5: { hintsShown: 2, revealed: true, firstStartedAt: '2026-11-29T18:00:00.000Z' },
      },
      incident: {
        id: 'lock-wait',
        seed: 42,
        level: 2,
        startedAt: '2026-11-29T19:00:00.000Z',
        hintsShown: 1,
        answers: [{ at: '2026-11-29T19:05:00.000Z', service: 'database', operation: 'pg.query:UPDATE lab', cause: 'slow-statement', traceId: 'a'.repeat(32), points: 50, allRight: false }],
        revealed: false,
        applied: [],
      },
      incidents: [{ id: 'hot-key', level: 1, startedAt: '2026-11-29T18:30:00.000Z', stoppedAt: '2026-11-29T18:40:00.000Z', points: 90, hintsShown: 1, attempts: 1, revealed: false, secondsToDiagnose: 420 }],
    };
    writeState(labPaths(repo), state);

    const { status, body } = await getProgress();
    expect(status).toBe(200);
    const progress = body as ReturnType<typeof readLabProgress>;
    expect(progress.started).toBe(true);
    expect(progress.exercises.slice(0, 5)).toEqual([
      { number: 1, title: 'Start the SDK', status: 'done', points: 8, hintsShown: 1, solutionRevealed: false, secondsToSolve: 600 },
      { number: 2, title: 'Propagate over HTTP by hand', status: 'stopped', points: null, hintsShown: 0, solutionRevealed: false, secondsToSolve: null },
      notStarted(3),
      notStarted(4),
      { number: 5, title: 'Custom spans with semantic-convention attributes', status: 'under-way', points: null, hintsShown: 2, solutionRevealed: true, secondsToSolve: null },
    ]);
    expect(progress.active).toEqual({ number: 5, title: 'Custom spans with semantic-convention attributes', startedAt: '2026-11-29T18:00:00.000Z' });
    expect(progress.points).toBe(8);
    expect(progress.incident).toEqual({ level: 2, startedAt: '2026-11-29T19:00:00.000Z', hintsShown: 1, answers: 1, revealed: false });
    expect(progress.incidents).toEqual([{ level: 1, startedAt: '2026-11-29T18:30:00.000Z', stoppedAt: '2026-11-29T18:40:00.000Z', points: 90, hintsShown: 1, attempts: 1, revealed: false, secondsToDiagnose: 420 }]);
    expect(JSON.stringify(body)).not.toMatch(/lock-wait|hot-key|"seed"|slow-statement/);
  });

  it('answers 503 naming the file when the state cannot be read', async () => {
    mkdirSync(labPaths(repo).root);
    writeFileSync(stateFile(), '{"progress": ');
    const { status, body } = await getProgress();
    expect(status).toBe(503);
    expect(body).toEqual({ error: expect.stringMatching(new RegExp(`^the lab's state file ${stateFile()} cannot be read: `)) });
  });

  it('names an exercise the track no longer has by its number', () => {
    mkdirSync(labPaths(repo).root);
    writeFileSync(stateFile(), JSON.stringify({ progress: { 12: { hintsShown: 0, revealed: false, doneAt: '2026-11-29T17:10:00.000Z', points: 10 } } }));
    expect(readLabProgress(stateFile(), track).exercises.at(-1)).toEqual({ number: 12, title: 'Exercise 12', status: 'done', points: 10, hintsShown: 0, solutionRevealed: false, secondsToSolve: null });
  });
});
