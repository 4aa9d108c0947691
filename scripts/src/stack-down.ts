// `npm run stack:down [service...]`: stops what stack:up started, dependents first.
import { down, loadStack } from './stack.js';

down(loadStack(), process.argv.slice(2), (line) => console.log(line)).catch((error: unknown) => {
  console.error(`stack:down failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
