import { cpuSeconds, machineBusySeconds } from './process-usage.js';

// The CPU used over one phase: by each watched process, by the benchmark itself (the load
// generator runs in it), and by the whole machine, so whatever else ran at the same time (another
// user of a shared machine) shows up instead of silently skewing the comparison.

export interface CpuUse {
  wallSeconds: number;
  // CPU seconds per watched process.
  seconds: Record<string, number>;
  loadGeneratorSeconds: number;
  machineSeconds: number;
}

export class CpuMeter {
  private readonly startedAt = performance.now();
  private readonly before: Map<string, number>;
  private readonly benchBefore = process.cpuUsage();
  private readonly machineBefore = machineBusySeconds();

  constructor(private readonly pids: Record<string, number>) {
    this.before = new Map(Object.entries(pids).map(([name, pid]) => [name, cpuSeconds(pid)]));
  }

  read(): CpuUse {
    const bench = process.cpuUsage(this.benchBefore);
    return {
      wallSeconds: (performance.now() - this.startedAt) / 1000,
      seconds: Object.fromEntries(Object.entries(this.pids).map(([name, pid]) => [name, cpuSeconds(pid) - (this.before.get(name) ?? 0)])),
      loadGeneratorSeconds: (bench.user + bench.system) / 1e6,
      machineSeconds: machineBusySeconds() - this.machineBefore,
    };
  }
}
