// The explorer's addresses, all in the URL's fragment so that every view can be bookmarked and
// shared, and the Tracing API serves one page for all of them:
//   #/search?service=frontend&tags=lab.scenario%3Dslow-db   #/trace/<id>?span=<span id>
//   #/compare/<trace id A>/<trace id B>                     #/graph?lookback=60   #/alerts   #/progress

// The search form's fields, as typed: the Tracing API validates them (GET /traces/query).
export const SEARCH_FIELDS = ['service', 'operation', 'tags', 'minDuration', 'status', 'lookback', 'limit'] as const;
export type SearchQuery = Partial<Record<(typeof SEARCH_FIELDS)[number], string>>;

export type Route =
  | { view: 'search'; query: SearchQuery }
  | { view: 'trace'; traceId: string; spanId: string | undefined }
  | { view: 'compare'; traceA: string; traceB: string }
  | { view: 'graph'; lookback: string | undefined }
  | { view: 'alerts' }
  | { view: 'progress' }
  | { view: 'unknown'; path: string };

export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#/, '').split('?', 2);
  const params = new URLSearchParams(search);
  const parts = path.split('/').filter(Boolean).map(decoded);
  if (parts.includes(undefined)) return { view: 'unknown', path };
  const [view, ...ids] = parts as string[];
  if (view === undefined || (view === 'search' && ids.length === 0)) return { view: 'search', query: searchQueryOf(params) };
  if (view === 'trace' && ids.length === 1) return { view: 'trace', traceId: ids[0] as string, spanId: params.get('span') ?? undefined };
  if (view === 'compare' && ids.length === 2) return { view: 'compare', traceA: ids[0] as string, traceB: ids[1] as string };
  if (view === 'graph' && ids.length === 0) return { view: 'graph', lookback: params.get('lookback') ?? undefined };
  if (view === 'alerts' && ids.length === 0) return { view: 'alerts' };
  if (view === 'progress' && ids.length === 0) return { view: 'progress' };
  return { view: 'unknown', path };
}

export function searchHref(query: SearchQuery): string {
  const params = new URLSearchParams();
  for (const field of SEARCH_FIELDS) {
    const value = query[field]?.trim();
    if (value) params.set(field, value);
  }
  const search = params.toString();
  return `#/search${search ? `?${search}` : ''}`;
}

export function traceHref(traceId: string, spanId?: string): string {
  return `#/trace/${encodeURIComponent(traceId)}${spanId ? `?span=${encodeURIComponent(spanId)}` : ''}`;
}

export function compareHref(traceA: string, traceB: string): string {
  return `#/compare/${encodeURIComponent(traceA)}/${encodeURIComponent(traceB)}`;
}

export function graphHref(lookback?: string): string {
  return `#/graph${lookback ? `?lookback=${encodeURIComponent(lookback)}` : ''}`;
}

// The search as GET /traces/query takes it.
export function traceQueryPath(query: SearchQuery): string {
  const api: Record<string, string | undefined> = {
    serviceName: query.service,
    operationName: query.operation,
    tags: query.tags,
    minDuration: query.minDuration,
    status: query.status,
    lookbackMinutes: query.lookback,
    limit: query.limit,
  };
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(api)) if (value?.trim()) params.set(name, value.trim());
  const search = params.toString();
  return `/traces/query${search ? `?${search}` : ''}`;
}

// The form field a 400 from GET /traces/query names.
export function searchFieldOf(apiField: string | undefined): (typeof SEARCH_FIELDS)[number] | undefined {
  const fields: Record<string, (typeof SEARCH_FIELDS)[number]> = {
    serviceName: 'service',
    operationName: 'operation',
    tags: 'tags',
    minDuration: 'minDuration',
    status: 'status',
    lookbackMinutes: 'lookback',
    limit: 'limit',
  };
  return apiField === undefined ? undefined : fields[apiField];
}

function decoded(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

function searchQueryOf(params: URLSearchParams): SearchQuery {
  const query: SearchQuery = {};
  for (const field of SEARCH_FIELDS) {
    const value = params.get(field);
    if (value !== null) query[field] = value;
  }
  return query;
}
