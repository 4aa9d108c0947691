import { spawn } from 'node:child_process';
import { join } from 'node:path';

// One of the project's command-line tools run as a learner runs it, with the Node running the tests:
// its exit code and everything it printed, whatever the code.

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

// `signalWhen`: sends the signal once stderr matches, as a CI timeout or `kill` would mid-run.
export function runNodeCli(
  script: string,
  args: readonly string[] = [],
  { signalWhen }: { signalWhen?: { stderr: RegExp; signal: NodeJS.Signals } } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let signalled = false;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (signalWhen && !signalled && signalWhen.stderr.test(stderr)) {
        signalled = true;
        child.kill(signalWhen.signal);
      }
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

// A command exactly as the README gives it to a learner, `npm run <script> -- <args>`, from the repo root.
export function runNpmScript(script: string, args: readonly string[] = []): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', script, '--', ...args], { cwd: join(__dirname, '..', '..', '..'), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}
