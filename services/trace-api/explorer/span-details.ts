import { h } from './dom.js';
import { formatMs, formatPercent, formatValue } from './format.js';
import { traceHref } from './routes.js';
import type { Waterfall, WaterfallSpan } from './waterfall-model.js';

// The panel beside the waterfall: everything about one span. Its heading takes the focus when a span
// is opened; Escape or the back button return it to the span's row.
export interface DetailsActions {
  back: () => void;
  select: (spanId: string) => void;
}

export function spanDetails(model: Waterfall, span: WaterfallSpan, actions: DetailsActions): HTMLElement {
  const onPath = span.criticalPath.reduce((sum, [start, end]) => sum + end - start, 0);
  const bottleneck = model.analysis.bottlenecks.find((b) => b.spanId === span.spanId);
  const parent = span.parentSpanId ? model.spans.find((candidate) => candidate.spanId === span.parentSpanId) : undefined;
  const panel = h(
    'section',
    { class: 'details', 'aria-labelledby': 'details-heading' },
    h('h3', { id: 'details-heading', tabindex: -1 }, h('span', { class: 'service' }, span.service), ' ', span.operation),
    h(
      'dl',
      { class: 'facts' },
      fact('Span id', h('code', null, span.spanId)),
      fact('Parent', parent ? spanButton(parent, actions) : span.parentSpanId ? `${span.parentSpanId} (not in this trace)` : 'none: a root span'),
      span.parentRef === 'FOLLOWS_FROM' ? fact('Relation', 'follows from its parent: the parent did not wait for it') : null,
      fact('Kind', span.kind),
      fact('Starts at', `+${formatMs(span.start)}`),
      fact('Duration', formatMs(span.duration)),
      fact('Self time', `${formatMs(span.selfTime)} (${formatPercent(model.duration > 0 ? span.selfTime / model.duration : 0)} of the trace)`),
      fact('Critical path', onPath > 0 ? `the request waited on it for ${formatMs(onPath)}` : 'off the path: the request did not wait on it'),
      bottleneck ? fact('Bottleneck', `yes, ${bottleneck.percentage}% of the trace is its own work`) : null,
      fact('Status', span.failed ? h('span', { class: 'error-text' }, `error: ${span.error ?? 'failed'}`) : 'ok'),
    ),
    section('Attributes', keyValueTable(span.attributes)),
    section(
      `Events (${span.events.length})`,
      span.events.length === 0
        ? h('p', { class: 'muted' }, 'No events.')
        : h(
            'ol',
            { class: 'events' },
            span.events.map((event) => h('li', null, h('strong', null, event.name), ` at +${formatMs(event.time)}`, keyValueTable(event.attributes))),
          ),
    ),
    section(
      `Links (${span.links.length})`,
      span.links.length === 0
        ? h('p', { class: 'muted' }, 'No links.')
        : h('ul', { class: 'links' }, span.links.map((link) => h('li', null, `${link.type} `, linkTarget(model, link, actions)))),
    ),
    section('Resource', keyValueTable(span.resource)),
    h('p', null, h('button', { type: 'button', class: 'back', onclick: actions.back }, 'Back to the span in the waterfall (Esc)')),
  );
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') actions.back();
  });
  return panel;
}

function fact(name: string, value: Node | string): HTMLElement[] {
  return [h('dt', null, name), h('dd', null, value)];
}

function section(title: string, body: Node): HTMLElement {
  return h('section', null, h('h4', null, title), body);
}

function keyValueTable(values: Record<string, unknown>): HTMLElement {
  const keys = Object.keys(values).sort();
  if (keys.length === 0) return h('p', { class: 'muted' }, 'None.');
  return h('table', { class: 'kv' }, h('tbody', null, keys.map((key) => h('tr', null, h('th', { scope: 'row' }, key), h('td', null, formatValue(values[key]))))));
}

function spanButton(span: WaterfallSpan, actions: DetailsActions): HTMLElement {
  return h('button', { type: 'button', class: 'linkish', onclick: () => actions.select(span.spanId) }, `${span.service}: ${span.operation}`);
}

function linkTarget(model: Waterfall, link: WaterfallSpan['links'][number], actions: DetailsActions): Node {
  if (link.traceId === model.traceId) {
    const target = model.spans.find((candidate) => candidate.spanId === link.spanId);
    return target ? spanButton(target, actions) : document.createTextNode(`span ${link.spanId} (not in this trace)`);
  }
  return h('a', { href: traceHref(link.traceId, link.spanId) }, `span ${link.spanId} of trace ${link.traceId}`);
}
