import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDockerignore, parseDockerignore } from '../src/dockerignore.js';

const repoRoot = join(__dirname, '../..');

// [.dockerignore, path in the context, ignored]
const rows: Array<[string, string, boolean]> = [
  ['**/node_modules', 'node_modules', true],
  ['**/node_modules', 'shared-tracing/node_modules/pino/index.js', true],
  ['**/dist', 'services/frontend/dist/index.js', true],
  ['**/dist', 'services/frontend/src/dist.ts', false],
  ['**/*.tsbuildinfo', 'services/frontend/tsconfig.tsbuildinfo', true],
  ['.git', '.git/HEAD', true],
  ['.git', '.github/workflows/ci.yml', false],
  ['dist', 'services/dist', false],
  ['/dist/', 'dist/index.js', true],
  ['./dist', 'dist', true],
  ['docs/*.md', 'docs/a/b.md', false],
  ['docs/**', 'docs/a/b.md', true],
  ['file?.txt', 'file1.txt', true],
  ['[a-c].txt', 'b.txt', true],
  ['[a-c].txt', 'd.txt', false],
  ['a+b.txt', 'a+b.txt', true],
  ['*.md\n!README.md', 'README.md', false],
  ['*.md\n!README.md', 'CHANGES.md', true],
  ['!README.md\n*.md', 'README.md', true],
  ['# a comment\n\n  secret  ', 'secret', true],
];

describe('.dockerignore', () => {
  it.each(rows)('with `%s`, %s is ignored: %s', (patterns, path, ignored) => {
    expect(parseDockerignore(patterns).ignores(path)).toBe(ignored);
  });

  it('skips a whole ignored folder only when no ! pattern could take part of it back', () => {
    expect(parseDockerignore('dist').canSkipFolder('dist')).toBe(true);
    expect(parseDockerignore('dist\n!dist/keep.js').canSkipFolder('dist')).toBe(false);
  });

  it("keeps the repository's installs, builds and tools out of the image context", () => {
    const ignore = loadDockerignore(repoRoot);
    const paths = ['node_modules', 'shared-tracing/dist', 'services/backend/tsconfig.tsbuildinfo', '.tools/bin', 'services/backend/src/index.ts', 'package-lock.json'];
    expect(paths.filter((path) => ignore.ignores(path))).toEqual(['node_modules', 'shared-tracing/dist', 'services/backend/tsconfig.tsbuildinfo', '.tools/bin']);
  });
});
