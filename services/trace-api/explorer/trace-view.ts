import { getJson } from './api.js';
import { h } from './dom.js';
import { formatMs, formatPercent, formatTime, formatValue } from './format.js';
import { compareHref, searchHref, traceHref } from './routes.js';
import { serviceHue } from './service-color.js';
import { spanDetails } from './span-details.js';
import type { Waterfall, WaterfallSpan } from './waterfall-model.js';
import { waterfallRows } from './waterfall-rows.js';

// #/trace/<id>: one trace. What to read first (bottlenecks, time per service, the error's root cause),
// then the waterfall with the critical path marked, and the details of the selected span.
export async function traceView(main: HTMLElement, traceId: string, spanId: string | undefined): Promise<void> {
  const model = await getJson<Waterfall>(`/traces/${encodeURIComponent(traceId)}/waterfall`);
  renderTrace(main, model, spanId);
}

// Separate from the fetch so that a test can time drawing alone.
export function renderTrace(main: HTMLElement, model: Waterfall, spanId?: string): void {
  const byId = new Map(model.spans.map((span) => [span.spanId, span]));
  const details = h('aside', { id: 'span-details', class: 'details-frame', 'aria-label': 'Span details' }, h('p', { class: 'muted' }, 'Select a span (Enter) to see its attributes, events and links.'));
  let selected: HTMLElement | undefined;

  const select = (id: string, focusDetails = true) => {
    const span = byId.get(id);
    if (!span) return;
    selected?.classList.remove('selected');
    selected?.querySelector('.span-label')?.removeAttribute('aria-current');
    selected = waterfall.querySelector<HTMLElement>(`li[data-span-id="${CSS.escape(id)}"]`) ?? undefined;
    selected?.classList.add('selected');
    selected?.querySelector('.span-label')?.setAttribute('aria-current', 'true');
    selected?.scrollIntoView({ block: 'nearest' });
    details.replaceChildren(spanDetails(model, span, { back, select }));
    history.replaceState(null, '', traceHref(model.traceId, id));
    if (focusDetails) details.querySelector<HTMLElement>('#details-heading')?.focus();
  };
  const back = () => selected?.querySelector<HTMLElement>('.span-label')?.focus();
  const waterfall = waterfallRows(model, { onSelect: select });

  main.replaceChildren(
    h('h2', null, 'Trace ', h('code', { class: 'trace-id' }, model.traceId)),
    summary(model),
    h('div', { class: 'findings' }, bottlenecks(model, byId, select), breakdown(model), errorCause(model, select)),
    h('h3', { id: 'waterfall-heading' }, 'Waterfall'),
    legend(),
    h('div', { class: 'trace-body' }, h('section', { 'aria-labelledby': 'waterfall-heading' }, waterfall), details),
  );
  if (spanId) select(spanId, false);
}

function summary(model: Waterfall): HTMLElement {
  const root = model.spans[0] as WaterfallSpan;
  const failed = model.spans.filter((span) => span.failed).length;
  const compare = h('input', { id: 'compare-with', name: 'other', size: 34, placeholder: 'another trace id', 'aria-label': 'Trace id to compare with', pattern: '[0-9a-fA-F]{16}([0-9a-fA-F]{16})?', required: true });
  const form = h('form', { class: 'inline', role: 'search' }, h('label', { for: 'compare-with' }, 'Compare with '), compare, ' ', h('button', { type: 'submit' }, 'Compare'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = compareHref(model.traceId, compare.value.trim());
  });
  return h(
    'div',
    { class: 'summary' },
    h(
      'p',
      null,
      h('strong', null, formatMs(model.duration)),
      ` · started ${formatTime(model.startTime)} · ${model.spans.length} spans · ${model.analysis.serviceCalls} service calls · `,
      failed > 0 ? h('span', { class: 'error-text' }, `${failed} failed`) : 'no error',
      ' · ',
      model.services.map((service, i) => [i > 0 ? ', ' : '', h('span', { class: 'service-chip', style: `--hue: ${serviceHue(service)}` }, service)]),
    ),
    h(
      'p',
      null,
      h('a', { href: searchHref({ service: root.service, operation: root.operation }) }, 'Traces of the same operation'),
      ' · ',
      h('a', { href: `/traces/${model.traceId}/analyze` }, 'The analysis as JSON'),
      ' · ',
      form,
    ),
  );
}

function bottlenecks(model: Waterfall, byId: Map<string, WaterfallSpan>, select: (id: string) => void): HTMLElement {
  const list = model.analysis.bottlenecks;
  return h(
    'section',
    { class: 'bottlenecks', 'aria-labelledby': 'bottlenecks-heading' },
    h('h3', { id: 'bottlenecks-heading' }, 'Bottlenecks'),
    list.length === 0
      ? h('p', { class: 'muted' }, 'None: no span did more than 10% of the trace\u2019s work itself.')
      : h(
          'ol',
          null,
          list.map((bottleneck) => {
            const query = byId.get(bottleneck.spanId)?.attributes['db.query.text'];
            return h(
              'li',
              { 'data-span-id': bottleneck.spanId },
              h('button', { type: 'button', class: 'linkish', onclick: () => select(bottleneck.spanId) }, bottleneck.span),
              ` ${formatMs(bottleneck.duration)} self, ${bottleneck.percentage}% of the trace`,
              bottleneck.onCriticalPath ? ', on the critical path' : ', off the critical path',
              query === undefined ? null : h('code', { class: 'query' }, formatValue(query)),
            );
          }),
        ),
  );
}

function breakdown(model: Waterfall): HTMLElement {
  const rows = Object.entries(model.analysis.serviceBreakdown).sort((a, b) => b[1] - a[1]);
  return h(
    'section',
    { class: 'breakdown', 'aria-labelledby': 'breakdown-heading' },
    h('h3', { id: 'breakdown-heading' }, 'Self time per service'),
    h(
      'table',
      null,
      h(
        'tbody',
        null,
        rows.map(([service, ms]) =>
          h('tr', null, h('th', { scope: 'row' }, service), h('td', { class: 'num' }, formatMs(ms)), h('td', { class: 'num' }, formatPercent(model.duration > 0 ? ms / model.duration : 0))),
        ),
      ),
    ),
  );
}

function errorCause(model: Waterfall, select: (id: string) => void): HTMLElement | null {
  const cause = model.analysis.errorRootCause;
  if (!cause) return null;
  return h(
    'section',
    { class: 'error-cause', 'aria-labelledby': 'error-heading' },
    h('h3', { id: 'error-heading' }, 'Where the error began'),
    h('p', null, h('button', { type: 'button', class: 'linkish', onclick: () => select(cause.spanId) }, cause.span), cause.message ? `: ${cause.message}` : ''),
    h('p', { class: 'muted' }, cause.chain.join(' → ')),
  );
}

function legend(): HTMLElement {
  return h(
    'p',
    { class: 'legend' },
    h('span', { class: 'cp-mark' }, '◆'),
    ' on the critical path: the solid part of a bar is where the request waited on that span · ',
    h('span', { class: 'badge bottleneck' }, '⚠ n%'),
    ' bottleneck: self time over 10% of the trace · ',
    h('span', { class: 'badge error' }, 'error'),
    ' failed · Self: the span\u2019s own work. ↑ ↓ move between spans, Enter opens one.',
  );
}
