import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Instruction, parseDockerfile } from '../src/dockerfile-parse.js';

const repoRoot = join(__dirname, '../..');

// Each row is the body of a stage, after `FROM scratch` on line 1.
const instructions: Array<[string, Instruction[]]> = [
  ['ARG SERVICE', [{ kind: 'arg', line: 2, name: 'SERVICE' }]],
  ['ARG NODE_VERSION=24.21.0', [{ kind: 'arg', line: 2, name: 'NODE_VERSION', defaultRaw: '24.21.0' }]],
  ['ARG A=1 B', [{ kind: 'arg', line: 2, name: 'A', defaultRaw: '1' }, { kind: 'arg', line: 2, name: 'B' }]],
  [
    'ENV NODE_ENV=production SERVICE=${SERVICE}',
    [{ kind: 'env', line: 2, pairs: [{ name: 'NODE_ENV', raw: 'production' }, { name: 'SERVICE', raw: '${SERVICE}' }] }],
  ],
  ['ENV GREETING="hello world"', [{ kind: 'env', line: 2, pairs: [{ name: 'GREETING', raw: '"hello world"' }] }]],
  ['ENV LEGACY the rest of the line', [{ kind: 'env', line: 2, pairs: [{ name: 'LEGACY', raw: 'the rest of the line' }] }]],
  ['WORKDIR /app', [{ kind: 'workdir', line: 2, raw: '/app' }]],
  ['COPY package.json package-lock.json ./', [{ kind: 'copy', line: 2, sources: ['package.json', 'package-lock.json'], dest: './' }]],
  ['COPY --from=build /app/dist dist', [{ kind: 'copy', line: 2, fromRaw: 'build', sources: ['/app/dist'], dest: 'dist' }]],
  ['COPY --chown=node:node --chmod=644 a b', [{ kind: 'copy', line: 2, sources: ['a'], dest: 'b' }]],
  ['COPY ["my file", "dest/"]', [{ kind: 'copy', line: 2, sources: ['my file'], dest: 'dest/' }]],
  ['copy a b', [{ kind: 'copy', line: 2, sources: ['a'], dest: 'b' }]],
  ['RUN npm ci \\\n  && npm cache clean --force', [{ kind: 'run', line: 2, command: { form: 'shell', script: 'npm ci   && npm cache clean --force' } }]],
  ['RUN a \\\n# a comment inside the command\n  && b', [{ kind: 'run', line: 2, command: { form: 'shell', script: 'a   && b' } }]],
  ['RUN ["npm", "ci"]', [{ kind: 'run', line: 2, command: { form: 'exec', argv: ['npm', 'ci'] } }]],
  ['CMD ["sh", "-c", "exec node x.js"]', [{ kind: 'cmd', line: 2, command: { form: 'exec', argv: ['sh', '-c', 'exec node x.js'] } }]],
  ['CMD node x.js', [{ kind: 'cmd', line: 2, command: { form: 'shell', script: 'node x.js' } }]],
  ['CMD [not json', [{ kind: 'cmd', line: 2, command: { form: 'shell', script: '[not json' } }]],
  ['USER node', [{ kind: 'user', line: 2, raw: 'node' }]],
  ['EXPOSE 8080', [{ kind: 'metadata', line: 2, keyword: 'EXPOSE' }]],
  ['\n# a comment\n\nWORKDIR /app', [{ kind: 'workdir', line: 5, raw: '/app' }]],
];

const stages: Array<[string, { globalArgs: Instruction[]; stages: Array<{ name?: string; line: number; baseRaw: string }> }]> = [
  ['FROM node:24 AS Build', { globalArgs: [], stages: [{ name: 'build', line: 1, baseRaw: 'node:24' }] }],
  ['FROM --platform=$BUILDPLATFORM node:24', { globalArgs: [], stages: [{ line: 1, baseRaw: 'node:24' }] }],
  [
    'ARG V=24\nFROM node:${V} AS build\nFROM build AS runtime',
    {
      globalArgs: [{ kind: 'arg', line: 1, name: 'V', defaultRaw: '24' }],
      stages: [
        { name: 'build', line: 2, baseRaw: 'node:${V}' },
        { name: 'runtime', line: 3, baseRaw: 'build' },
      ],
    },
  ],
];

const errors: Array<[string, string]> = [
  ['', 'Dockerfile line 1: no FROM instruction'],
  ['WORKDIR /app', 'Dockerfile line 1: WORKDIR before the first FROM'],
  ['FROM a b', "Dockerfile line 1: FROM expects 'image [AS name]', got: a b"],
  ['FROM scratch\nADD x y', 'Dockerfile line 2: ADD is not supported by the replay'],
  ['FROM scratch\nENTRYPOINT ["node"]', 'Dockerfile line 2: ENTRYPOINT is not supported by the replay'],
  ['FROM scratch\nFOO bar', "Dockerfile line 2: unknown instruction 'FOO'"],
  ['FROM scratch\nCOPY --link a b', 'Dockerfile line 2: COPY flag --link is not supported by the replay'],
  ['FROM scratch\nCOPY only-one', 'Dockerfile line 2: COPY needs at least one source and a destination'],
  ['FROM scratch\nCOPY <<EOF /x\nhi\nEOF', 'Dockerfile line 2: heredocs are not supported by the replay: <<EOF /x'],
  [
    'FROM scratch\nRUN --mount=type=cache,target=/root/.npm npm ci',
    'Dockerfile line 2: RUN flags are not supported by the replay: --mount=type=cache,target=/root/.npm npm ci',
  ],
  ['FROM scratch\nENV A="x', 'Dockerfile line 2: unterminated " quote in: A="x'],
  ['FROM scratch\nENV 1A=x', 'Dockerfile line 2: ENV expects NAME=value, got: 1A=x'],
  ['FROM scratch\nARG BAD-NAME', "Dockerfile line 2: invalid ARG name 'BAD-NAME'"],
  ['# escape=`\nFROM scratch', "Dockerfile line 1: the escape directive '`' is not supported by the replay"],
];

describe('parseDockerfile', () => {
  it.each(instructions)('reads `%s` as %j', (body, expected) => {
    expect(parseDockerfile(`FROM scratch\n${body}`).stages[0]?.instructions).toEqual(expected);
  });

  it.each(stages)('reads the stages of `%s` as %j', (text, expected) => {
    const { globalArgs, stages: parsed } = parseDockerfile(text);
    expect({ globalArgs, stages: parsed.map(({ instructions: _, ...stage }) => stage) }).toEqual(expected);
  });

  it.each(errors)('rejects `%s` with "%s"', (text, message) => {
    expect(thrownBy(() => parseDockerfile(text))).toBe(message);
  });

  it('reads the repository Dockerfile as a build stage and a runtime stage that starts the service through sh', () => {
    const { globalArgs, stages: parsed } = parseDockerfile(readFileSync(join(repoRoot, 'Dockerfile'), 'utf8'));
    expect(globalArgs.map((arg) => arg.name)).toEqual(['NODE_VERSION']);
    expect(parsed.map((stage) => stage.name)).toEqual(['build', 'runtime']);
    expect(parsed[1]?.instructions.at(-1)).toMatchObject({ kind: 'cmd', command: { form: 'exec', argv: ['sh', '-c', expect.stringContaining('services/$SERVICE/dist/index.js')] } });
  });
});

function thrownBy(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    return (error as Error).message;
  }
  return 'nothing thrown';
}
