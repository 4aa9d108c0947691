// `npm run dead-letters -- list | replay [--amqp-url <url>]`: what waits in the notifier's dead-letter
// queue, and putting it back. A message lands there when it could never be handled (poison) or failed
// its last delivery; once the cause is fixed, replay publishes each one again to the exchange and
// routing key it was first published with, headers and trace context unchanged, so the retry joins
// the original trace.
import { parseArgs } from 'node:util';
import amqp, { type Channel, type GetMessage } from 'amqplib';
import { labAmqpUrl, loadStack } from './stack.js';

const DEAD_LETTER_QUEUE = 'notifier.order-created.dead-letter';

interface DeathRecord {
  exchange?: string;
  'routing-keys'?: string[];
  reason?: string;
  count?: number;
}

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { 'amqp-url': { type: 'string' } },
  });
  const command = positionals[0];
  if (command !== 'list' && command !== 'replay') {
    console.error(`dead-letters: say 'list' or 'replay' (got ${command ? `'${command}'` : 'nothing'})`);
    return 2;
  }
  let connection;
  try {
    // By default the broker the native stack runs, with the credentials from .env.
    connection = await amqp.connect(values['amqp-url'] ?? labAmqpUrl(loadStack()));
  } catch (error) {
    console.error(`dead-letters: cannot reach RabbitMQ at --amqp-url (${error instanceof Error ? error.message : String(error)})`);
    return 2;
  }
  try {
    const channel = await connection.createConfirmChannel();
    const messages = await takeAll(channel);
    if (command === 'list') {
      messages.forEach((message) => console.log(describe(message)));
      channel.nackAll(true);
      console.log(`${messages.length} message(s) in ${DEAD_LETTER_QUEUE}`);
      return 0;
    }
    for (const message of messages) {
      await republish(channel, message);
      channel.ack(message);
      console.log(`replayed: ${describe(message)}`);
    }
    console.log(`${messages.length} message(s) replayed`);
    return 0;
  } finally {
    await connection.close();
  }
}

// Every message in the queue, held unacknowledged so each is seen once.
async function takeAll(channel: Channel): Promise<GetMessage[]> {
  const messages: GetMessage[] = [];
  for (;;) {
    const message = await channel.get(DEAD_LETTER_QUEUE, { noAck: false });
    if (!message) return messages;
    messages.push(message);
  }
}

function firstDeath(message: GetMessage): DeathRecord {
  const deaths = message.properties.headers?.['x-death'] as DeathRecord[] | undefined;
  return deaths?.at(-1) ?? {};
}

function describe(message: GetMessage): string {
  const death = firstDeath(message);
  const traceparent = String(message.properties.headers?.traceparent ?? '-');
  return `${death['routing-keys']?.[0] ?? '?'} ${death.reason ?? '?'} trace ${traceparent.split('-')[1] ?? '-'} ${message.content.toString('utf8').slice(0, 120)}`;
}

async function republish(channel: amqp.ConfirmChannel, message: GetMessage): Promise<void> {
  const death = firstDeath(message);
  const exchange = death.exchange ?? '';
  const routingKey = death['routing-keys']?.[0];
  if (!routingKey) throw new Error(`message without an x-death record cannot be replayed: ${describe(message)}`);
  // RabbitMQ's own bookkeeping stays behind; the trace context and everything else goes with it.
  const { 'x-death': _death, 'x-first-death-exchange': _e, 'x-first-death-queue': _q, 'x-first-death-reason': _r, ...headers } =
    message.properties.headers ?? {};
  await new Promise<void>((resolve, reject) => {
    channel.publish(exchange, routingKey, message.content, { ...message.properties, headers }, (error) => (error ? reject(error) : resolve()));
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`dead-letters failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
