import { h } from './dom.js';
import { formatMs, formatPercent } from './format.js';
import { serviceHue } from './service-color.js';
import type { Waterfall, WaterfallSpan } from './waterfall-model.js';

// The waterfall: one row per span in tree order, indented by depth, with a bar on the trace's time
// axis. A row on the critical path is marked ◆ and its bar is solid where the request waited on the
// span; a bottleneck (self time over 10% of the trace) carries its share; a failed span says so.
// Built with plain DOM calls and no per-row listeners: a 10,000-span trace draws in well under a second.
export interface WaterfallOptions {
  // Each row's label is a link there instead of a button that selects the span (the compare view).
  linkTo?: (span: WaterfallSpan) => string;
  // A class per span id, to mark rows (slower, faster, appeared, vanished).
  marks?: ReadonlyMap<string, string>;
  // Called when a row's button is pressed (click, Enter or Space).
  onSelect?: (spanId: string) => void;
}

// Past this depth rows stop moving right; the depth is still in each row's title.
const MAX_INDENT = 24;

export function waterfallRows(model: Waterfall, options: WaterfallOptions = {}): HTMLElement {
  const bottleneckShare = new Map(model.analysis.bottlenecks.map((b) => [b.spanId, b.percentage]));
  const scale = model.duration > 0 ? 100 / model.duration : 0;
  const list = h('ol', { class: 'waterfall', 'aria-label': 'Spans in tree order, with their time on the trace' });
  const rows = document.createDocumentFragment();
  for (const span of model.spans) rows.append(row(span, scale, bottleneckShare.get(span.spanId), options));
  list.append(rows);
  list.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLElement>('button.span-label');
    if (button && options.onSelect) options.onSelect(rowOf(button).dataset.spanId as string);
  });
  list.addEventListener('keydown', (event) => moveFocus(event, list));
  return h('div', { class: 'waterfall-frame' }, timeAxis(model.duration), list);
}

function row(span: WaterfallSpan, scale: number, bottleneck: number | undefined, options: WaterfallOptions): HTMLLIElement {
  const critical = span.criticalPath.length > 0;
  const item = document.createElement('li');
  item.className = `row${critical ? ' critical' : ''}${span.failed ? ' failed' : ''}${options.marks?.has(span.spanId) ? ` ${options.marks.get(span.spanId)}` : ''}`;
  item.dataset.spanId = span.spanId;
  item.dataset.service = span.service;
  if (critical) item.dataset.critical = 'true';
  if (bottleneck !== undefined) item.dataset.bottleneck = String(bottleneck);
  item.style.setProperty('--indent', String(Math.min(span.depth, MAX_INDENT)));
  item.style.setProperty('--hue', String(serviceHue(span.service)));

  const label = options.linkTo ? h('a', { href: options.linkTo(span) }) : h('button', { type: 'button', 'aria-controls': 'span-details' });
  label.className = 'span-label';
  label.title = `${span.service}: ${span.operation} (depth ${span.depth}, ${span.kind})`;
  label.append(
    h('span', { class: 'cp-mark', 'aria-hidden': 'true' }, critical ? '◆' : ''),
    h('span', { class: 'service' }, span.service),
    ' ',
    h('span', { class: 'operation' }, span.operation),
  );
  if (critical) label.append(h('span', { class: 'sr-only' }, ', on the critical path'));
  if (bottleneck !== undefined) label.append(' ', h('span', { class: 'badge bottleneck', title: 'bottleneck: self time as a share of the trace' }, `⚠ ${formatPercent(bottleneck / 100)}`));
  if (span.failed) label.append(' ', h('span', { class: 'badge error' }, 'error'));

  const track = h('div', { class: 'track', 'aria-hidden': 'true' }, bar('bar', span.start, span.duration, scale));
  for (const [start, end] of span.criticalPath) track.append(bar('cp-piece', start, end - start, scale));

  item.append(label, track, h('span', { class: 'duration' }, formatMs(span.duration)), h('span', { class: 'self', title: 'self time: the span\u2019s own work, its children\u2019s excluded' }, formatMs(span.selfTime)));
  return item;
}

function bar(className: string, start: number, duration: number, scale: number): HTMLElement {
  const element = document.createElement('div');
  element.className = className;
  element.style.left = `${start * scale}%`;
  element.style.width = `${duration * scale}%`;
  return element;
}

function timeAxis(duration: number): HTMLElement {
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((at) => h('span', { class: 'tick', style: `left: ${at * 100}%` }, formatMs(duration * at)));
  return h(
    'div',
    { class: 'axis', 'aria-hidden': 'true' },
    h('span', { class: 'axis-label' }, 'Service and operation'),
    h('div', { class: 'axis-track' }, ticks),
    h('span', { class: 'duration' }, 'Duration'),
    h('span', { class: 'self' }, 'Self'),
  );
}

function rowOf(element: Element): HTMLElement {
  return element.closest('li.row') as HTMLElement;
}

// Arrow keys move between rows, Home and End to the first and last; Tab leaves the waterfall.
function moveFocus(event: KeyboardEvent, list: HTMLElement): void {
  const current = (event.target as Element).closest('.span-label');
  if (!current) return;
  const from = rowOf(current);
  let to: Element | null = null;
  if (event.key === 'ArrowDown') to = from.nextElementSibling;
  else if (event.key === 'ArrowUp') to = from.previousElementSibling;
  else if (event.key === 'Home') to = list.firstElementChild;
  else if (event.key === 'End') to = list.lastElementChild;
  else return;
  event.preventDefault();
  (to?.querySelector('.span-label') as HTMLElement | null)?.focus();
}
