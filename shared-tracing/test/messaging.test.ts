import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../src/logger.js';
import { Broker, BrokerUnavailableError, PoisonMessageError } from '../src/messaging.js';

// A stand-in for amqplib: the test decides when the (re)connection's setup runs and sees every call
// the broker makes on its channel.
const amqp = vi.hoisted(() => ({ connect: vi.fn() }));
vi.mock('amqplib', () => ({ default: amqp }));

const logger = createLogger({ LOG_LEVEL: 'silent' });
const topology = { exchange: 'orders', queue: { name: 'notifier.order-created', routingKey: 'order.created', prefetch: 10, deadLetterQueue: 'notifier.order-created.dead-letter' } };

type Delivery = (message: unknown) => void;

function fakeChannel() {
  let deliver: Delivery = () => {
    throw new Error('nothing is consuming');
  };
  const channel = {
    assertExchange: vi.fn(async () => ({})),
    assertQueue: vi.fn(async () => ({})),
    bindQueue: vi.fn(async () => ({})),
    prefetch: vi.fn(async () => ({})),
    consume: vi.fn(async (_queue: string, onMessage: Delivery) => {
      deliver = onMessage;
      return { consumerTag: 'test' };
    }),
    publish: vi.fn((_exchange: string, _key: string, _body: Buffer, _options: unknown, confirm: (error: unknown) => void) => {
      confirm(null);
      return true;
    }),
    ack: vi.fn(),
    nack: vi.fn(),
    deliver: (body: string) => {
      const message = { content: Buffer.from(body), fields: { redelivered: false }, properties: {} as { headers?: Record<string, unknown> } };
      deliver(message);
      return message;
    },
  };
  return channel;
}

type FakeChannel = ReturnType<typeof fakeChannel>;
type Setup = (model: { createConfirmChannel(): Promise<FakeChannel> }) => Promise<void>;

// Connects a broker; `opened` is the channel the connection's setup gets before connect() returns,
// as amqplib may do when the broker is already up.
async function connectBroker(opened?: FakeChannel) {
  const connection = Object.assign(new EventEmitter(), { close: vi.fn(async () => undefined) });
  let setup: Setup | undefined;
  amqp.connect.mockImplementation(async (_url: string, options: { recovery: { setup: Setup } }) => {
    setup = options.recovery.setup;
    if (opened) await setup({ createConfirmChannel: async () => opened });
    return connection;
  });
  const broker = await Broker.connect('amqp://lab:lab@127.0.0.1:5672', topology, logger);
  const open = async (channel: FakeChannel) => {
    await setup?.({ createConfirmChannel: async () => channel });
  };
  return { broker, connection, open };
}

afterEach(() => {
  amqp.connect.mockReset();
});

describe('Broker', () => {
  it('starts while the broker is down, reports it down, and refuses to publish', async () => {
    const { broker } = await connectBroker();
    expect(broker.state()).toBe('down');
    const publishing = broker.publish('order.created', { orderId: 1 });
    await expect(publishing).rejects.toBeInstanceOf(BrokerUnavailableError);
    await expect(publishing).rejects.toMatchObject({ code: 'BROKER_UNAVAILABLE', message: 'message broker unavailable' });
  });

  it('sets up its topology when the connection opens before connect() returns', async () => {
    const channel = fakeChannel();
    const { broker } = await connectBroker(channel);
    expect(broker.state()).toBe('up');
    expect(channel.assertExchange).toHaveBeenCalledWith('orders', 'topic', { durable: true });
    // Poison messages are dead-lettered to a queue of their own rather than dropped.
    expect(channel.assertQueue).toHaveBeenCalledWith('notifier.order-created.dead-letter', { durable: true });
    expect(channel.assertQueue).toHaveBeenCalledWith('notifier.order-created', {
      durable: true,
      arguments: {
        'x-queue-type': 'quorum',
        'x-delivery-limit': 2,
        'x-dead-letter-exchange': '',
        'x-dead-letter-routing-key': 'notifier.order-created.dead-letter',
      },
    });
    expect(channel.bindQueue).toHaveBeenCalledWith('notifier.order-created', 'orders', 'order.created');
    expect(channel.prefetch).toHaveBeenCalledWith(10);
  });

  it('reports the broker down after a disconnect, and up again once reconnected', async () => {
    const { broker, connection, open } = await connectBroker(fakeChannel());
    connection.emit('disconnect', new Error('connection reset'));
    expect(broker.state()).toBe('down');
    await open(fakeChannel());
    expect(broker.state()).toBe('up');
  });

  it('publishes a persistent JSON message to the exchange and resolves once confirmed', async () => {
    const channel = fakeChannel();
    const { broker } = await connectBroker(channel);
    await broker.publish('order.created', { orderId: 7 });
    const [exchange, key, body, options] = channel.publish.mock.calls[0] ?? [];
    expect([exchange, key, body?.toString('utf8')]).toEqual(['orders', 'order.created', '{"orderId":7}']);
    expect(options).toMatchObject({ persistent: true, contentType: 'application/json' });
  });

  it('rejects a publish the broker did not confirm', async () => {
    const channel = fakeChannel();
    channel.publish.mockImplementation((_e, _k, _b, _o, confirm) => {
      confirm(new Error('message nacked'));
      return true;
    });
    const { broker } = await connectBroker(channel);
    await expect(broker.publish('order.created', {})).rejects.toThrow('message nacked');
  });

  it('closes the connection', async () => {
    const { broker, connection } = await connectBroker();
    await broker.close();
    expect(connection.close).toHaveBeenCalledTimes(1);
  });
});

describe('Broker.consume', () => {
  async function consuming(handler: (payload: unknown) => Promise<void>) {
    const channel = fakeChannel();
    const { broker, open } = await connectBroker(channel);
    broker.consume(handler);
    await vi.waitFor(() => expect(channel.consume).toHaveBeenCalledWith('notifier.order-created', expect.any(Function)));
    return { channel, open };
  }

  it('hands the handler the parsed JSON and acks once it succeeded', async () => {
    const handler = vi.fn(async () => undefined);
    const { channel } = await consuming(handler);
    const message = channel.deliver('{"orderId":7}');
    await vi.waitFor(() => expect(channel.ack).toHaveBeenCalledWith(message));
    expect(handler).toHaveBeenCalledWith({ orderId: 7 }, message);
    expect(channel.nack).not.toHaveBeenCalled();
  });

  it('rejects a message that is not JSON without requeueing it, and never calls the handler', async () => {
    const handler = vi.fn(async () => undefined);
    const { channel } = await consuming(handler);
    const message = channel.deliver('not json');
    await vi.waitFor(() => expect(channel.nack).toHaveBeenCalledWith(message, false, false));
    expect(handler).not.toHaveBeenCalled();
    expect(channel.ack).not.toHaveBeenCalled();
  });

  it('rejects without requeueing a message the handler calls poison', async () => {
    const { channel } = await consuming(async () => {
      throw new PoisonMessageError('order.created payload invalid: userId');
    });
    const message = channel.deliver('{"orderId":7}');
    await vi.waitFor(() => expect(channel.nack).toHaveBeenCalledWith(message, false, false));
  });

  it('requeues a message whose handler failed for any other reason, so it is retried', async () => {
    const { channel } = await consuming(async () => {
      throw new Error('database service unreachable');
    });
    const message = channel.deliver('{"orderId":7}');
    // After a pause, so the retry does not meet the same outage straight away.
    await vi.waitFor(() => expect(channel.nack).toHaveBeenCalledWith(message, false, true), { timeout: 3_000 });
    expect(channel.ack).not.toHaveBeenCalled();
  });

  it('dead-letters a message that failed its third delivery, instead of retrying for ever', async () => {
    const { channel } = await consuming(async () => {
      throw new Error('database service unreachable');
    });
    const message = channel.deliver('{"orderId":7}');
    message.properties.headers = { 'x-delivery-count': 2 };
    await vi.waitFor(() => expect(channel.nack).toHaveBeenCalledWith(message, false, false));
  });

  it('consumes again on the new channel after a reconnect', async () => {
    const handler = vi.fn(async () => undefined);
    const { open } = await consuming(handler);
    const reconnected = fakeChannel();
    await open(reconnected);
    expect(reconnected.consume).toHaveBeenCalledWith('notifier.order-created', expect.any(Function));
    const message = reconnected.deliver('{"orderId":8}');
    await vi.waitFor(() => expect(reconnected.ack).toHaveBeenCalledWith(message));
  });
});
