import { defineConfig } from 'vitest/config';

// Three suites, run from the root. Tests live in a `test/` folder beside the code they test;
// the cross-service suites live in the root `test/` folder.
//  unit:        pure logic, no network, seconds
//  build:       the Compose file through the real Compose loader
//  integration: the running native stack (npm run stack:up), read back through Jaeger's query API
// A fourth, compose (the Compose project in a real container engine, npm run test:compose), has a
// config of its own, vitest.compose.config.ts: it needs the ports the native stack holds.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['contracts/test/**/*.test.ts', 'shared-tracing/test/**/*.test.ts', 'service-kit/test/**/*.test.ts', 'services/*/test/**/*.test.ts', 'scripts/test/**/*.test.ts', 'checker/test/**/*.test.ts', 'trace-analysis/test/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'build',
          include: ['test/build/**/*.test.ts'],
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/integration/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // The suites share one running stack; some stop and restart its services.
          fileParallelism: false,
        },
      },
    ],
  },
});
