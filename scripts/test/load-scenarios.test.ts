import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAULT_SCENARIO_NAMES, SCENARIO_NAMES } from '../src/load/scenarios.js';

// A fault scenario only works if a service honours its name: the load generator and the services
// share the names through the baggage entry lab.scenario, so the two lists are compared here.
const servicesRoot = join(__dirname, '../../services');

function faultsTheServicesHonour(): string[] {
  const names = readdirSync(servicesRoot).flatMap((service) => {
    let source: string;
    try {
      source = readFileSync(join(servicesRoot, service, 'src', 'faults.ts'), 'utf8');
    } catch {
      return [];
    }
    return [...source.matchAll(/faultFires\(\s*'([^']+)'/g)].map((match) => match[1] as string);
  });
  return [...new Set(names)].sort();
}

describe('the scenarios', () => {
  it('are the three kinds of traffic and the seven faults', () => {
    expect(SCENARIO_NAMES).toEqual([
      'browse',
      'order',
      'mixed',
      'slow-db',
      'backend-error',
      'slow-notifier',
      'notifier-failure',
      'notifier-outage',
      'poison-message',
      'outbox-backlog',
    ]);
  });

  it('name exactly the faults the services honour', () => {
    expect([...FAULT_SCENARIO_NAMES].sort()).toEqual(faultsTheServicesHonour());
  });
});
