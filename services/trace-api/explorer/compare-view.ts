import type { TraceComparison } from '@tracing-lab/trace-analysis';
import { getJson } from './api.js';
import { h } from './dom.js';
import { formatMs, formatSignedMs, shortId } from './format.js';
import { compareHref, traceHref } from './routes.js';
import type { Waterfall } from './waterfall-model.js';
import { waterfallRows } from './waterfall-rows.js';

type ChangedSpan = TraceComparison['slower'][number];
type PresentSpan = TraceComparison['appeared'][number];

// #/compare/<A>/<B>: what changed from trace A to trace B (GET /traces/:a/compare/:b), then both
// waterfalls side by side with the changed spans marked. Spans are matched by their place in the tree.
export async function compareView(main: HTMLElement, traceA: string, traceB: string): Promise<void> {
  const [a, b] = [encodeURIComponent(traceA), encodeURIComponent(traceB)];
  const [comparison, left, right] = await Promise.all([
    getJson<TraceComparison>(`/traces/${a}/compare/${b}`),
    getJson<Waterfall>(`/traces/${a}/waterfall`),
    getJson<Waterfall>(`/traces/${b}/waterfall`),
  ]);
  const marksA = new Map<string, string>();
  const marksB = new Map<string, string>();
  for (const [mark, spans] of [['slower', comparison.slower], ['faster', comparison.faster]] as const) {
    for (const span of spans) {
      marksA.set(span.spanIdA, mark);
      marksB.set(span.spanIdB, mark);
    }
  }
  for (const span of comparison.vanished) marksA.set(span.spanId, 'vanished');
  for (const span of comparison.appeared) marksB.set(span.spanId, 'appeared');

  main.replaceChildren(
    h('h2', null, 'Two traces compared'),
    h(
      'p',
      { class: 'summary' },
      'A ',
      h('a', { href: traceHref(comparison.traceA) }, h('code', null, shortId(comparison.traceA))),
      ` ${formatMs(comparison.durationA)} → B `,
      h('a', { href: traceHref(comparison.traceB) }, h('code', null, shortId(comparison.traceB))),
      ` ${formatMs(comparison.durationB)}: `,
      h('strong', { class: comparison.delta > 0 ? 'slower-text' : 'faster-text' }, formatSignedMs(comparison.delta)),
      ' · ',
      h('a', { href: compareHref(comparison.traceB, comparison.traceA) }, 'Swap A and B'),
    ),
    h(
      'div',
      { class: 'findings' },
      changes('Slower in B', 'slower', comparison.slower, comparison),
      changes('Faster in B', 'faster', comparison.faster, comparison),
      present('Only in B (appeared)', comparison.appeared, comparison.traceB),
      present('Only in A (vanished)', comparison.vanished, comparison.traceA),
      serviceDelta(comparison),
    ),
    h(
      'div',
      { class: 'side-by-side' },
      side('A', left, marksA),
      side('B', right, marksB),
    ),
  );
}

function changes(title: string, id: string, spans: ChangedSpan[], comparison: TraceComparison): HTMLElement {
  return h(
    'section',
    { class: `changes ${id}`, 'aria-labelledby': `${id}-heading` },
    h('h3', { id: `${id}-heading` }, `${title} (${spans.length})`),
    spans.length === 0
      ? h('p', { class: 'muted' }, 'None.')
      : h(
          'table',
          null,
          h('thead', null, h('tr', null, h('th', null, 'Span (its place in the tree)'), h('th', { class: 'num' }, 'A'), h('th', { class: 'num' }, 'B'), h('th', { class: 'num' }, 'Change'), h('th', { class: 'num', title: 'change of its own work, children excluded: the cause comes first' }, 'Self'))),
          h(
            'tbody',
            null,
            spans.map((span) =>
              h(
                'tr',
                null,
                h('td', null, h('a', { href: traceHref(comparison.traceB, span.spanIdB), title: span.path }, lastSteps(span.path))),
                h('td', { class: 'num' }, formatMs(span.durationA)),
                h('td', { class: 'num' }, formatMs(span.durationB)),
                h('td', { class: 'num' }, formatSignedMs(span.delta)),
                h('td', { class: 'num' }, formatSignedMs(span.selfDelta)),
              ),
            ),
          ),
        ),
  );
}

function present(title: string, spans: PresentSpan[], traceId: string): HTMLElement {
  return h(
    'section',
    { class: 'changes' },
    h('h3', null, `${title} (${spans.length})`),
    spans.length === 0
      ? h('p', { class: 'muted' }, 'None.')
      : h('ul', null, spans.map((span) => h('li', null, h('a', { href: traceHref(traceId, span.spanId), title: span.path }, lastSteps(span.path)), ` ${formatMs(span.duration)}`))),
  );
}

function serviceDelta(comparison: TraceComparison): HTMLElement {
  return h(
    'section',
    { class: 'changes' },
    h('h3', null, 'Self time per service, B − A'),
    h('table', null, h('tbody', null, Object.entries(comparison.serviceDelta).map(([service, delta]) => h('tr', null, h('th', { scope: 'row' }, service), h('td', { class: 'num' }, formatSignedMs(delta)))))),
  );
}

function side(name: string, model: Waterfall, marks: Map<string, string>): HTMLElement {
  return h(
    'section',
    { class: 'side', 'aria-label': `Trace ${name}` },
    h('h3', null, `${name}: `, h('a', { href: traceHref(model.traceId) }, h('code', null, shortId(model.traceId))), ` ${formatMs(model.duration)}, ${model.spans.length} spans`),
    waterfallRows(model, { marks, linkTo: (span) => traceHref(model.traceId, span.spanId) }),
  );
}

// `frontend:POST /api/orders > … > database:pg.query:SELECT lab` shows as its last two steps.
function lastSteps(path: string): string {
  const steps = path.split(' > ');
  return (steps.length > 2 ? '… > ' : '') + steps.slice(-2).join(' > ');
}
