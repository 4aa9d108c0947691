import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadStack } from '@tracing-lab/scripts/stack';

// Compose publishes every port on 127.0.0.1 only; the native stack must be no more exposed. Read from
// the kernel's own table of listening sockets, so whatever a process opens on its own (an admin port,
// RabbitMQ's Erlang distribution port, epmd) is checked as well as what docker-compose.yml names.

const stack = loadStack();
// Ports the lab's processes open besides the ones docker-compose.yml publishes: Jaeger's gRPC query
// API, remote sampling and own metrics; RabbitMQ's Erlang distribution port and epmd.
const UNPUBLISHED_PORTS = [16685, 5778, 5779, 8888, 13133, 25672, 4369];
const LISTEN = '0A';

interface Listener {
  address: string;
  port: number;
}

// /proc/net/tcp{,6}: each local address is hex, the IPv4 one in little-endian byte order.
function listeners(file: string, ipv6: boolean): Listener[] {
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => fields[3] === LISTEN)
    .map((fields) => {
      const [hexAddress, hexPort] = (fields[1] as string).split(':') as [string, string];
      return { address: ipv6 ? ipv6Address(hexAddress) : ipv4Address(hexAddress), port: Number.parseInt(hexPort, 16) };
    });
}

function ipv4Address(hex: string): string {
  return (hex.match(/../g) ?? []).map((byte) => Number.parseInt(byte, 16)).reverse().join('.');
}

function ipv6Address(hex: string): string {
  // Four 32-bit words, each in little-endian order; enough to tell ::, ::1 and ::ffff:127.x apart.
  const words = (hex.toLowerCase().match(/.{8}/g) ?? []).map((word) => (word.match(/../g) ?? []).reverse().join(''));
  const full = words.join('');
  if (/^0{32}$/.test(full)) return '::';
  if (/^0{31}1$/.test(full)) return '::1';
  if (full.startsWith('00000000000000000000ffff')) return `::ffff:${ipv4Address(full.slice(24).match(/../g)?.reverse().join('') ?? '')}`;
  return full;
}

const isLoopback = (address: string) => address.startsWith('127.') || address === '::1' || address.startsWith('::ffff:127.');

describe('the native stack', () => {
  it('listens on the loopback address only, as Compose publishes its ports', () => {
    const ports = new Set([...stack.services.flatMap((s) => s.ports), ...UNPUBLISHED_PORTS]);
    const all = [...listeners('/proc/net/tcp', false), ...listeners('/proc/net/tcp6', true)].filter((l) => ports.has(l.port));
    // The stack is up, so its published ports must be among them: the check cannot pass by finding nothing.
    for (const port of stack.services.flatMap((s) => s.ports)) expect(all.some((l) => l.port === port), `something listens on ${port}`).toBe(true);
    expect(all.filter((l) => !isLoopback(l.address)).map((l) => `${l.address}:${l.port}`)).toEqual([]);
  });
});
