import { getJson } from './api.js';
import { h } from './dom.js';
import { formatMs, formatPercent, formatTime, shortId } from './format.js';
import { searchHref, traceHref } from './routes.js';

// #/alerts: every alert rule's state and the recent firing and resolved alerts (GET /alerts), each
// with the traces behind its value.
interface Measured {
  metric: 'error_rate' | 'p95_ms';
  value: number | null;
  samples: number;
  exampleTraceIds: string[];
}

interface AlertsReport {
  evaluator: { intervalMs: number; lastRunAt: string | null; jaeger: string; error: string | null; publishing: string; unpublished: number };
  rules: (Measured & { name: string; service: string; threshold: number; window: string; minSamples: number; state: string; error: string | null })[];
  events: (Measured & { rule: string; service: string; threshold: number; window: string; state: string; at: string })[];
}

export async function alertsView(main: HTMLElement): Promise<void> {
  const report = await getJson<AlertsReport>('/alerts');
  const { evaluator } = report;
  main.replaceChildren(
    h('h2', null, 'Alerts'),
    h(
      'p',
      null,
      `Rules are measured every ${formatMs(evaluator.intervalMs)} over the traces in Jaeger`,
      evaluator.lastRunAt ? `, last at ${formatTime(Date.parse(evaluator.lastRunAt))}` : ', not yet',
      `. Jaeger ${evaluator.jaeger}; alerts published: ${evaluator.publishing}${evaluator.unpublished > 0 ? ` (${evaluator.unpublished} waiting)` : ''}.`,
    ),
    ...(evaluator.error ? [h('p', { class: 'notice error-text', role: 'alert' }, `The last round failed: ${evaluator.error}`)] : []),
    h('h3', null, 'Rules'),
    report.rules.length === 0
      ? h('p', { class: 'muted' }, 'No rule: services/trace-api/alert-rules.yaml is missing or empty.')
      : h(
          'table',
          { class: 'alerts' },
          h('thead', null, h('tr', null, ['Rule', 'Service', 'State', 'Value', 'Threshold', 'Window', 'Samples', 'Example traces'].map((name) => h('th', { scope: 'col' }, name)))),
          h(
            'tbody',
            null,
            report.rules.map((rule) =>
              h(
                'tr',
                { class: `state-${rule.state}` },
                h('th', { scope: 'row' }, rule.name),
                h('td', null, h('a', { href: searchHref({ service: rule.service }) }, rule.service)),
                h('td', null, h('span', { class: `badge state-${rule.state}` }, rule.state), rule.error ? h('span', { class: 'error-text' }, ` ${rule.error}`) : null),
                h('td', { class: 'num' }, value(rule.metric, rule.value)),
                h('td', { class: 'num' }, value(rule.metric, rule.threshold)),
                h('td', null, rule.window),
                h('td', { class: 'num' }, `${rule.samples} (min ${rule.minSamples})`),
                h('td', null, examples(rule.exampleTraceIds)),
              ),
            ),
          ),
        ),
    h('h3', null, 'Recent alerts'),
    report.events.length === 0
      ? h('p', { class: 'muted' }, 'None yet. `npm run load -- --scenario backend-error` fires backend-error-rate within a minute.')
      : h(
          'ol',
          { class: 'alert-events' },
          report.events.map((event) =>
            h(
              'li',
              null,
              h('span', { class: `badge state-${event.state}` }, event.state),
              ` ${formatTime(Date.parse(event.at))} ${event.rule} (${event.service}): ${value(event.metric, event.value)} against ${value(event.metric, event.threshold)} over ${event.window}, ${event.samples} samples `,
              examples(event.exampleTraceIds),
            ),
          ),
        ),
  );
}

function value(metric: Measured['metric'], measured: number | null): string {
  if (measured === null) return 'no value';
  return metric === 'error_rate' ? formatPercent(measured) : formatMs(measured);
}

function examples(traceIds: string[]): (HTMLElement | string)[] {
  return traceIds.flatMap((id) => [' ', h('a', { href: traceHref(id), class: 'trace-link' }, h('code', null, shortId(id)))]);
}
