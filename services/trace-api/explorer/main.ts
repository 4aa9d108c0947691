import { alertsView } from './alerts-view.js';
import { ApiError } from './api.js';
import { compareView } from './compare-view.js';
import { h } from './dom.js';
import { graphView } from './graph-view.js';
import { progressView } from './progress-view.js';
import { parseRoute, type Route } from './routes.js';
import { searchView, showSearchError } from './search-view.js';
import { traceView } from './trace-view.js';

// The explorer's entry point: draws the view the URL's fragment names, again on every change of it.
// Each view draws into a page of its own, so a slow answer for a view already left lands nowhere.
// Whatever fails ends as a message in the page, never as a blank one.
const main = document.getElementById('view') as HTMLElement;
let current = 0;

async function show(route: Route, page: HTMLElement): Promise<void> {
  switch (route.view) {
    case 'search':
      return searchView(page, route.query);
    case 'trace':
      return traceView(page, route.traceId, route.spanId);
    case 'compare':
      return compareView(page, route.traceA, route.traceB);
    case 'graph':
      return graphView(page, route.lookback);
    case 'alerts':
      return alertsView(page);
    case 'progress':
      return progressView(page);
    case 'unknown':
      throw new Error(`There is no page at #${route.path}. Try #/search, #/trace/<trace id>, #/compare/<trace id>/<trace id>, #/graph, #/alerts or #/progress.`);
  }
}

async function render(): Promise<void> {
  const route = parseRoute(location.hash);
  const run = ++current;
  document.title = `${titleOf(route)} · Trace explorer`;
  for (const link of document.querySelectorAll<HTMLAnchorElement>('nav a')) {
    if (link.dataset.view === route.view) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const page = h('div', { class: `page ${route.view}` }, h('p', { class: 'muted' }, 'Loading…'));
  main.replaceChildren(page);
  main.setAttribute('aria-busy', 'true');
  try {
    await show(route, page);
  } catch (error) {
    if (!(route.view === 'search' && showSearchError(page, error))) page.replaceChildren(h('h2', null, titleOf(route)), problem(error));
  } finally {
    if (run === current) {
      main.removeAttribute('aria-busy');
      // The link that was followed is gone with the old page: start the tab order at the new one.
      if (!main.contains(document.activeElement)) main.focus({ preventScroll: true });
    }
  }
}

function problem(error: unknown): HTMLElement {
  const message = error instanceof Error ? error.message : String(error);
  return h(
    'div',
    { class: 'notice error-text', role: 'alert' },
    h('p', null, message),
    h('p', null, h('a', { href: '#/search' }, 'Back to the search'), error instanceof ApiError && error.status === 0 ? ' · reload the page once it is back' : null),
  );
}

function titleOf(route: Route): string {
  switch (route.view) {
    case 'search':
      return 'Find traces';
    case 'trace':
      return `Trace ${route.traceId.slice(0, 8)}`;
    case 'compare':
      return 'Two traces compared';
    case 'graph':
      return 'Service graph';
    case 'alerts':
      return 'Alerts';
    case 'progress':
      return 'Your progress';
    case 'unknown':
      return 'Page not found';
  }
}

window.addEventListener('hashchange', () => void render());
// An error no view caught still says something.
window.addEventListener('unhandledrejection', (event) => {
  main.append(problem(event.reason));
});
window.addEventListener('error', (event) => {
  main.append(problem(event.error ?? event.message));
});
void render();
