import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

// The machine a run was measured on, printed with its table: numbers without it mean little.

export interface Machine {
  cores: number;
  // `nproc`: the cores this process may use, which a container or cgroup can make fewer.
  nproc: number;
  cpuModel: string;
  node: string;
}

export function describeMachine(): Machine {
  const nproc = Number(spawnSync('nproc', { encoding: 'utf8' }).stdout?.trim());
  return {
    cores: cpus().length,
    nproc: Number.isInteger(nproc) && nproc > 0 ? nproc : cpus().length,
    cpuModel: cpuModelFrom(readCpuInfo()) ?? cpus()[0]?.model ?? 'unknown',
    node: process.version,
  };
}

export function cpuModelFrom(cpuinfo: string): string | undefined {
  return /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim();
}

function readCpuInfo(): string {
  try {
    return readFileSync('/proc/cpuinfo', 'utf8');
  } catch {
    return '';
  }
}
