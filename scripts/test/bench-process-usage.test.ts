import { describe, expect, it } from 'vitest';
import { cpuSecondsFromStat, machineBusySecondsFromStat, peakRssMbFromStatus } from '../src/bench/process-usage.js';
import { cpuModelFrom } from '../src/bench/machine.js';

// Field 2 is the command name in parentheses; it may contain spaces and parentheses of its own.
const STAT = '4242 (node (lab) x) S 1 4242 4242 0 -1 4194560 12000 0 3 0 250 75 0 0 20 0 11 0 5000 1000000 30000';

describe('reading /proc', () => {
  it('adds user and system time from /proc/<pid>/stat, counting fields after the last parenthesis', () => {
    expect(cpuSecondsFromStat(STAT, 100)).toBe(3.25);
  });

  it('refuses a stat line it cannot read', () => {
    expect(() => cpuSecondsFromStat('4242 (node) S', 100)).toThrow('unreadable /proc stat line');
  });

  it('reads the peak resident memory (VmHWM) from /proc/<pid>/status in MB', () => {
    expect(peakRssMbFromStatus('Name:\tnode\nVmPeak:\t 1203456 kB\nVmHWM:\t  153600 kB\nVmRSS:\t  140000 kB\n')).toBe(150);
    expect(() => peakRssMbFromStatus('Name:\tnode\n')).toThrow('no VmHWM line');
  });

  it('counts the whole machine busy in /proc/stat, idle and I/O wait left out', () => {
    const stat = 'cpu  1000 20 300 90000 500 7 3 10 0 0\ncpu0 500 10 150 45000 250 3 1 5 0 0\nintr 123\n';
    expect(machineBusySecondsFromStat(stat, 100)).toBe(13.4);
    expect(() => machineBusySecondsFromStat('intr 1\n', 100)).toThrow('unreadable /proc/stat cpu line');
  });

  it('takes the CPU model from the first processor of /proc/cpuinfo', () => {
    expect(cpuModelFrom('processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC 7B13\n\nprocessor\t: 1\nmodel name\t: AMD EPYC 7B13\n')).toBe('AMD EPYC 7B13');
    expect(cpuModelFrom('processor\t: 0\n')).toBeUndefined();
  });
});
