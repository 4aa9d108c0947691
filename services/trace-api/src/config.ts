import { join } from 'node:path';
import { type ListenAddress, listenAddressFrom, urlFrom } from '@tracing-lab/service-kit';

// The Tracing API's settings. Where the manual spans go is not here: their OTLP exporter reads the
// standard OTEL_EXPORTER_OTLP_* variables, like every service's SDK.
export interface TraceApiConfig {
  listen: ListenAddress;
  // Jaeger's HTTP query API (the one its UI uses), where every query and analysis reads from.
  jaegerQueryUrl: string;
  alerts: {
    // The alert rules (alert-rules.yaml beside this package, unless ALERT_RULES_FILE names another).
    rulesFile: string;
    // Named by ALERT_RULES_FILE: then a missing file stops the service. The default file may be
    // missing (an image without it): then no rule is evaluated.
    rulesFileRequired: boolean;
    // How often every rule is evaluated against Jaeger.
    intervalMs: number;
    // Where firing and resolved alerts are published; without it they are only kept for GET /alerts.
    amqpUrl: string | undefined;
  };
  // What `npm run lab` remembers (.lab/state.json at the repo's root, unless LAB_STATE_FILE names
  // another file), read for the explorer's progress view. It may be missing: nothing started yet.
  labStateFile: string;
}

export const DEFAULT_ALERT_RULES_FILE = join(__dirname, '..', 'alert-rules.yaml');
export const DEFAULT_ALERT_INTERVAL_MS = 5_000;
// services/trace-api/dist/ -> the repo's root natively; /app in the image, where Compose mounts .lab.
export const DEFAULT_LAB_STATE_FILE = join(__dirname, '..', '..', '..', '.lab', 'state.json');
const ALERT_INTERVAL_MS = { min: 100, max: 3_600_000 };

export function loadConfig(env: NodeJS.ProcessEnv = process.env): TraceApiConfig {
  const rulesFile = env.ALERT_RULES_FILE?.trim();
  return {
    listen: listenAddressFrom(env, 3000),
    jaegerQueryUrl: urlFrom(env, 'JAEGER_QUERY_URL', ['http', 'https']),
    alerts: {
      rulesFile: rulesFile || DEFAULT_ALERT_RULES_FILE,
      rulesFileRequired: Boolean(rulesFile),
      intervalMs: alertIntervalFrom(env),
      amqpUrl: env.AMQP_URL?.trim() ? urlFrom(env, 'AMQP_URL', ['amqp', 'amqps']) : undefined,
    },
    labStateFile: env.LAB_STATE_FILE?.trim() || DEFAULT_LAB_STATE_FILE,
  };
}

function alertIntervalFrom(env: NodeJS.ProcessEnv): number {
  const value = env.ALERT_INTERVAL_MS?.trim();
  if (!value) return DEFAULT_ALERT_INTERVAL_MS;
  const ms = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(ms >= ALERT_INTERVAL_MS.min && ms <= ALERT_INTERVAL_MS.max)) {
    throw new Error(`ALERT_INTERVAL_MS must be a number of ms from ${ALERT_INTERVAL_MS.min} to ${ALERT_INTERVAL_MS.max}, got '${value}'`);
  }
  return ms;
}
