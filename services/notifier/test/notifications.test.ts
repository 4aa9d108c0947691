import { AxiosError, AxiosHeaders, type AxiosInstance, type InternalAxiosRequestConfig } from 'axios';
import { HttpError, type Logger, PoisonMessageError } from '@tracing-lab/shared-tracing';
import { describe, expect, it, vi } from 'vitest';
import { Notifier } from '../src/notifications.js';

function notifier() {
  const database = {
    get: vi.fn(async (_path: string, _options?: unknown) => ({ data: [] as unknown })),
    post: vi.fn(async (_path: string, _body: unknown) => ({ data: {} as unknown })),
  };
  const logger = { info: vi.fn() };
  return { database, logger, notifier: new Notifier(database as unknown as AxiosInstance, logger as unknown as Logger) };
}

const event = { orderId: 7, userId: 1, productId: 2, quantity: 3, totalCents: 17_700 };

describe('Notifier.handleOrderCreated', () => {
  it('sends an e-mail notification, records it for the order, and logs it', async () => {
    const { database, logger, notifier: subject } = notifier();
    await subject.handleOrderCreated(event);
    expect(database.post).toHaveBeenCalledWith('/db/notifications', { orderId: 7, channel: 'email' });
    expect(logger.info).toHaveBeenCalledWith({ orderId: 7, channel: 'email' }, 'notification sent');
  });

  it('does not notify twice when the same order.created arrives again', async () => {
    const { database, logger, notifier: subject } = notifier();
    database.get.mockResolvedValueOnce({ data: [{ id: 1, orderId: 7, channel: 'email' }] });
    await subject.handleOrderCreated(event, true);
    expect(database.get).toHaveBeenCalledWith('/db/notifications', { params: { orderId: 7, limit: 1 } });
    expect(database.post).not.toHaveBeenCalled();
    expect(logger.info).toHaveBeenCalledWith({ orderId: 7, channel: 'email' }, 'order already notified, not sending again');
  });

  it.each<[unknown, string]>([
    [{ ...event, userId: undefined }, 'userId'],
    [{ ...event, orderId: 0 }, 'orderId'],
    [{ ...event, quantity: '3' }, 'quantity'],
  ])('rejects %j as poison, naming %s, so it is not retried forever', async (payload, field) => {
    const { database, notifier: subject } = notifier();
    const handling = subject.handleOrderCreated(payload);
    await expect(handling).rejects.toBeInstanceOf(PoisonMessageError);
    await expect(handling).rejects.toThrow(`order.created payload invalid: ${field}`);
    expect(database.post).not.toHaveBeenCalled();
  });

  it('rejects a payload that is not an object as poison', async () => {
    const handling = notifier().notifier.handleOrderCreated([1, 2]);
    await expect(handling).rejects.toBeInstanceOf(PoisonMessageError);
    await expect(handling).rejects.toThrow('order.created payload invalid: body');
  });

  it('fails with a retryable error, not poison, while the database service is unreachable', async () => {
    const { database, logger, notifier: subject } = notifier();
    const config = { headers: new AxiosHeaders() } as InternalAxiosRequestConfig;
    database.post.mockRejectedValueOnce(new AxiosError('connect ECONNREFUSED 127.0.0.1:8082', 'ECONNREFUSED', config));
    const handling = subject.handleOrderCreated(event);
    await expect(handling).rejects.toBeInstanceOf(HttpError);
    await expect(handling).rejects.toMatchObject({ status: 502, body: { error: 'database service unreachable' } });
    expect(logger.info).not.toHaveBeenCalled();
  });
});

describe('Notifier.recent', () => {
  it('asks the database service for the given number of notifications', async () => {
    const { database, notifier: subject } = notifier();
    database.get.mockResolvedValueOnce({ data: [{ id: 1, orderId: 7, channel: 'email' }] });
    expect(await subject.recent(5)).toEqual([{ id: 1, orderId: 7, channel: 'email' }]);
    expect(database.get).toHaveBeenCalledWith('/db/notifications', { params: { limit: 5 } });
  });
});
