import type { Span } from '@opentelemetry/api';
import { type DependencyState, type Logger, outsideAnyTrace, recordSpanError, withSpan } from '@tracing-lab/shared-tracing';
import { ALERT_EVENTS, type AlertEvent } from '@tracing-lab/contracts';
import type { TraceTree } from '@tracing-lab/trace-analysis';
import { measureAlert } from './alert-metric.js';
import type { AlertRule } from './alert-rules.js';
import { type AlertStatus, INITIAL_STATUS, nextStatus } from './alert-state.js';
import type { TraceStore } from './trace-store.js';

// Evaluates every alert rule every intervalMs against the traces in Jaeger, keeps each rule's state
// for GET /alerts, and publishes each firing and resolved transition to RabbitMQ for the notifier.
// A round is one trace (`alerts.evaluate`): the measurements, the state changes, and the publish of
// each transition, which the amqplib instrumentation continues into the notifier's delivery.
//
// Jaeger unreachable: the round records it (on its span, in GET /alerts, on each rule) and leaves
// every state as it was, since an outage of the tracing says nothing about the services; the next
// round tries again. RabbitMQ
// unreachable: transitions wait here, in order, and go out with a later round.

export interface AlertPublisher {
  publish(routingKey: string, payload: unknown): Promise<void>;
  state(): DependencyState;
}

// The newest traces of a service read per round: enough for a minute of the lab's traffic, small
// enough that a round stays a few megabytes of JSON. Busier windows are measured on their newest part.
export const TRACES_PER_SEARCH = 200;
const RECENT_EVENTS = 50;
const MAX_UNPUBLISHED = 100;

export interface RuleReport extends AlertStatus {
  name: string;
  service: string;
  metric: AlertRule['metric'];
  threshold: number;
  window: string;
  minSamples: number;
  // Why the last round could not evaluate the rule; null when it could.
  error: string | null;
}

export interface AlertsReport {
  evaluator: {
    intervalMs: number;
    lastRunAt: string | null;
    jaeger: DependencyState | 'unknown';
    error: string | null;
    publishing: 'rabbitmq' | 'off';
    unpublished: number;
  };
  rules: RuleReport[];
  // Firing and resolved transitions, newest first.
  events: AlertEvent[];
}

interface RuleEntry {
  rule: AlertRule;
  status: AlertStatus;
  error: string | null;
}

export class AlertEvaluator {
  private readonly entries: RuleEntry[];
  private readonly events: AlertEvent[] = [];
  private readonly unpublished: AlertEvent[] = [];
  private jaeger: { state: DependencyState | 'unknown'; error: string | null } = { state: 'unknown', error: null };
  private lastRunAt: string | null = null;
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> | undefined;

  constructor(
    rules: readonly AlertRule[],
    private readonly store: Pick<TraceStore, 'recent'>,
    private readonly publisher: AlertPublisher | undefined,
    private readonly logger: Logger,
    private readonly intervalMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.entries = rules.map((rule) => ({ rule, status: INITIAL_STATUS, error: null }));
  }

  start(): void {
    if (this.entries.length === 0) return;
    this.kick();
    this.timer = setInterval(() => this.kick(), this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.round;
  }

  // For /health: the broker the alerts go out through, when there is one.
  dependencies(): Record<string, DependencyState> {
    return this.publisher ? { rabbitmq: this.publisher.state() } : {};
  }

  report(): AlertsReport {
    return {
      evaluator: {
        intervalMs: this.intervalMs,
        lastRunAt: this.lastRunAt,
        jaeger: this.jaeger.state,
        error: this.jaeger.error,
        publishing: this.publisher ? 'rabbitmq' : 'off',
        unpublished: this.unpublished.length,
      },
      rules: this.entries.map(({ rule, status, error }) => ({
        name: rule.name,
        service: rule.service,
        metric: rule.metric,
        threshold: rule.threshold,
        window: rule.window,
        minSamples: rule.minSamples,
        ...status,
        error,
      })),
      events: [...this.events],
    };
  }

  // One round; a round still running when the next tick comes is not overlapped.
  kick(): void {
    if (this.round) return;
    // A root of its own: the round belongs to no request's trace.
    this.round = outsideAnyTrace(() => this.evaluate()).finally(() => {
      this.round = undefined;
    });
  }

  async evaluate(): Promise<void> {
    const nowMs = this.now();
    // The searches run before the round's span, untraced: under load they take seconds, and the
    // evaluator's own reads would then be the slowest traces of the mesh in every slow-trace search.
    const searches = await Promise.all(byService(this.entries).map((entries) => this.search(entries)));
    await withSpan('alerts.evaluate', { 'app.alert.rules': this.entries.length }, async (span) => {
      const transitions: AlertEvent[] = [];
      let failure: unknown;
      for (const search of searches) {
        if ('trees' in search) transitions.push(...this.measure(search.entries, search.trees, nowMs));
        else failure ??= search.error;
      }
      transitions.forEach((transition) => this.record(transition));
      this.lastRunAt = new Date(nowMs).toISOString();
      this.noteJaeger(failure);
      if (failure !== undefined) recordSpanError(span, failure);
      await this.publishPending(span);
      span.setAttributes({
        'app.alert.transitions': transitions.length,
        'app.alert.firing': this.entries.filter((entry) => entry.status.state === 'firing').length,
      });
    }).catch((error: unknown) => {
      // Recorded on the span already; the next round starts afresh.
      this.logger.error({ err: error }, 'alert evaluation failed');
    });
  }

  // One search for the rules that watch one service, far enough back for the longest window.
  private async search(entries: RuleEntry[]): Promise<{ entries: RuleEntry[]; trees: TraceTree[] } | { entries: RuleEntry[]; error: unknown }> {
    try {
      const trees = await this.store.recent({
        serviceName: (entries[0] as RuleEntry).rule.service,
        limit: TRACES_PER_SEARCH,
        lookbackMinutes: Math.ceil(Math.max(...entries.map((entry) => entry.rule.windowMs)) / 60_000),
      });
      return { entries, trees };
    } catch (error) {
      for (const entry of entries) entry.error = messageOf(error);
      return { entries, error };
    }
  }

  private measure(entries: readonly RuleEntry[], trees: readonly TraceTree[], nowMs: number): AlertEvent[] {
    const transitions: AlertEvent[] = [];
    for (const entry of entries) {
      const { status, transition } = nextStatus(entry.rule, entry.status, measureAlert(entry.rule, trees, nowMs), new Date(nowMs));
      entry.status = status;
      entry.error = null;
      if (transition) transitions.push(transition);
    }
    return transitions;
  }

  private record(transition: AlertEvent): void {
    const fields = { rule: transition.rule, service: transition.service, metric: transition.metric, value: transition.value, threshold: transition.threshold, exampleTraceIds: transition.exampleTraceIds };
    if (transition.state === 'firing') this.logger.warn(fields, 'alert firing');
    else this.logger.info(fields, 'alert resolved');
    this.events.unshift(transition);
    this.events.splice(RECENT_EVENTS);
    if (!this.publisher) return;
    this.unpublished.push(transition);
    const dropped = this.unpublished.splice(0, Math.max(0, this.unpublished.length - MAX_UNPUBLISHED));
    if (dropped.length) this.logger.warn({ dropped: dropped.length }, 'RabbitMQ unreachable for long: oldest unpublished alerts dropped');
  }

  private async publishPending(span: Span): Promise<void> {
    if (!this.publisher) return;
    for (let event = this.unpublished[0]; event; event = this.unpublished[0]) {
      try {
        await this.publisher.publish(ALERT_EVENTS.routingKey[event.state], event);
      } catch (error) {
        recordSpanError(span, error);
        this.logger.warn({ err: error, unpublished: this.unpublished.length }, 'alerts not published, retrying next round');
        return;
      }
      this.unpublished.shift();
    }
  }

  private noteJaeger(failure: unknown): void {
    const state = failure === undefined ? 'up' : 'down';
    if (state === 'down' && this.jaeger.state !== 'down') this.logger.warn({ err: failure }, 'alert evaluation cannot read Jaeger, keeping alert states until it can');
    if (state === 'up' && this.jaeger.state === 'down') this.logger.info('alert evaluation reads Jaeger again');
    this.jaeger = { state, error: failure === undefined ? null : messageOf(failure) };
  }
}

// One Jaeger search per service, however many rules watch it.
function byService(entries: readonly RuleEntry[]): RuleEntry[][] {
  const groups = new Map<string, RuleEntry[]>();
  for (const entry of entries) groups.set(entry.rule.service, [...(groups.get(entry.rule.service) ?? []), entry]);
  return [...groups.values()];
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
