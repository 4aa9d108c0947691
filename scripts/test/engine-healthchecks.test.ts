import { describe, expect, it } from 'vitest';
import { HealthcheckSchedule } from '../src/engine/healthchecks.js';

// When the lab's engine runs each container's health check: every `interval` from its start, as
// Docker does.

const frontend = { id: 'frontend', startedAt: 0, intervalMs: 5_000 };
const noCheck = { id: 'one-off', startedAt: 0, intervalMs: undefined };

describe('the health-check schedule', () => {
  it('runs the first check one interval after the container started', () => {
    const schedule = new HealthcheckSchedule();
    expect(schedule.dueAt([frontend], 4_999)).toEqual([]);
    expect(schedule.dueAt([frontend], 5_000)).toEqual(['frontend']);
  });

  it('runs the next check one interval after the last one finished', () => {
    const schedule = new HealthcheckSchedule();
    schedule.dueAt([frontend], 5_000);
    schedule.ran('frontend', 5_000, 5_300);
    expect(schedule.dueAt([frontend], 10_299)).toEqual([]);
    expect(schedule.dueAt([frontend], 10_300)).toEqual(['frontend']);
  });

  it('starts over when the container is restarted', () => {
    const schedule = new HealthcheckSchedule();
    schedule.dueAt([frontend], 5_000);
    schedule.ran('frontend', 5_000, 5_000);
    const restarted = { ...frontend, startedAt: 6_000 };
    expect(schedule.dueAt([restarted], 10_000)).toEqual([]);
    expect(schedule.dueAt([restarted], 11_000)).toEqual(['frontend']);
  });

  it('never runs a check for a container without one', () => {
    expect(new HealthcheckSchedule().dueAt([noCheck], 60_000)).toEqual([]);
  });
});
