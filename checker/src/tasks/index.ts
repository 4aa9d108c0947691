import type { Task } from '../task.js';
import { baggageAllowListed } from './baggage-allow-listed.js';
import { completenessAudit } from './completeness-audit.js';
import { customSpans } from './custom-spans.js';
import { errorsVisible } from './errors-visible.js';
import { httpLinked } from './http-linked.js';
import { logsCorrelated } from './logs-correlated.js';
import { messagingLinked } from './messaging-linked.js';
import { samplingHonoured } from './sampling-honoured.js';
import { servicesRunning } from './services-running.js';
import { tracesArriving } from './traces-arriving.js';
import { tracingConfigured } from './tracing-configured.js';

// The lab's tasks in order; their points sum to 100.
export const TASKS: Task[] = [
  tracingConfigured,
  servicesRunning,
  tracesArriving,
  httpLinked,
  messagingLinked,
  customSpans,
  errorsVisible,
  completenessAudit,
  baggageAllowListed,
  samplingHonoured,
  logsCorrelated,
];
