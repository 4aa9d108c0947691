import { existsSync } from 'node:fs';
import { loadExercises } from '@tracing-lab/checker/exercises';
import { Broker, createHttpClient, createLogger, type Logger, onShutdown } from '@tracing-lab/shared-tracing';
import { startServer } from '@tracing-lab/service-kit';
import { ALERT_EVENTS } from '@tracing-lab/contracts';
import { AlertEvaluator } from './alert-evaluator.js';
import { type AlertRule, loadAlertRules } from './alert-rules.js';
import { createApp } from './app.js';
import { ClientTracers } from './client-tracers.js';
import { loadConfig, type TraceApiConfig } from './config.js';
import { jaegerQuery } from './jaeger-query.js';
import { readLabProgress } from './lab-progress.js';
import { ManualTraces } from './manual-traces.js';
import { TraceStore } from './trace-store.js';

async function main(): Promise<void> {
  const logger = createLogger();
  const config = loadConfig();
  // Read before anything starts: a bad rule stops the service here, with one line naming it.
  const rules = alertRules(config.alerts, logger);
  const tracers = new ClientTracers();
  const manual = new ManualTraces(tracers);
  onShutdown('manual-spans', async () => {
    manual.endAll();
    await tracers.shutdown();
  });
  // Searches return whole traces, megabytes for a busy hour: more time than a call between services.
  const jaeger = jaegerQuery(createHttpClient(config.jaegerQueryUrl, 30_000));
  const store = new TraceStore(jaeger, manual);
  const broker = config.alerts.amqpUrl ? await Broker.connect(config.alerts.amqpUrl, { exchange: ALERT_EVENTS.exchange }, logger) : undefined;
  if (broker) onShutdown('rabbitmq', () => broker.close());
  else logger.warn('AMQP_URL is not set: alerts are kept for GET /alerts but not published');
  const alerts = new AlertEvaluator(rules, store, broker, logger, config.alerts.intervalMs);
  alerts.start();
  // Shutdown runs last-registered first: the round in progress finishes before the broker closes.
  onShutdown('alerts', () => alerts.stop());
  // The track's titles come from the checker's exercises/ (mounted read-only under Compose).
  const labProgress = () => readLabProgress(config.labStateFile, loadExercises());
  await startServer(createApp(store, manual, jaeger, alerts, labProgress, logger), config.listen, logger);
}

function alertRules(settings: TraceApiConfig['alerts'], logger: Logger): AlertRule[] {
  if (!settings.rulesFileRequired && !existsSync(settings.rulesFile)) {
    logger.warn({ rulesFile: settings.rulesFile }, 'no alert rules file: no alert is evaluated');
    return [];
  }
  const rules = loadAlertRules(settings.rulesFile);
  logger.info({ rulesFile: settings.rulesFile, rules: rules.map((rule) => rule.name), intervalMs: settings.intervalMs }, 'alert rules loaded');
  return rules;
}

main().catch((error: unknown) => {
  process.stderr.write(`trace-api could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
