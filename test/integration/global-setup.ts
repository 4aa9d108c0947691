import { loadStack, up } from '@tracing-lab/scripts/stack';

// The integration suites run against the native stack: start whatever part of it is not running
// already (npm run test:all has usually started it; this makes `npm run test:integration` work alone).
export default async function startStack(): Promise<void> {
  await up(loadStack(), [], {}, (line) => console.log(`stack: ${line}`));
}
