import { createHttpClient, createLogger } from '@tracing-lab/shared-tracing';
import { startServer } from '@tracing-lab/service-kit';
import { createApp } from './app.js';
import { loadConfig } from './config.js';

async function main(): Promise<void> {
  const logger = createLogger();
  const config = loadConfig();
  const backend = createHttpClient(config.backendUrl, config.backendTimeoutMs);
  const app = createApp(backend, logger, { traceContextHarness: config.traceContextHarness, shopPage: config.shopPage });
  await startServer(app, config.listen, logger);
}

main().catch((error: unknown) => {
  process.stderr.write(`frontend could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
