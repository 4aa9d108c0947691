import { spawn } from 'node:child_process';

// One of the project's command-line tools run as a learner runs it, with the Node running the tests:
// its exit code and everything it printed, whatever the code.

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runNodeCli(script: string, args: readonly string[] = []): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}
