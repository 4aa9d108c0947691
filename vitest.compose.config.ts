import { defineConfig } from 'vitest/config';

// The fourth suite, `compose` (npm run test:compose, scripts/test-compose.sh): the lab's Compose
// project in a real container engine, tested through the ports it publishes on 127.0.0.1, the same
// ones the native stack uses. It is kept out of vitest.config.ts so that a plain `vitest run` never
// runs it beside the native stack; `npm run test:all` runs it once the native stack has stopped.
export default defineConfig({
  test: {
    name: 'compose',
    include: ['test/compose/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // One project, one set of ports: its suites take turns, and some stop and restart services.
    fileParallelism: false,
  },
});
