import { describe, expect, it } from 'vitest';
import { amqpListensBeyondLoopback } from '../src/infra.js';

// `rabbitmq-diagnostics -q listeners` as RabbitMQ 3.10 prints it, from a node started with Debian's
// defaults and from one started by the native stack with its loopback configuration.
const DEFAULTS = `Interface: [::], port: 15672, protocol: http, purpose: HTTP API
Interface: [::], port: 25672, protocol: clustering, purpose: inter-node and CLI tool communication
Interface: [::], port: 5672, protocol: amqp, purpose: AMQP 0-9-1 and AMQP 1.0`;
// The management UI really is on 127.0.0.1 here (the kernel says so); `listeners` still prints [::].
const LOOPBACK = `Interface: [::], port: 15672, protocol: http, purpose: HTTP API
Interface: 127.0.0.1, port: 25672, protocol: clustering, purpose: inter-node and CLI tool communication
Interface: 127.0.0.1, port: 5672, protocol: amqp, purpose: AMQP 0-9-1 and AMQP 1.0`;

describe('amqpListensBeyondLoopback', () => {
  it('spots a node started with the defaults, which takes AMQP connections on every interface', () => {
    expect(amqpListensBeyondLoopback(DEFAULTS)).toBe(true);
  });

  it('leaves a node on loopback alone, whatever it reports for the management UI', () => {
    expect(amqpListensBeyondLoopback(LOOPBACK)).toBe(false);
    expect(amqpListensBeyondLoopback(LOOPBACK.replace('127.0.0.1, port: 5672', '[::1], port: 5672'))).toBe(false);
  });
});
