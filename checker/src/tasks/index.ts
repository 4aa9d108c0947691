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
import { tailSampled } from './tail-sampled.js';
import { tracesArriving } from './traces-arriving.js';
import { tracingConfigured } from './tracing-configured.js';

// The lab's tasks in order, what `npm run check` runs; their points sum to 100.
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

// Tasks that grade one exercise and run only for it (--exercise, --task): each needs the mesh its
// exercise sets up. Task 12 grades the tail sampling that only exercise 10 switches on in Jaeger, which
// would drop most of the traces the other tasks follow.
export const EXERCISE_ONLY_TASKS: Task[] = [tailSampled];

export const ALL_TASKS: Task[] = [...TASKS, ...EXERCISE_ONLY_TASKS];
