import { escapeHtml, h } from './dom.js';
import { formatMs, formatPercent } from './format.js';
import { serviceHue } from './service-color.js';
import type { Waterfall, WaterfallSpan } from './waterfall-model.js';

// The waterfall: one row per span in tree order, indented by depth, with a bar on the trace's time
// axis. A row on the critical path is marked ◆ and its bar is solid where the request waited on the
// span; a bottleneck (self time over 10% of the trace) carries its share; a failed span says so.
// The rows are one HTML string, every value from the trace escaped, with no per-row listener: a
// 10,000-span trace draws in well under a second (the stylesheet lays out only the rows on screen).
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
const SELF_TIME = 'self time: the span\u2019s own work, its children\u2019s excluded';

export function waterfallRows(model: Waterfall, options: WaterfallOptions = {}): HTMLElement {
  const bottleneckShare = new Map(model.analysis.bottlenecks.map((b) => [b.spanId, b.percentage]));
  const scale = model.duration > 0 ? 100 / model.duration : 0;
  const list = h('ol', { class: 'waterfall', 'aria-label': 'Spans in tree order, with their time on the trace' });
  list.innerHTML = model.spans.map((span) => row(span, scale, bottleneckShare.get(span.spanId), options)).join('');
  list.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLElement>('button.span-label');
    if (button && options.onSelect) options.onSelect(rowOf(button).dataset.spanId as string);
  });
  list.addEventListener('keydown', (event) => moveFocus(event, list));
  return h('div', { class: 'waterfall-frame' }, timeAxis(model.duration), list);
}

function row(span: WaterfallSpan, scale: number, bottleneck: number | undefined, options: WaterfallOptions): string {
  const critical = span.criticalPath.length > 0;
  const classes = `row${critical ? ' critical' : ''}${span.failed ? ' failed' : ''}${options.marks?.has(span.spanId) ? ` ${options.marks.get(span.spanId)}` : ''}`;
  const data = `data-span-id="${escapeHtml(span.spanId)}" data-service="${escapeHtml(span.service)}"${critical ? ' data-critical="true"' : ''}${bottleneck === undefined ? '' : ` data-bottleneck="${bottleneck}"`}`;
  const style = `--indent: ${Math.min(span.depth, MAX_INDENT)}; --hue: ${serviceHue(span.service)}`;
  const title = escapeHtml(`${span.service}: ${span.operation} (depth ${span.depth}, ${span.kind})`);
  const label =
    `<span class="cp-mark" aria-hidden="true">${critical ? '◆' : ''}</span><span class="service">${escapeHtml(span.service)}</span> <span class="operation">${escapeHtml(span.operation)}</span>` +
    (critical ? '<span class="sr-only">, on the critical path</span>' : '') +
    (bottleneck === undefined ? '' : ` <span class="badge bottleneck" title="bottleneck: self time as a share of the trace">⚠ ${formatPercent(bottleneck / 100)}</span>`) +
    (span.failed ? ' <span class="badge error">error</span>' : '');
  const opening = options.linkTo
    ? `<a class="span-label" href="${escapeHtml(options.linkTo(span))}" title="${title}">`
    : `<button type="button" class="span-label" aria-controls="span-details" title="${title}">`;
  const bars = bar('bar', span.start, span.duration, scale) + span.criticalPath.map(([start, end]) => bar('cp-piece', start, end - start, scale)).join('');
  return (
    `<li class="${classes}" ${data} style="${style}">${opening}${label}${options.linkTo ? '</a>' : '</button>'}` +
    `<div class="track" aria-hidden="true">${bars}</div>` +
    `<span class="duration">${formatMs(span.duration)}</span><span class="self" title="${SELF_TIME}">${formatMs(span.selfTime)}</span></li>`
  );
}

function bar(className: string, start: number, duration: number, scale: number): string {
  return `<div class="${className}" style="left: ${start * scale}%; width: ${duration * scale}%"></div>`;
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
