import { describe, expect, it } from 'vitest';
import { KnownOrderIds } from '../src/load/known-order-ids.js';
import { type LoadRequest, nextRequest } from '../src/load/next-request.js';
import { type Scenario, scenarioNamed } from '../src/load/scenarios.js';

// The random choices are pinned: each test hands over the exact numbers Math.random would have.
function randomOf(...values: number[]): () => number {
  return () => {
    const value = values.shift();
    if (value === undefined) throw new Error('the request asked for more random numbers than the test gave');
    return value;
  };
}

function scenario(name: string): Scenario {
  const found = scenarioNamed(name);
  if (!found) throw new Error(`no scenario ${name}`);
  return found;
}

function knowing(...ids: number[]): KnownOrderIds {
  const known = new KnownOrderIds();
  known.learnFrom(JSON.stringify(ids.map((id) => ({ id, userId: 1, productId: 2, quantity: 1 }))));
  return known;
}

const get = (path: string): LoadRequest => ({ method: 'GET', path, headers: {} });

describe('the requests of each scenario', () => {
  // [scenario, random numbers, order ids known, the request]
  const rows: Array<[string, number[], number[], LoadRequest]> = [
    ['browse', [0], [], get('/api/users')],
    ['browse', [0.4, 0], [], get('/api/orders?limit=5')],
    ['browse', [0.4, 0.999], [], get('/api/orders?limit=50')],
    ['browse', [0.9, 0.5], [7, 8, 9], get('/api/orders/8')],
    // No order id is known yet: the list stands in for a single order, and teaches the ids.
    ['browse', [0.9, 0.2], [], get('/api/orders?limit=14')],
    [
      'order',
      [0, 0.5, 0.999],
      [],
      { method: 'POST', path: '/api/orders', headers: { 'content-type': 'application/json' }, body: '{"userId":1,"productId":3,"quantity":3}' },
    ],
    ['mixed', [0.3, 0], [], get('/api/users')],
    [
      'mixed',
      [0.29, 0.999, 0, 0],
      [],
      { method: 'POST', path: '/api/orders', headers: { 'content-type': 'application/json' }, body: '{"userId":5,"productId":1,"quantity":1}' },
    ],
  ];

  it.each(rows)('%s with random %j and known ids %j sends %j', (name, numbers, ids, request) => {
    expect(nextRequest(scenario(name), randomOf(...numbers), knowing(...ids))).toEqual(request);
  });

  it('sets the fault baggage on every request of a fault scenario, and only there', () => {
    expect(nextRequest(scenario('slow-notifier'), randomOf(0, 0, 0), knowing()).headers).toEqual({
      'content-type': 'application/json',
      baggage: 'lab.scenario=slow-notifier',
    });
    expect(nextRequest(scenario('slow-db'), randomOf(0.5, 0), knowing()).headers).toEqual({ baggage: 'lab.scenario=slow-db' });
    expect(nextRequest(scenario('mixed'), randomOf(0.5, 0), knowing()).headers).toEqual({});
  });

  it('sends the notifier faults as orders: only an order publishes the message they act on', () => {
    for (const name of ['slow-notifier', 'notifier-failure', 'poison-message']) {
      expect(nextRequest(scenario(name), randomOf(0.99, 0.99, 0.99), knowing(1)).method).toBe('POST');
    }
  });

  it('sets backend-error on 1 request in 5, so its failures come and go', () => {
    let seed = 7;
    const lcg = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
    const requests = Array.from({ length: 10_000 }, () => nextRequest(scenario('backend-error'), lcg, knowing(1)));
    const faulty = requests.filter((request) => request.headers.baggage === 'lab.scenario=backend-error').length;
    expect(faulty / requests.length).toBeCloseTo(0.2, 1);
  });

  it('mixes 3 orders in 10 requests', () => {
    let seed = 1;
    const lcg = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
    const requests = Array.from({ length: 10_000 }, () => nextRequest(scenario('mixed'), lcg, knowing(1)));
    const orders = requests.filter((request) => request.method === 'POST').length;
    expect(orders / requests.length).toBeCloseTo(0.3, 1);
  });
});

describe('known order ids', () => {
  it('learns ids from an order and from a list of orders, never from users', () => {
    const known = new KnownOrderIds();
    known.learnFrom('{"id":41,"userId":1,"productId":2,"quantity":1}');
    known.learnFrom('[{"id":40,"productId":1},{"id":41,"productId":2}]');
    known.learnFrom('[{"id":1,"name":"Ada Lovelace","email":"ada@example.com"}]');
    known.learnFrom('{"error":"order 99 not found"}');
    known.learnFrom('not json');
    expect(known.size).toBe(2);
    expect([known.pick(() => 0), known.pick(() => 0.99)]).toEqual([41, 40]);
  });

  it('keeps the newest ids when it is full', () => {
    const known = new KnownOrderIds(2);
    for (const id of [1, 2, 3]) known.learnFrom(`{"id":${id},"productId":1}`);
    expect([known.pick(() => 0), known.pick(() => 0.99)]).toEqual([2, 3]);
  });

  it('has no id to pick before it learnt one', () => {
    expect(new KnownOrderIds().pick(() => 0.5)).toBeUndefined();
  });
});
