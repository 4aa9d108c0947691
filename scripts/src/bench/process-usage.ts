import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

// What a service's process has cost the machine, read from Linux's /proc: CPU time (user + system)
// from /proc/<pid>/stat and the peak resident memory (VmHWM) from /proc/<pid>/status. VmHWM is the
// high-water mark since the process started, so each restart begins a fresh peak.

// /proc counts CPU time in clock ticks; 100 a second on every common Linux, asked once to be sure.
const TICKS_PER_SECOND = clockTicks();

// CPU seconds from the text of /proc/<pid>/stat. Its second field, the command name in parentheses,
// may hold spaces, so the fields are counted from the last ')'.
export function cpuSecondsFromStat(stat: string, ticksPerSecond = TICKS_PER_SECOND): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 (utime) and 15 (stime) of proc(5), the first after ')' being field 3.
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) throw new Error(`unreadable /proc stat line: ${stat.slice(0, 80)}`);
  return (utime + stime) / ticksPerSecond;
}

// Peak resident memory in MB from the text of /proc/<pid>/status (`VmHWM:   123456 kB`).
export function peakRssMbFromStatus(status: string): number {
  const kb = /^VmHWM:\s+(\d+)\s+kB$/m.exec(status)?.[1];
  if (kb === undefined) throw new Error('no VmHWM line in /proc status');
  return Number(kb) / 1024;
}

// CPU seconds all cores spent busy since boot, from the first line of /proc/stat
// (`cpu  user nice system idle iowait irq softirq steal ...`): everything but idle and iowait.
export function machineBusySecondsFromStat(stat: string, ticksPerSecond = TICKS_PER_SECOND): number {
  const fields = /^cpu\s+(.+)$/m.exec(stat)?.[1]?.trim().split(/\s+/).map(Number);
  if (!fields || fields.length < 8 || fields.some((n) => !Number.isFinite(n))) throw new Error('unreadable /proc/stat cpu line');
  const [user, nice, system, , , irq, softirq, steal] = fields as number[];
  return ((user as number) + (nice as number) + (system as number) + (irq as number) + (softirq as number) + (steal as number)) / ticksPerSecond;
}

export function machineBusySeconds(): number {
  return machineBusySecondsFromStat(readFileSync('/proc/stat', 'utf8'));
}

export function cpuSeconds(pid: number): number {
  return cpuSecondsFromStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
}

export function peakRssMb(pid: number): number {
  return peakRssMbFromStatus(readFileSync(`/proc/${pid}/status`, 'utf8'));
}

function clockTicks(): number {
  const answer = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  const ticks = Number(answer.stdout?.trim());
  return Number.isInteger(ticks) && ticks > 0 ? ticks : 100;
}
