import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { isAlive } from '@tracing-lab/scripts/processes';
import { describe, expect, it } from 'vitest';

// A stopped service counts as gone once it has exited, even before init reaps it: otherwise every
// restart waits for however often the machine's init reaps (about 2 s per service on some VMs).

describe('isAlive', () => {
  it('is true for a running process and false once it has exited, reaped or not', async () => {
    // The shell starts `sleep 0.2` in the background, then becomes `sleep 5`, which never waits for
    // it: the short sleep stays a zombie from its exit until its parent ends.
    const parent = spawn('sh', ['-c', 'sleep 0.2 & echo $!; exec sleep 5'], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const [line] = (await once(parent.stdout, 'data')) as [Buffer];
      const child = Number(line.toString().trim());
      expect(isAlive(child)).toBe(true);
      await sleep(600);
      expect(isAlive(child)).toBe(false);
      expect(isAlive(parent.pid as number)).toBe(true);
    } finally {
      parent.kill('SIGKILL');
    }
  });
});
