import type { TraceListing } from '@tracing-lab/trace-analysis';
import { ApiError, getJson } from './api.js';
import { h } from './dom.js';
import { formatMs, formatTime, shortId } from './format.js';
import { compareHref, SEARCH_FIELDS, type SearchQuery, searchFieldOf, searchHref, traceHref, traceQueryPath } from './routes.js';

// #/search?…: the search form (GET /traces/query) and its results, newest first. Two results can be
// ticked and compared.
const FIELDS: Record<(typeof SEARCH_FIELDS)[number], { label: string; hint?: string; input: () => HTMLInputElement | HTMLSelectElement }> = {
  service: { label: 'Service', input: () => h('select', null, h('option', { value: '' }, 'every service')) },
  operation: { label: 'Operation', hint: 'e.g. POST /api/orders', input: () => h('input', { type: 'text' }) },
  tags: { label: 'Tags', hint: 'key=value, space separated: lab.scenario=slow-db, lab.checker=<run id>, http.response.status_code=500', input: () => h('input', { type: 'text', placeholder: 'lab.scenario=slow-db' }) },
  minDuration: { label: 'Min duration (ms)', input: () => h('input', { type: 'text', inputmode: 'decimal', placeholder: '500' }) },
  status: {
    label: 'Status',
    input: () => h('select', null, h('option', { value: '' }, 'any'), h('option', { value: 'failed' }, 'failed (a span has an error)'), h('option', { value: 'completed' }, 'completed without error')),
  },
  lookback: { label: 'Lookback (minutes)', input: () => h('input', { type: 'text', inputmode: 'numeric', placeholder: '60' }) },
  limit: { label: 'At most', input: () => h('input', { type: 'text', inputmode: 'numeric', placeholder: '20' }) },
};

export async function searchView(main: HTMLElement, query: SearchQuery): Promise<void> {
  const inputs = new Map<(typeof SEARCH_FIELDS)[number], HTMLInputElement | HTMLSelectElement>();
  const form = h('form', { class: 'search', role: 'search', 'aria-label': 'Find traces' });
  for (const field of SEARCH_FIELDS) {
    const { label, hint, input: make } = FIELDS[field];
    const input = make();
    input.id = `search-${field}`;
    input.name = field;
    if (hint) input.setAttribute('aria-describedby', `search-${field}-hint`);
    inputs.set(field, input);
    form.append(h('div', { class: 'field' }, h('label', { for: input.id }, label), input, hint ? h('small', { id: `search-${field}-hint` }, hint) : null));
  }
  form.append(h('div', { class: 'field actions' }, h('button', { type: 'submit' }, 'Find traces')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next: SearchQuery = {};
    for (const [field, input] of inputs) next[field] = input.value;
    const href = searchHref(next);
    // The same search again: the hash does not change, so run it here.
    if (location.hash === href) void searchView(main, next).catch((error: unknown) => showSearchError(main, error));
    else location.hash = href;
  });
  const results = h('div', { class: 'results', 'aria-live': 'polite' }, h('p', { class: 'muted' }, 'Searching…'));
  main.replaceChildren(h('h2', null, 'Find traces'), form, results);

  const [services, found] = await Promise.allSettled([getJson<string[]>('/services'), getJson<TraceListing[]>(traceQueryPath(query))]);
  const serviceInput = inputs.get('service') as HTMLSelectElement;
  const known = services.status === 'fulfilled' ? services.value : [];
  // A service typed into the URL that Jaeger does not list stays selectable, so the form shows the search as run.
  for (const service of [...new Set([...known, ...(query.service ? [query.service] : [])])]) serviceInput.append(h('option', { value: service }, service));
  for (const [field, input] of inputs) input.value = query[field] ?? '';
  if (found.status === 'rejected') throw found.reason;
  results.replaceChildren(resultTable(found.value, query));
}

// A 400 names the field: the message goes in the page and that field is marked and focused.
export function showSearchError(main: HTMLElement, error: unknown): boolean {
  const results = main.querySelector('.results');
  if (!results || !(error instanceof ApiError)) return false;
  results.replaceChildren(h('p', { class: 'notice error-text', role: 'alert' }, error.message));
  const field = searchFieldOf(error.field);
  const input = field ? main.querySelector<HTMLElement>(`#search-${field}`) : null;
  if (input) {
    input.setAttribute('aria-invalid', 'true');
    input.focus();
  }
  return true;
}

function resultTable(listings: TraceListing[], query: SearchQuery): HTMLElement {
  if (listings.length === 0) {
    return h('p', { class: 'notice' }, `No trace matches. Jaeger keeps traces in memory only, and this search looks back ${query.lookback || 60} minutes: send a request or widen the search.`);
  }
  const longest = Math.max(...listings.map((listing) => listing.duration));
  const compare = h('button', { type: 'button', disabled: true }, 'Compare the two ticked traces');
  const ticked: string[] = [];
  const table = h(
    'table',
    { class: 'traces' },
    h('caption', null, `${listings.length === 1 ? '1 trace' : `${listings.length} traces`}, newest first`),
    h('thead', null, h('tr', null, ['Compare', 'Trace', 'Started', 'Duration', 'Spans', 'Service calls', 'Status'].map((name) => h('th', { scope: 'col' }, name)))),
    h(
      'tbody',
      null,
      listings.map((listing) => {
        const box = h('input', { type: 'checkbox', 'aria-label': `compare trace ${shortId(listing.traceId)}` });
        box.addEventListener('change', () => {
          if (box.checked) ticked.push(listing.traceId);
          else ticked.splice(ticked.indexOf(listing.traceId), 1);
          compare.disabled = ticked.length !== 2;
        });
        return h(
          'tr',
          { class: listing.status === 'failed' ? 'failed' : null, 'data-trace-id': listing.traceId },
          h('td', null, box),
          h('td', null, h('a', { href: traceHref(listing.traceId) }, h('span', { class: 'service' }, listing.rootService), ` ${listing.rootOperation} `, h('code', null, shortId(listing.traceId)))),
          h('td', null, formatTime(listing.startTime)),
          h('td', { class: 'num' }, h('span', { class: 'mini-bar', style: `width: ${longest > 0 ? (100 * listing.duration) / longest : 0}%` }), formatMs(listing.duration)),
          h('td', { class: 'num' }, listing.spanCount),
          h('td', { class: 'num' }, listing.serviceCalls),
          h('td', null, listing.status === 'failed' ? h('span', { class: 'badge error' }, 'failed') : 'ok'),
        );
      }),
    ),
  );
  compare.addEventListener('click', () => {
    if (ticked.length === 2) location.hash = compareHref(ticked[0] as string, ticked[1] as string);
  });
  return h('div', null, table, h('p', null, compare));
}
