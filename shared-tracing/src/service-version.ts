import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

// service.version comes from the package.json of the entry script's package, so a release bump is the
// only place a version is written; Compose and the native stack need no copy of it.
export function serviceVersionOf(entryScript: string | undefined): string | undefined {
  let dir = entryScript ? dirname(entryScript) : undefined;
  while (dir && dir !== dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version?: unknown };
      return typeof version === 'string' ? version : undefined;
    }
    dir = dirname(dir);
  }
  return undefined;
}
