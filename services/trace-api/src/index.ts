import { createHttpClient, createLogger, onShutdown, startServer } from '@tracing-lab/shared-tracing';
import { createApp } from './app.js';
import { ClientTracers } from './client-tracers.js';
import { loadConfig } from './config.js';
import { JaegerQuery } from './jaeger-query.js';
import { ManualTraces } from './manual-traces.js';
import { TraceStore } from './trace-store.js';

async function main(): Promise<void> {
  const logger = createLogger();
  const config = loadConfig();
  const tracers = new ClientTracers();
  const manual = new ManualTraces(tracers);
  onShutdown('manual-spans', async () => {
    manual.endAll();
    await tracers.shutdown();
  });
  // Searches return whole traces, megabytes for a busy hour: more time than a call between services.
  const jaeger = new JaegerQuery(createHttpClient(config.jaegerQueryUrl, 30_000));
  await startServer(createApp(new TraceStore(jaeger, manual), manual, jaeger, logger), config.port, logger);
}

main().catch((error: unknown) => {
  process.stderr.write(`trace-api could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
