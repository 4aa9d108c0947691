import { describe, expect, it } from 'vitest';
import { USAGE } from '../src/options.js';
import { runCli } from '../src/run-cli.js';

// The exit codes and one-line errors without the mesh; the integration suite runs the rest.
async function cli(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out, err };
}

describe('runCli', () => {
  it('exits 2 with one line naming a bad flag', async () => {
    expect(await cli('--task', '0')).toEqual({ code: 2, out: [], err: ["check: --task '0' is not a whole number from 1 to 12"] });
  });

  it('exits 2 with one line naming an exercise that does not exist, and the ones that do', async () => {
    const run = await cli('--exercise', '42');
    expect(run.code).toBe(2);
    expect(run.err).toHaveLength(1);
    expect(run.err[0]).toMatch(/^check: there is no exercise 42; the exercises are \d+(, \d+)* \(npm run lab -- list\)$/);
  });

  it('exits 2 with one line naming an unknown flag', async () => {
    expect(await cli('--verbose')).toEqual({ code: 2, out: [], err: ["check: Unknown option '--verbose' (see --help)"] });
  });

  it('prints the usage for --help and exits 0', async () => {
    expect(await cli('--help')).toEqual({ code: 0, out: [USAGE], err: [] });
  });
});
