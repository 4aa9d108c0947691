import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The compiled CLI as `npm run trace` starts it (build first: npx tsc -b): the thin bin really
// hands over to the runner and exits with its code.
const CLI = join(__dirname, '..', 'dist', 'trace-cli.js');

function trace(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { timeout: 20_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

describe('the compiled trace CLI', () => {
  it('is built', () => {
    expect(existsSync(CLI), `${CLI} is missing: run npx tsc -b`).toBe(true);
  });

  it('exits 2 with one line naming an unknown flag', async () => {
    expect(await trace('1ed9736e0494ad3e5e75c288ea8c6d60', '--bogus')).toEqual({ code: 2, stdout: '', stderr: "trace: Unknown option '--bogus' (see --help)\n" });
  });
});
