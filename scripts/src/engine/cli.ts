// `npm run test:compose` runs the Compose lab in a real container engine in three steps
// (scripts/test-compose.sh): `up` here, the vitest project `compose` against the published ports, and
// `down` here, which also runs when anything before it failed.
//   up:   installs Podman where missing, starts the lab's engine, builds the stand-in base images,
//         removes what an earlier run left, checks the ports, then `docker compose up --build --wait`
//   down: `docker compose down -v`, whatever that left, and the engine's processes
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { resolveCompose } from '../compose-file.js';
import { REPO_ROOT } from '../stack.js';
import { compose } from './compose.js';
import { enginePaths } from './paths.js';
import { composeLogFile, describeLeftovers, leftovers, projectName, removeProject } from './project.js';
import { publishedPorts, takenPorts, takenPortsMessage } from './preflight.js';
import { EngineMissingError, engineRunning, startEngine, stopEngine } from './service.js';
import { buildStandInImages } from './stand-in-images.js';

// How long `up --wait` may wait for every service to be healthy, beyond the image builds.
const WAIT_TIMEOUT_S = 300;

class StepError extends Error {
  override name = 'StepError';
}

const paths = enginePaths();
const say = (line: string) => console.log(`test:compose: ${line}`);

async function up(): Promise<void> {
  let started = performance.now();
  installEngine();
  await startEngine(paths);
  say(`engine ready in ${seconds(started)} s (storage ${paths.storage}, socket ${paths.socket})`);

  started = performance.now();
  await buildStandInImages(REPO_ROOT, paths, (line) => say(`base image ${line}`));
  say(`base images ready in ${seconds(started)} s`);

  const project = projectName(REPO_ROOT);
  const earlier = describeLeftovers(leftovers(paths, project));
  if (earlier) {
    say(`removing what an earlier run of project ${project} left: ${earlier}`);
    await removeProject(REPO_ROOT, paths, composeLogFile(paths, 'down'));
  }
  const taken = await takenPorts(publishedPorts(resolveCompose(REPO_ROOT)));
  if (taken.length) throw new StepError(takenPortsMessage(taken));

  started = performance.now();
  const logFile = composeLogFile(paths, 'up');
  const run = await compose(REPO_ROOT, paths, ['up', '--build', '--wait', '--wait-timeout', String(WAIT_TIMEOUT_S)], { echo: process.stdout, logFile });
  if (run.code !== 0) {
    const last = run.output.trim().split('\n').pop() ?? '';
    throw new StepError(`docker compose up --build --wait failed (exit ${run.code}): ${last.trim()} (the whole output: ${logFile})`);
  }
  say(`docker compose up --build --wait: every service healthy in ${seconds(started)} s`);
}

async function down(): Promise<void> {
  // Without root or without Podman, the lab's engine cannot have run.
  if (process.getuid?.() !== 0 || spawnSync('podman', ['--version']).status !== 0) return;
  const started = performance.now();
  if (!(await engineRunning(paths))) await startEngine(paths);
  const left = describeLeftovers(await removeProject(REPO_ROOT, paths, composeLogFile(paths, 'down')));
  await stopEngine(paths);
  if (left) throw new StepError(`docker compose down -v left ${left}`);
  say(`docker compose down -v: project removed, engine stopped in ${seconds(started)} s`);
}

function installEngine(): void {
  if (process.getuid?.() !== 0) throw new EngineMissingError("the lab's engine is rootful Podman: run test:compose as root");
  // The Compose CLI, built by `npm run setup`; built here too where it is missing.
  const composeCli = spawnSync('bash', [join(REPO_ROOT, 'scripts/install-compose.sh')], { encoding: 'utf8' });
  if (composeCli.status !== 0) throw new StepError(`no Compose CLI: building it failed: ${lastLine(composeCli.stderr || composeCli.stdout)}`);
  const install = spawnSync('bash', [join(REPO_ROOT, 'scripts/engine/install-podman.sh')], { encoding: 'utf8' });
  if (install.status !== 0) {
    throw new EngineMissingError(`no container engine: Podman is missing and installing it failed: ${lastLine(install.stderr || install.stdout)}`);
  }
}

function lastLine(text: string): string {
  return text.trim().split('\n').pop() ?? '';
}

function seconds(since: number): number {
  return Math.round((performance.now() - since) / 1000);
}

const commands: Record<string, () => Promise<void>> = { up, down };
const command = commands[process.argv[2] ?? ''];
if (!command) {
  console.error('usage: engine/cli.js up|down');
  process.exit(2);
}
command().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`test:compose: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
