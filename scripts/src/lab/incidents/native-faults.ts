import { dirname } from 'node:path';
import { freePort } from '../../free-port.js';
import { startProcess, stopProcess } from '../../processes.js';
import { down, pidOf, service, type Stack, up } from '../../stack.js';
import { LabError } from '../exercise-files.js';
import { type FaultMesh, type Log, workerScript } from './faults.js';

// The faults on the native stack: a service's process restarted with other variables, workers as the
// lab's own processes (kept in .stack/pids like the services), listening on the loopback.
export function nativeFaultMesh(stack: Stack): FaultMesh {
  return {
    async assertRunning() {
      if (pidOf(stack, 'frontend') === undefined) throw new LabError('the native stack is not running: start it with npm run stack:up');
    },
    async restartWith(name: string, env: Record<string, string>, log: Log) {
      log(`restarting ${name}`);
      await down(stack, [name]);
      await up(stack, [name], { [name]: env });
    },
    async environment(name: string) {
      return service(stack, name).env;
    },
    workerPort: freePort,
    async startWorker(index: number, script: string, env: Record<string, string>) {
      const name = `lab-worker-${index}`;
      const path = workerScript(script);
      startProcess(stack.paths, name, [process.execPath, path], dirname(path), env);
      return { name, host: '127.0.0.1' };
    },
    async stopWorker(name: string) {
      await stopProcess(stack.paths, name, 3_000);
    },
  };
}
