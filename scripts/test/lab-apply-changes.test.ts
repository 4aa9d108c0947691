import { describe, expect, it } from 'vitest';
import { compiledServices, servicesRunning } from '../src/lab/apply-changes.js';
import type { NativeKind, NativeService } from '../src/native-plan.js';
import type { Stack } from '../src/stack.js';

// Which services an exercise's files make the lab compile and restart: the app services that run a
// TypeScript file, and a service that reads a file from its own folder (Jaeger, its config).

const REPO = '/repo';
const service = (name: string, kind: NativeKind, cwd = REPO): NativeService => ({ name, kind, command: [], cwd, env: {}, healthcheck: [], dependsOn: [], ports: [] });
const stack: Stack = {
  services: [
    service('jaeger', 'jaeger', `${REPO}/jaeger`),
    service('postgres', 'postgres'),
    service('rabbitmq', 'rabbitmq'),
    service('database', 'app'),
    service('backend', 'app'),
    service('frontend', 'app'),
  ],
  paths: { logs: '/logs', pids: '/pids' },
};

describe('the services an exercise file makes the lab restart', () => {
  it.each([
    [['services/backend/src/app.ts'], ['backend']],
    [['shared-tracing/src/sdk.ts'], ['database', 'backend', 'frontend']],
    [['jaeger/tail-sampling.yaml'], ['jaeger']],
    [['docs/notes.md'], []],
  ])('%j restarts %j', (files, expected) => {
    expect(servicesRunning(files, stack, REPO)).toEqual(expected);
  });
});

it('compiles the app services only', () => {
  expect(compiledServices(['jaeger', 'backend'], stack)).toEqual(['backend']);
  expect(compiledServices(['jaeger'], stack)).toEqual([]);
});
