import { splitWords } from './dockerfile-words.js';

// The Dockerfile subset the replay understands. Words are kept raw (quotes and $references intact):
// they are expanded at replay time with the ARG and ENV values in scope at their line. Anything that
// would change what the image contains and that the replay cannot reproduce is a parse error, so a
// replay that passes never silently skipped part of the recipe.

export type Command = { form: 'shell'; script: string } | { form: 'exec'; argv: string[] };

export type Instruction =
  | { kind: 'arg'; line: number; name: string; defaultRaw?: string }
  | { kind: 'env'; line: number; pairs: Array<{ name: string; raw: string }> }
  | { kind: 'workdir'; line: number; raw: string }
  | { kind: 'copy'; line: number; fromRaw?: string; sources: string[]; dest: string }
  | { kind: 'run'; line: number; command: Command }
  | { kind: 'cmd'; line: number; command: Command }
  | { kind: 'user'; line: number; raw: string }
  | { kind: 'metadata'; line: number; keyword: string };

export interface Stage {
  /** Lower-cased, as Docker compares stage names; undefined for a stage without `AS`. */
  name?: string;
  line: number;
  baseRaw: string;
  instructions: Instruction[];
}

export interface Dockerfile {
  /** The ARGs before the first FROM: usable in FROM lines, and in a stage that declares them again. */
  globalArgs: Array<Extract<Instruction, { kind: 'arg' }>>;
  stages: Stage[];
}

export class DockerfileSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`Dockerfile line ${line}: ${message}`);
    this.name = 'DockerfileSyntaxError';
  }
}

// Instructions that only label the image or describe how to run it; the files are the same without them.
const METADATA = new Set(['EXPOSE', 'LABEL', 'HEALTHCHECK', 'STOPSIGNAL', 'VOLUME', 'MAINTAINER']);
// Instructions that change the image in ways the replay does not reproduce.
const UNSUPPORTED = new Set(['ADD', 'ENTRYPOINT', 'SHELL', 'ONBUILD']);
// COPY flags about ownership and permissions, which the native replay has no use for.
const IGNORED_COPY_FLAGS = new Set(['chown', 'chmod']);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function parseDockerfile(text: string): Dockerfile {
  const dockerfile: Dockerfile = { globalArgs: [], stages: [] };
  for (const { line, text: logical } of logicalLines(text)) {
    const [, word = '', rest = ''] = /^\s*(\S+)\s*([\s\S]*)$/.exec(logical) ?? [];
    const keyword = word.toUpperCase();
    try {
      if (keyword === 'FROM') {
        dockerfile.stages.push(parseFrom(line, rest.trim()));
        continue;
      }
      const parsed = parseInstruction(line, keyword, rest.trim());
      const stage = dockerfile.stages.at(-1);
      if (stage) stage.instructions.push(...parsed);
      else if (keyword === 'ARG') dockerfile.globalArgs.push(...(parsed as Dockerfile['globalArgs']));
      else throw new Error(`${keyword} before the first FROM`);
    } catch (error) {
      if (error instanceof DockerfileSyntaxError) throw error;
      throw new DockerfileSyntaxError(line, error instanceof Error ? error.message : String(error));
    }
  }
  if (dockerfile.stages.length === 0) throw new DockerfileSyntaxError(1, 'no FROM instruction');
  return dockerfile;
}

function parseInstruction(line: number, keyword: string, rest: string): Instruction[] {
  switch (keyword) {
    case 'ARG':
      return splitWords(rest).map((word) => parseArg(line, word));
    case 'ENV':
      return [{ kind: 'env', line, pairs: parseEnv(rest) }];
    case 'WORKDIR':
      return [{ kind: 'workdir', line, raw: required(rest, 'WORKDIR needs a path') }];
    case 'COPY':
      return [parseCopy(line, rest)];
    case 'RUN':
      if (rest.startsWith('--')) throw new Error(`RUN flags are not supported by the replay: ${rest}`);
      rejectHeredoc(rest);
      return [{ kind: 'run', line, command: parseCommand(required(rest, 'RUN needs a command')) }];
    case 'CMD':
      return [{ kind: 'cmd', line, command: parseCommand(required(rest, 'CMD needs a command')) }];
    case 'USER':
      return [{ kind: 'user', line, raw: required(rest, 'USER needs a user') }];
  }
  if (METADATA.has(keyword)) return [{ kind: 'metadata', line, keyword }];
  if (UNSUPPORTED.has(keyword)) throw new Error(`${keyword} is not supported by the replay`);
  throw new Error(`unknown instruction '${keyword}'`);
}

function parseFrom(line: number, rest: string): Stage {
  // --platform picks which image variant to pull; images are not part of the replay.
  const words = splitWords(rest).filter((word) => !word.startsWith('--platform='));
  const [baseRaw, as, name] = words;
  if (baseRaw === undefined) throw new DockerfileSyntaxError(line, 'FROM needs an image');
  if (words.length === 1) return { line, baseRaw, instructions: [] };
  if (words.length === 3 && as?.toLowerCase() === 'as' && name !== undefined) {
    return { name: name.toLowerCase(), line, baseRaw, instructions: [] };
  }
  throw new DockerfileSyntaxError(line, `FROM expects 'image [AS name]', got: ${rest}`);
}

function parseArg(line: number, word: string): Extract<Instruction, { kind: 'arg' }> {
  const equals = word.indexOf('=');
  const name = equals === -1 ? word : word.slice(0, equals);
  if (!NAME.test(name)) throw new Error(`invalid ARG name '${name}'`);
  return equals === -1 ? { kind: 'arg', line, name } : { kind: 'arg', line, name, defaultRaw: word.slice(equals + 1) };
}

function parseEnv(rest: string): Array<{ name: string; raw: string }> {
  const words = splitWords(rest);
  const first = words[0];
  if (first === undefined) throw new Error('ENV needs a name and a value');
  // The legacy form `ENV NAME the rest of the line` sets one variable.
  if (!first.includes('=')) {
    const raw = rest.slice(first.length).trim();
    if (!NAME.test(first) || raw === '') throw new Error(`ENV expects NAME=value, got: ${rest}`);
    return [{ name: first, raw }];
  }
  return words.map((word) => {
    const equals = word.indexOf('=');
    const name = word.slice(0, equals);
    if (equals === -1 || !NAME.test(name)) throw new Error(`ENV expects NAME=value, got: ${word}`);
    return { name, raw: word.slice(equals + 1) };
  });
}

function parseCopy(line: number, rest: string): Extract<Instruction, { kind: 'copy' }> {
  rejectHeredoc(rest);
  const words = [...splitWords(rest)];
  let fromRaw: string | undefined;
  while (words[0]?.startsWith('--')) {
    const flag = words.shift() as string;
    const [, name = '', value] = /^--([a-z-]+)(?:=([\s\S]*))?$/.exec(flag) ?? [];
    if (name === 'from' && value) fromRaw = value;
    else if (!IGNORED_COPY_FLAGS.has(name)) throw new Error(`COPY flag ${flag} is not supported by the replay`);
  }
  const paths = words[0]?.startsWith('[') ? jsonArray(words.join(' ')) : words;
  const dest = paths.at(-1);
  if (dest === undefined || paths.length < 2) throw new Error('COPY needs at least one source and a destination');
  const copy: Extract<Instruction, { kind: 'copy' }> = { kind: 'copy', line, sources: paths.slice(0, -1), dest };
  return fromRaw === undefined ? copy : { ...copy, fromRaw };
}

// The exec form is a JSON array of strings; anything else, even a malformed array, is the shell form.
function parseCommand(rest: string): Command {
  const argv = rest.startsWith('[') ? tryJsonArray(rest) : undefined;
  return argv && argv.length > 0 ? { form: 'exec', argv } : { form: 'shell', script: rest };
}

function jsonArray(text: string): string[] {
  const argv = tryJsonArray(text);
  if (!argv) throw new Error(`expected a JSON array of strings, got: ${text}`);
  return argv;
}

function tryJsonArray(text: string): string[] | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : undefined;
  } catch {
    return undefined;
  }
}

function rejectHeredoc(rest: string): void {
  if (/<<-?["']?[A-Za-z_]/.test(rest)) throw new Error(`heredocs are not supported by the replay: ${rest}`);
}

function required(value: string, message: string): string {
  if (value === '') throw new Error(message);
  return value;
}

// Joins continued lines and drops comments and blank lines, as Docker does: a comment line inside a
// continued instruction is skipped, and the escape character (a backslash) before the newline is
// removed with the newline. Each logical line keeps the number of its first physical line.
export function logicalLines(text: string): Array<{ line: number; text: string }> {
  const physical = text.split(/\r?\n/);
  rejectEscapeDirective(physical);
  const lines: Array<{ line: number; text: string }> = [];
  let current: { line: number; text: string } | undefined;
  physical.forEach((raw, index) => {
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const continued = /\\\s*$/.test(raw);
    const body = continued ? raw.replace(/\\\s*$/, '') : raw;
    if (current) current.text += body;
    else current = { line: index + 1, text: body };
    if (!continued) {
      lines.push(current);
      current = undefined;
    }
  });
  if (current) lines.push(current);
  return lines;
}

// Parser directives come first in the file; only `escape` changes how the rest is read.
function rejectEscapeDirective(physical: string[]): void {
  for (const [index, raw] of physical.entries()) {
    const directive = /^\s*#\s*([A-Za-z]+)\s*=\s*(\S+)\s*$/.exec(raw);
    if (!directive) return;
    if (directive[1]?.toLowerCase() === 'escape' && directive[2] !== '\\') {
      throw new DockerfileSyntaxError(index + 1, `the escape directive '${directive[2]}' is not supported by the replay`);
    }
  }
}
