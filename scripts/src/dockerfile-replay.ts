import { spawn } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, posix, relative, sep } from 'node:path';
import { type Command, type Instruction, type Stage, parseDockerfile } from './dockerfile-parse.js';
import { type Vars, expandWord } from './dockerfile-words.js';
import { type Dockerignore, loadDockerignore } from './dockerignore.js';

// Replays a Dockerfile natively, for machines without a Docker engine: each stage gets its own empty
// folder that stands for the container's `/`, COPY takes files from the build context (minus
// .dockerignore) or from an earlier stage's folder, and RUN runs in the stage's WORKDIR with its ARG
// and ENV values exported. The final folder then holds exactly what the Dockerfile put in the image, so
// starting the service from it finds a file or a production dependency the recipe forgot.
//
// Not replayed, on purpose: the FROM images (the host's own tools stand in for the base image, so the
// host's Node must be the Dockerfile's), and USER (everything runs as the current user). A RUN that
// writes to an absolute path writes to the host's path, since there is no chroot.

export interface ReplayOptions {
  contextDir: string;
  /** Defaults to the context's Dockerfile. */
  dockerfile?: string;
  buildArgs?: Record<string, string>;
  /** Where the stage folders are created; the caller removes it. */
  outDir: string;
  /** Per RUN, so a hung network install fails the replay instead of the whole test run. */
  runTimeoutMs?: number;
}

export interface ReplayStep {
  stage: string;
  line: number;
  instruction: string;
  ms: number;
}

export interface ReplayedImage {
  /** The final stage's folder: the image's `/`, as far as the Dockerfile wrote to it. */
  root: string;
  /** The final WORKDIR, as a host path: where the CMD starts. */
  workdir: string;
  /** The image's ENV; ARG values end with the build and are not part of it. */
  env: Record<string, string>;
  cmd?: Command;
  steps: ReplayStep[];
}

export class ReplayError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`Dockerfile line ${line}: ${message}`);
    this.name = 'ReplayError';
  }
}

interface StageState {
  label: string;
  root: string;
  /** A container path, such as /app. */
  workdir: string;
  /** ARGs declared in this stage; undefined for one declared without a value. */
  args: Map<string, string | undefined>;
  env: Map<string, string>;
  cmd?: Command;
}

interface Context {
  options: ReplayOptions;
  ignore: Dockerignore;
  globals: Map<string, string | undefined>;
  done: StageState[];
}

const DEFAULT_RUN_TIMEOUT_MS = 5 * 60_000;
const OUTPUT_TAIL_LINES = 40;

// The host settings a RUN needs to reach its tools and the network; nothing else leaks in, since in
// the image the environment is only what the Dockerfile sets.
const HOST_ENV = [
  'PATH',
  'TMPDIR',
  'LANG',
  'http_proxy',
  'https_proxy',
  'no_proxy',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'NODE_EXTRA_CA_CERTS',
  'SSL_CERT_FILE',
  'npm_config_registry',
  'npm_config_userconfig',
];

export async function replayDockerfile(options: ReplayOptions): Promise<ReplayedImage> {
  const dockerfile = parseDockerfile(readFileSync(options.dockerfile ?? join(options.contextDir, 'Dockerfile'), 'utf8'));
  const buildArgs = options.buildArgs ?? {};
  const globals = new Map<string, string | undefined>();
  for (const arg of dockerfile.globalArgs) {
    const fallback = arg.defaultRaw === undefined ? undefined : expandWord(arg.defaultRaw, Object.fromEntries(globals));
    globals.set(arg.name, buildArgs[arg.name] ?? fallback);
  }
  const context: Context = { options, ignore: loadDockerignore(options.contextDir), globals, done: [] };
  const steps: ReplayStep[] = [];
  for (const [index, stage] of dockerfile.stages.entries()) {
    const state = startStage(stage, index, context);
    for (const instruction of stage.instructions) {
      const started = Date.now();
      await apply(instruction, state, context);
      steps.push({ stage: state.label, line: instruction.line, instruction: describe(instruction), ms: Date.now() - started });
    }
    context.done.push(state);
  }
  const final = context.done.at(-1) as StageState;
  const image: ReplayedImage = { root: final.root, workdir: hostPath(final, '.'), env: Object.fromEntries(final.env), steps };
  return final.cmd ? { ...image, cmd: final.cmd } : image;
}

function startStage(stage: Stage, index: number, context: Context): StageState {
  const label = stage.name ?? String(index);
  const root = join(context.options.outDir, `${index}-${label}`);
  mkdirSync(root, { recursive: true });
  // FROM an earlier stage starts from its files, WORKDIR, ENV and CMD; FROM an image starts empty.
  const base = findStage(expandWord(stage.baseRaw, Object.fromEntries(context.globals)), context);
  if (!base) return { label, root, workdir: '/', args: new Map(), env: new Map() };
  cpSync(base.root, root, { recursive: true, verbatimSymlinks: true });
  const state: StageState = { label, root, workdir: base.workdir, args: new Map(), env: new Map(base.env) };
  if (base.cmd) state.cmd = base.cmd;
  return state;
}

async function apply(instruction: Instruction, state: StageState, context: Context): Promise<void> {
  const vars = scope(state);
  switch (instruction.kind) {
    case 'arg': {
      const given = context.options.buildArgs?.[instruction.name];
      const fallback =
        instruction.defaultRaw === undefined ? context.globals.get(instruction.name) : expandWord(instruction.defaultRaw, vars);
      state.args.set(instruction.name, given ?? fallback);
      return;
    }
    case 'env':
      // Every value on one ENV line sees the variables as they were before the line.
      for (const { name, raw } of instruction.pairs) state.env.set(name, expandWord(raw, vars));
      return;
    case 'workdir':
      state.workdir = posix.resolve(state.workdir, expandWord(instruction.raw, vars));
      mkdirSync(hostPath(state, '.'), { recursive: true });
      return;
    case 'copy':
      return copy(instruction, state, context);
    case 'run':
      return run(instruction, state, context);
    case 'cmd':
      state.cmd = instruction.command;
      return;
    case 'user': // the replay runs everything as the current user (see the top of this file)
    case 'metadata': // labels and run-time settings: the image's files are the same without them
      return;
  }
}

function copy(instruction: Extract<Instruction, { kind: 'copy' }>, state: StageState, context: Context): void {
  const vars = scope(state);
  const from = instruction.fromRaw === undefined ? undefined : expandWord(instruction.fromRaw, vars);
  const sourceStage = from === undefined ? undefined : findStage(from, context);
  if (from !== undefined && !sourceStage) {
    throw new ReplayError(instruction.line, `COPY --from=${from}: no earlier stage has that name (images are not replayed)`);
  }
  const destRaw = expandWord(instruction.dest, vars);
  const sources = instruction.sources.map((source) => expandWord(source, vars));
  if (sources.length > 1 && !destRaw.endsWith('/')) {
    throw new ReplayError(instruction.line, `COPY with several sources needs a destination ending in '/', got '${destRaw}'`);
  }
  const dest = hostPath(state, destRaw);
  const destIsFolder = destRaw.endsWith('/') || sources.length > 1 || (existsSync(dest) && statSync(dest).isDirectory());
  for (const source of sources) {
    if (/[*?[]/.test(source)) throw new ReplayError(instruction.line, `COPY wildcards are not supported by the replay: ${source}`);
    const found = sourceStage ? fromStage(sourceStage, source) : fromContext(context, source);
    if ('missing' in found) throw new ReplayError(instruction.line, `COPY ${source}: ${found.missing}`);
    copyInto(found.path, dest, destIsFolder, found.filter);
  }
}

type Source = { path: string; filter?: (path: string) => boolean } | { missing: string };

function fromStage(stage: StageState, source: string): Source {
  const path = join(stage.root, posix.resolve('/', source));
  return existsSync(path) ? { path } : { missing: `not found in stage '${stage.label}'` };
}

function fromContext(context: Context, source: string): Source {
  const { contextDir } = context.options;
  const path = posix.normalize(source).replace(/^\/+/, '');
  if (path === '..' || path.startsWith('../')) return { missing: 'is outside the build context' };
  if (path !== '.' && context.ignore.ignores(path)) return { missing: 'is excluded by .dockerignore' };
  const hostSource = join(contextDir, path);
  if (!existsSync(hostSource)) return { missing: 'not found in the build context' };
  const filter = (candidate: string): boolean => {
    const contextPath = relative(contextDir, candidate).split(sep).join('/');
    if (contextPath === '' || !context.ignore.ignores(contextPath)) return true;
    return lstatSync(candidate).isDirectory() && !context.ignore.canSkipFolder(contextPath);
  };
  return { path: hostSource, filter };
}

// As in Docker: a folder's contents go into the destination; a file goes into it when it is a folder,
// and otherwise becomes it. Symbolic links are copied as links.
function copyInto(source: string, dest: string, destIsFolder: boolean, filter?: (path: string) => boolean): void {
  const options = { recursive: true, force: true, verbatimSymlinks: true, ...(filter ? { filter } : {}) };
  if (lstatSync(source).isDirectory()) {
    mkdirSync(dest, { recursive: true });
    cpSync(source, dest, options);
    return;
  }
  const target = destIsFolder ? join(dest, basename(source)) : dest;
  mkdirSync(dirname(target), { recursive: true });
  cpSync(source, target, options);
}

function run(instruction: Extract<Instruction, { kind: 'run' }>, state: StageState, context: Context): Promise<void> {
  const { command, line } = instruction;
  const argv = command.form === 'shell' ? ['/bin/sh', '-c', command.script] : command.argv;
  const [program, ...args] = argv as [string, ...string[]];
  const timeoutMs = context.options.runTimeoutMs ?? DEFAULT_RUN_TIMEOUT_MS;
  const cwd = hostPath(state, '.');
  mkdirSync(cwd, { recursive: true });
  const env = runEnv(state);
  mkdirSync(env.HOME as string, { recursive: true });
  return new Promise((resolve, reject) => {
    // Its own process group, so a timeout stops the whole command, not only the shell.
    const child = spawn(program, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer): void => {
      output = (output + chunk.toString()).slice(-64_000);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new ReplayError(line, `RUN could not start ${program}: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve();
      const how = signal === 'SIGKILL' ? `was stopped after ${timeoutMs / 1000}s` : `exited with ${code ?? signal}`;
      reject(new ReplayError(line, `in stage '${state.label}', RUN ${how}: ${argv.join(' ')}\n${tail(output)}`));
    });
  });
}

// HOME is the stage's own /root, as for root in the image: caches and `npm cache clean` stay inside
// the stage. The host's npm user config still applies, for its registry, proxy and certificates.
function runEnv(state: StageState): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of HOST_ENV) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  env.npm_config_userconfig ??= join(homedir(), '.npmrc');
  env.HOME = join(state.root, 'root');
  for (const [name, value] of state.args) if (value !== undefined) env[name] = value;
  for (const [name, value] of state.env) env[name] = value;
  return env;
}

// The ARG and ENV values in scope, ENV winning over an ARG of the same name, as in Docker.
function scope(state: StageState): Vars {
  return { ...Object.fromEntries(state.args), ...Object.fromEntries(state.env) };
}

function findStage(reference: string, context: Context): StageState | undefined {
  const wanted = reference.toLowerCase();
  return context.done.find((stage, index) => stage.label === wanted || String(index) === wanted);
}

// A container path, absolute or relative to the WORKDIR, inside the stage's folder: resolving against
// `/` first keeps `..` from leaving it.
function hostPath(state: StageState, containerPath: string): string {
  return join(state.root, posix.resolve(state.workdir, containerPath));
}

function describe(instruction: Instruction): string {
  switch (instruction.kind) {
    case 'run':
    case 'cmd': {
      const { command } = instruction;
      return `${instruction.kind.toUpperCase()} ${command.form === 'shell' ? command.script : JSON.stringify(command.argv)}`;
    }
    case 'copy':
      return `COPY ${instruction.fromRaw ? `--from=${instruction.fromRaw} ` : ''}${[...instruction.sources, instruction.dest].join(' ')}`;
    case 'env':
      return `ENV ${instruction.pairs.map(({ name, raw }) => `${name}=${raw}`).join(' ')}`;
    case 'arg':
      return `ARG ${instruction.name}${instruction.defaultRaw === undefined ? '' : `=${instruction.defaultRaw}`}`;
    case 'metadata':
      return instruction.keyword;
    default:
      return `${instruction.kind.toUpperCase()} ${instruction.raw}`;
  }
}

function tail(output: string): string {
  return output.trimEnd().split('\n').slice(-OUTPUT_TAIL_LINES).join('\n');
}
