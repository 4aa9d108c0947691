import { randomBytes } from 'node:crypto';

// Malformed and hostile W3C trace headers, generated from a seed so a failure can be replayed. Each
// set is what a buggy or malicious caller could send; none of it may crash a service or be trusted.

export interface HeaderSet {
  traceparent?: string;
  tracestate?: string;
  baggage?: string;
}

const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const VALID_TRACE_ID = () => hex(16);
const VALID_SPAN_ID = () => hex(8);
// Printable ASCII only: anything else is refused by the HTTP client before it reaches a service.
const PRINTABLE = ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~';

// Each yields a traceparent that the W3C rules say must be ignored (a new trace starts).
const BAD_TRACEPARENTS: ((r: () => number) => string)[] = [
  () => `ff-${VALID_TRACE_ID()}-${VALID_SPAN_ID()}-01`, // version ff is forbidden
  () => `00-${'0'.repeat(32)}-${VALID_SPAN_ID()}-01`, // all-zero trace id
  () => `00-${VALID_TRACE_ID()}-${'0'.repeat(16)}-01`, // all-zero parent id
  () => `00-${VALID_TRACE_ID().toUpperCase()}-${VALID_SPAN_ID()}-01`, // upper-case hex
  () => `00-${VALID_TRACE_ID().slice(1)}-${VALID_SPAN_ID()}-01`, // short trace id
  () => `00-${VALID_TRACE_ID()}-${VALID_SPAN_ID()}0-01`, // long parent id
  () => `00-${VALID_TRACE_ID()}-${VALID_SPAN_ID()}-1`, // short flags
  () => `00-${VALID_TRACE_ID()}-${VALID_SPAN_ID()}-01-extra`, // version 00 allows no more fields
  () => `00_${VALID_TRACE_ID()}_${VALID_SPAN_ID()}_01`, // wrong separator
  () => `00-${VALID_TRACE_ID().replace(/.$/, 'g')}-${VALID_SPAN_ID()}-01`, // not hex
  () => '',
  (r) => junk(r, 1 + Math.floor(r() * 120)),
  (r) => `00-${junk(r, 32)}-${junk(r, 16)}-${junk(r, 2)}`,
];

const HOSTILE_TRACESTATES: ((r: () => number) => string)[] = [
  () => Array.from({ length: 40 }, (_, i) => `k${i}=v${i}`).join(','), // over the 32-member limit
  () => `a=${'x'.repeat(300)}`, // value over 256 characters
  () => 'UPPER=bad,=novalue,noequals,a=b=c',
  () => `${'k'.repeat(300)}=v`, // key over 256 characters
  () => ',,,,,',
  (r) => junk(r, 1 + Math.floor(r() * 500)),
];

const HOSTILE_BAGGAGE: ((r: () => number) => string)[] = [
  () => Array.from({ length: 200 }, (_, i) => `k${i}=v${i}`).join(','), // over 180 members
  () => `big=${'x'.repeat(9000)}`, // over 8192 bytes
  () => 'lab.scenario=%ZZ,=empty,noequals,;;;',
  () => 'lab.scenario=backend-error;property;another=prop', // a real scenario with properties
  () => `lab.scenario=${'%'.repeat(50)}`,
  (r) => junk(r, 1 + Math.floor(r() * 2000)),
];

function junk(r: () => number, length: number): string {
  return Array.from({ length }, () => PRINTABLE[Math.floor(r() * PRINTABLE.length)]).join('').trim() || 'x';
}

function pick<T>(r: () => number, items: T[]): T {
  return items[Math.floor(r() * items.length)] as T;
}

export function hostileHeaderSet(r: () => number): HeaderSet {
  const set: HeaderSet = { traceparent: pick(r, BAD_TRACEPARENTS)(r) };
  if (r() < 0.6) set.tracestate = pick(r, HOSTILE_TRACESTATES)(r);
  if (r() < 0.6) set.baggage = pick(r, HOSTILE_BAGGAGE)(r);
  return set;
}
