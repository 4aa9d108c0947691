import { chownSync, cpSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { findExercise } from '@tracing-lab/checker/exercises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runLabCli } from '../src/lab/cli.js';
import { handBackToTreeOwner, servicesBuiltFrom } from '../src/lab/compose-mesh.js';

// `npm run lab` refusing what it cannot do, in a folder of its own with copies of the exercise files:
// one line naming the problem, exit code 2, and nothing changed. The integration suite runs the
// exercises on the live mesh.

const REPO = join(__dirname, '..', '..');
let root: string;

async function lab(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runLabCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) }, root);
  return { code, out, err };
}

function copyFromRepo(file: string): void {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  cpSync(join(REPO, file), join(root, file));
}

const underWay = (number: number) => writeFileSync(join(root, '.lab', 'state.json'), JSON.stringify({ active: { number, startedAt: '', built: {} }, progress: {} }));
const exercise5 = findExercise(5);
const file5 = Object.keys(exercise5.files)[0] as string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'lab-cli-'));
  mkdirSync(join(root, '.lab'));
  copyFromRepo(file5);
});

describe('npm run lab', () => {
  it.each([
    [['start', '42'], /^lab: there is no exercise 42; the exercises are \d+(, \d+)* \(npm run lab -- list\)$/],
    [['start'], /^lab: start takes one exercise number, as in npm run lab -- start 5 \(got ''\)$/],
    [['start', 'five'], /^lab: start takes one exercise number/],
    [['frobnicate'], /^lab: unknown command 'frobnicate' \(see npm run lab -- help\)$/],
    [['hint', 'please'], /^lab: 'hint' takes no arguments \(got please\)$/],
    [['solution', '--force'], /^lab: 'solution' takes only --apply \(got --force\)$/],
    [['check'], /^lab: no exercise is under way: start one with npm run lab -- start <n>/],
    [['stop'], /^lab: no exercise is under way/],
  ])('%j: one line, exit 2', async (argv, message) => {
    const run = await lab(...argv);
    expect(run.code).toBe(2);
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).toMatch(message);
  });

  it('refuses to start an exercise while another is under way, and changes nothing', async () => {
    underWay(6);
    const before = readFileSync(join(root, file5), 'utf8');
    const run = await lab('start', '5');
    expect(run).toEqual({ code: 2, out: [], err: ['lab: exercise 6 is under way: finish it with npm run lab -- stop before starting exercise 5'] });
    expect(readFileSync(join(root, file5), 'utf8')).toBe(before);
  });

  it('refuses to start an exercise whose reference file changed since it was written, naming the exercise and the file', async () => {
    writeFileSync(join(root, file5), `${readFileSync(join(root, file5), 'utf8')}\n// changed\n`);
    const run = await lab('start', '5');
    expect(run.code).toBe(2);
    expect(run.err).toEqual([`lab: exercise 5 was written against another version of ${file5}: it needs updating before it can be started (or your working copy has changes of its own there)`]);
  });

  it('shows the next hint each time, and says when all three are shown', async () => {
    underWay(5);
    const shown = [];
    for (let i = 0; i < 4; i++) shown.push((await lab('hint')).out.join('\n'));
    expect(shown.slice(0, 3).map((text) => /^## Hint (\d)/.exec(text)?.[1])).toEqual(['1', '2', '3']);
    expect(shown[2]).toContain('Hint 3/3 (−2 points): the exercise is worth 4 now.');
    expect(shown[3]).toMatch(/^All 3 hints are shown/);
  });

  it('shows no edits on the start files, and the learner\'s edits as a diff', async () => {
    underWay(5);
    cpSync(join(exercise5.dir, 'start', file5), join(root, file5));
    expect((await lab('diff')).out).toEqual(['No edits yet: your files are the start files.']);
    writeFileSync(join(root, file5), readFileSync(join(root, file5), 'utf8').replace('return row.price_cents * quantity;', 'return row.price_cents * quantity * 1;'));
    const diff = (await lab('diff')).out.join('\n');
    expect(diff).toContain(`--- ${file5} (start)`);
    expect(diff).toContain('+  return row.price_cents * quantity * 1;');
  });
});

describe('npm run lab -- incident', () => {
  const incidentUnderWay = () =>
    writeFileSync(
      join(root, '.lab', 'state.json'),
      JSON.stringify({ progress: {}, incident: { id: 'pool-of-one', seed: 1, level: 1, startedAt: new Date().toISOString(), hintsShown: 0, answers: [], revealed: false, applied: [] } }),
    );
  const answer = (overrides: Record<string, string> = {}) => {
    const flags = { '--service': 'database', '--operation': 'pg-pool.connect', '--cause': 'pool-exhaustion', '--trace': 'a'.repeat(32), ...overrides };
    return ['incident', 'answer', ...Object.entries(flags).flat()];
  };

  it.each([
    [['incident'], /^lab: incident takes start, answer, hint, reveal, stop, status or causes \(got ''; see npm run lab -- help\)$/],
    [['incident', 'start', '--level', '4'], /^lab: --level must be 1, 2 or 3 \(got '4'\)$/],
    [['incident', 'start', '--seed', 'x'], /^lab: --seed must be a whole number \(got 'x'\)$/],
    [['incident', 'start', '--fast'], /Unknown option '--fast'/],
    [answer({ '--cause': 'gremlins' }), /^lab: --cause 'gremlins' is not one of the causes: pool-exhaustion, slow-statement, /],
    [answer({ '--trace': 'xyz' }), /^lab: --trace must be a trace id, 16 or 32 hex digits \(got 'xyz'\)$/],
    [answer({ '--operation': ' ' }), /^lab: answer needs --operation/],
    [answer(), /^lab: no incident is under way: start one with npm run lab -- incident start \[--level 1\|2\|3\]$/],
    [['incident', 'hint'], /^lab: no incident is under way/],
    [['incident', 'reveal', 'now'], /^lab: 'incident reveal' takes no arguments \(got now\)$/],
  ])('%j: one line, exit 2', async (argv, message) => {
    const run = await lab(...argv);
    expect(run.code).toBe(2);
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).toMatch(message);
  });

  it('refuses a second incident, and an incident during an exercise or an exercise during an incident, changing nothing', async () => {
    incidentUnderWay();
    const before = readFileSync(join(root, '.lab', 'state.json'), 'utf8');
    expect((await lab('incident', 'start')).err).toEqual(['lab: an incident is under way already: answer it, or end it with npm run lab -- incident stop']);
    expect((await lab('start', '5')).err).toEqual(['lab: an incident is under way: end it with npm run lab -- incident stop before an exercise']);
    expect(readFileSync(join(root, '.lab', 'state.json'), 'utf8')).toBe(before);
    underWay(5);
    expect((await lab('incident', 'start')).err).toEqual(['lab: exercise 5 is under way: finish it with npm run lab -- stop before an incident']);
  });

  it('gives the three hints in turn, then all of them', async () => {
    incidentUnderWay();
    const shown = [];
    for (let i = 0; i < 4; i++) shown.push((await lab('incident', 'hint')).out.join('\n'));
    expect(shown[0]).toContain('Hint 1/3 (-10 points on every answer).');
    expect(shown[2]).toContain('Hint 3/3');
    expect(shown[3]).toMatch(/^All 3 hints are shown:\n1\. /);
  });

  it('lists the causes, and says so when stop finds nothing to mend', async () => {
    expect((await lab('incident', 'causes')).out[0]).toMatch(/^The causes an answer names \(--cause\):\n  pool-exhaustion +requests wait/);
    expect(await lab('incident', 'stop')).toEqual({ code: 0, out: ['No incident is under way: the mesh is as it was.'], err: [] });
  });
});

// Under Compose (`docker compose run --rm lab`, whose service sets LAB_STACK=compose) the lab puts files
// in place and leaves the rebuild to `docker compose watch`; the Compose suite runs it for real.
describe('npm run lab under Compose', () => {
  beforeEach(() => {
    vi.stubEnv('LAB_STACK', 'compose');
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('starts an exercise by putting its start files in place, leaving the rebuild to docker compose watch and the grade for later', async () => {
    const run = await lab('start', '5');
    expect(run.code).toBe(0);
    expect(readFileSync(join(root, file5), 'utf8')).toBe(readFileSync(join(exercise5.dir, 'start', file5), 'utf8'));
    expect(run.err).toEqual([
      'lab: the files are in place: docker compose watch rebuilds and restarts the services they belong to (without it running: docker compose up --build --detach <service>)',
    ]);
    expect(run.out.at(-1)).toBe('\nOnce they are rebuilt, grade your work with: docker compose run --rm lab check');
  });

  it("refuses an incident in one line outside the lab's container, which has the settings volume", async () => {
    const run = await lab('incident', 'start', '--level', '1');
    expect(run.code).toBe(2);
    expect(run.err).toEqual(["lab: LAB_SERVICE_SETTINGS is not set: run the lab as docker-compose.yml's service lab (docker compose run --rm lab …)"]);
  });

  it.each([
    [['services/database/src/inventory.ts'], ['database']],
    [['services/frontend/src/app.ts', 'services/backend/src/app.ts'], ['backend', 'frontend']],
    [['shared-tracing/src/register.ts'], ['backend', 'database', 'frontend', 'notifier', 'trace-api']],
  ])('waits for %j to be rebuilt in %j', (files, services) => {
    expect(servicesBuiltFrom(files, ['backend', 'database', 'frontend', 'notifier', 'trace-api']).sort()).toEqual(services);
  });
});

describe('the lab under Compose, as root in a tree the learner owns', () => {
  const LEARNER = { uid: 1000, gid: 1000 };

  it('hands what it created in the tree to the tree\'s owner, and leaves what the learner owns as it is', () => {
    if (process.getuid?.() !== 0) return;
    chownSync(root, LEARNER.uid, LEARNER.gid);
    mkdirSync(join(root, '.lab', 'attempts', '05-custom-spans'), { recursive: true });
    writeFileSync(join(root, '.lab', 'attempts', '05-custom-spans', 'app.ts'), '');
    handBackToTreeOwner(root, [join(root, '.lab'), join(root, 'not-there.ts')]);
    const owner = (path: string) => ({ uid: statSync(path).uid, gid: statSync(path).gid });
    expect(owner(join(root, '.lab'))).toEqual(LEARNER);
    expect(owner(join(root, '.lab', 'attempts', '05-custom-spans', 'app.ts'))).toEqual(LEARNER);
    expect(statSync(join(root, file5)).uid).toBe(0);
  });
});
