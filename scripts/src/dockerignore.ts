import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

// .dockerignore as Docker reads it (moby/patternmatcher): patterns relative to the context root, `*`
// and `?` within one path segment, `**` across any number of segments, `!` to take a path back in. A
// path is ignored when the last pattern matching it, or matching one of its parent folders, is not a
// `!` pattern.

export interface IgnoreRule {
  pattern: string;
  regex: RegExp;
  /** A `!pattern`: matching paths are sent to the build after all. */
  exception: boolean;
}

export interface Dockerignore {
  rules: IgnoreRule[];
  /** `path` is relative to the context root, with forward slashes. */
  ignores(path: string): boolean;
  /** Whether a whole ignored folder can be skipped: only when no `!` pattern could take part of it back. */
  canSkipFolder(path: string): boolean;
}

export function loadDockerignore(contextDir: string): Dockerignore {
  const file = join(contextDir, '.dockerignore');
  return parseDockerignore(existsSync(file) ? readFileSync(file, 'utf8') : '');
}

export function parseDockerignore(text: string): Dockerignore {
  const rules = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map(toRule);
  const ignores = (path: string): boolean => {
    const candidates = withParents(path);
    let ignored = false;
    for (const rule of rules) {
      if (candidates.some((candidate) => rule.regex.test(candidate))) ignored = !rule.exception;
    }
    return ignored;
  };
  const hasExceptions = rules.some((rule) => rule.exception);
  return { rules, ignores, canSkipFolder: (path) => ignores(path) && !hasExceptions };
}

function toRule(line: string): IgnoreRule {
  const exception = line.startsWith('!');
  const pattern = clean(exception ? line.slice(1).trim() : line);
  return { pattern, regex: toRegex(pattern), exception };
}

// Go's filepath.Clean, then no leading slash: `/dist/`, `./dist` and `dist` are the same pattern.
function clean(pattern: string): string {
  const normalized = posix.normalize(pattern).replace(/\/+$/, '');
  return normalized.replace(/^\/+/, '') || '.';
}

function toRegex(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === '*' && pattern[i + 1] === '*') {
      i++;
      if (pattern[i + 1] === '/') i++;
      // `**` at the end takes everything below; `**/` takes zero or more folders.
      source += i + 1 >= pattern.length ? '.*' : '(.*/)?';
    } else if (ch === '*') {
      source += '[^/]*';
    } else if (ch === '?') {
      source += '[^/]';
    } else if (ch === '\\' && i + 1 < pattern.length) {
      source += escapeRegex(pattern[++i] as string);
    } else if (ch === '[' && pattern.indexOf(']', i + 2) !== -1) {
      // A character class such as [a-z] or [^0-9], as in Go's filepath.Match: copied as is.
      const close = pattern.indexOf(']', i + 2);
      source += pattern.slice(i, close + 1);
      i = close;
    } else {
      source += escapeRegex(ch);
    }
  }
  return new RegExp(`^${source}$`);
}

function escapeRegex(ch: string): string {
  return /[.+^${}()|[\]\\]/.test(ch) ? `\\${ch}` : ch;
}

// `a/b/c` -> [`a/b/c`, `a/b`, `a`]: a pattern naming a folder ignores everything inside it.
function withParents(path: string): string[] {
  const segments = path.split('/').filter((segment) => segment !== '' && segment !== '.');
  return segments.map((_, index) => segments.slice(0, segments.length - index).join('/'));
}
