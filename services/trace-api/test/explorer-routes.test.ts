import { describe, expect, it } from 'vitest';
import { compareHref, parseRoute, searchFieldOf, searchHref, traceHref, traceQueryPath } from '../explorer/routes.js';

const A = '0af7651916cd43dd8448eb211c80319c';
const B = '4bf92f3577b34da6a3ce929d0e0e4736';

describe("the explorer's addresses", () => {
  it.each([
    ['', { view: 'search', query: {} }],
    ['#/', { view: 'search', query: {} }],
    ['#/search?service=frontend&tags=lab.scenario%3Dslow-db&minDuration=500', { view: 'search', query: { service: 'frontend', tags: 'lab.scenario=slow-db', minDuration: '500' } }],
    [`#/trace/${A}`, { view: 'trace', traceId: A, spanId: undefined }],
    [`#/trace/${A}?span=00f067aa0ba902b7`, { view: 'trace', traceId: A, spanId: '00f067aa0ba902b7' }],
    [`#/compare/${A}/${B}`, { view: 'compare', traceA: A, traceB: B }],
    ['#/graph?lookback=15', { view: 'graph', lookback: '15' }],
    ['#/alerts', { view: 'alerts' }],
    ['#/progress', { view: 'progress' }],
    ['#/trace', { view: 'unknown', path: '/trace' }],
    ['#/trace/%E0%A4%A', { view: 'unknown', path: '/trace/%E0%A4%A' }],
    ['#/nowhere', { view: 'unknown', path: '/nowhere' }],
  ])('reads %s as %j', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it.each([
    [searchHref({ service: 'frontend', operation: ' ', tags: 'lab.scenario=slow-db', status: 'failed' }), '#/search?service=frontend&tags=lab.scenario%3Dslow-db&status=failed'],
    [searchHref({}), '#/search'],
    [traceHref(A, '00f067aa0ba902b7'), `#/trace/${A}?span=00f067aa0ba902b7`],
    [compareHref(A, B), `#/compare/${A}/${B}`],
  ])('writes %s', (href, expected) => {
    expect(href).toBe(expected);
  });

  it('reads back every search it writes', () => {
    const query = { service: 'backend', operation: 'POST /orders', tags: 'lab.checker=run-1 error=true', minDuration: '250', status: 'completed', lookback: '15', limit: '50' };
    expect(parseRoute(searchHref(query))).toEqual({ view: 'search', query });
  });

  it("asks GET /traces/query with the API's names, leaving out empty fields", () => {
    expect(traceQueryPath({ service: 'frontend', operation: '', tags: 'lab.scenario=slow-db', lookback: '15' })).toBe('/traces/query?serviceName=frontend&tags=lab.scenario%3Dslow-db&lookbackMinutes=15');
    expect(traceQueryPath({})).toBe('/traces/query');
  });

  it.each([
    ['serviceName', 'service'],
    ['lookbackMinutes', 'lookback'],
    ['tags', 'tags'],
    ['body', undefined],
  ])('marks the form field of a 400 naming %s: %s', (apiField, field) => {
    expect(searchFieldOf(apiField)).toBe(field);
  });
});
