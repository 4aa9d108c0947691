import { AxiosError, AxiosHeaders, type AxiosInstance, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios';
import { describe, expect, it, vi } from 'vitest';
import { Orders } from '../src/orders.js';

const stored = { id: 7, userId: 1, productId: 2, quantity: 3, totalCents: 17_700, createdAt: '2025-01-01T00:00:00.000Z' };

function orders() {
  const database = {
    get: vi.fn(async (_path: string, _options?: unknown) => ({ data: [] as unknown })),
    post: vi.fn(async (_path: string, _body: unknown) => ({ data: stored as unknown })),
  };
  return { database, orders: new Orders(database as unknown as AxiosInstance) };
}

// The error axios throws when the database service answers `status`.
function answered(status: number, data: unknown): AxiosError {
  const config = { headers: new AxiosHeaders() } as InternalAxiosRequestConfig;
  const response = { status, statusText: '', headers: {}, config, data } as AxiosResponse;
  return new AxiosError(`Request failed with status code ${status}`, AxiosError.ERR_BAD_REQUEST, config, {}, response);
}

describe('Orders.create', () => {
  it('stores the order through the database service, which also publishes its event', async () => {
    const { database, orders: subject } = orders();
    expect(await subject.create({ userId: 1, productId: 2, quantity: 3 })).toEqual(stored);
    expect(database.post).toHaveBeenCalledWith('/db/orders', { userId: 1, productId: 2, quantity: 3 });
  });

  it("passes on the database service's 404", async () => {
    const { database, orders: subject } = orders();
    database.post.mockRejectedValueOnce(answered(404, { error: 'user 42 not found' }));
    await expect(subject.create({ userId: 42, productId: 2, quantity: 3 })).rejects.toMatchObject({
      status: 404,
      body: { error: 'user 42 not found' },
    });
  });
});

describe('Orders reads', () => {
  it('asks the database service for the given number of orders', async () => {
    const { database, orders: subject } = orders();
    await subject.list(5);
    expect(database.get).toHaveBeenCalledWith('/db/orders', { params: { limit: 5 } });
  });

  it('asks the database service for the products, and for the notifications of one order', async () => {
    const { database, orders: subject } = orders();
    await subject.products();
    await subject.notifications(7);
    expect(database.get.mock.calls).toEqual([['/db/products'], ['/db/notifications', { params: { orderId: 7 } }]]);
  });

  it("turns the database service's 5xx into a 502 naming it", async () => {
    const { database, orders: subject } = orders();
    database.get.mockRejectedValueOnce(answered(500, { error: 'internal error' }));
    await expect(subject.get(7)).rejects.toMatchObject({ status: 502, body: { error: 'database service failed', upstreamStatus: 500 } });
  });
});
