import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Broker, createLogger, type DependencyState } from '@tracing-lab/shared-tracing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../src/app.js';
import type { Notifier } from '../src/notifications.js';

let server: Server | undefined;

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

async function notifierService(brokerState: DependencyState = 'up') {
  const notifier = { recent: vi.fn(async (_limit: number) => [] as unknown) };
  const broker = { state: () => brokerState } as unknown as Broker;
  server = createServer(createApp(notifier as unknown as Notifier, broker, createLogger({ LOG_LEVEL: 'silent' }))).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = async (path: string) => {
    const response = await fetch(`${url}${path}`);
    return { status: response.status, body: (await response.json()) as unknown };
  };
  return { notifier, get };
}

describe('notifier HTTP API', () => {
  it('lists the 20 most recent notifications by default', async () => {
    const { notifier, get } = await notifierService();
    expect(await get('/notifications')).toEqual({ status: 200, body: [] });
    expect(notifier.recent).toHaveBeenCalledWith(20);
  });

  it('rejects a limit out of range with a 400 naming it', async () => {
    const { notifier, get } = await notifierService();
    expect(await get('/notifications?limit=0')).toEqual({ status: 400, body: { error: "'limit' must be an integer from 1 to 100", field: 'limit' } });
    expect(notifier.recent).not.toHaveBeenCalled();
  });

  it('reports itself degraded while RabbitMQ is down', async () => {
    const { get } = await notifierService('down');
    expect(await get('/health')).toMatchObject({ status: 503, body: { status: 'degraded', dependencies: { rabbitmq: 'down' } } });
  });
});
