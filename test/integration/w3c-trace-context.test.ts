import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { down, loadStack, up } from '@tracing-lab/scripts/stack';
import { type Harness, type RawHeaders, startHarness } from './support/trace-context-harness.js';
import { FRONTEND } from './support/mesh.js';

// The rules the W3C Trace Context test suite checks (its default-strictness cases for traceparent and
// tracestate, and its cases with several calls), run the way its harness runs them: through the
// frontend's POST /test/trace-context, reading the headers the frontend sends on. The suite itself is
// not published where this project's machines can fetch it; these cases follow the specification's
// rules one by one.

const stack = loadStack();
let harness: Harness;

beforeAll(async () => {
  await down(stack, ['frontend']);
  await up(stack, ['frontend'], { frontend: { TRACE_CONTEXT_HARNESS: 'enabled' } });
  harness = await startHarness(new URL(`${FRONTEND}/test/trace-context`));
});

afterAll(async () => {
  await harness?.close();
  await down(stack, ['frontend']);
  await up(stack, ['frontend']);
});

const TRACE_ID = '12345678901234567890123456789012';
const PARENT_ID = '1234567890123456';
const VALID = `00-${TRACE_ID}-${PARENT_ID}-01`;
// Sampled off, as the suite's tracestate cases send it: the context must still be continued.
const VALID_UNSAMPLED = `00-${TRACE_ID}-${PARENT_ID}-00`;
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

interface Forwarded {
  version: string;
  traceId: string;
  parentId: string;
  tracestate: Map<string, string>;
  rawTracestate: string | undefined;
}

function parse(headers: Record<string, string | string[] | undefined>): Forwarded {
  const traceparent = headers.traceparent;
  expect(typeof traceparent, 'exactly one traceparent is sent on').toBe('string');
  const match = TRACEPARENT.exec(traceparent as string);
  expect(match, `a valid traceparent, got ${String(traceparent)}`).not.toBeNull();
  const [, version, traceId, parentId] = match as RegExpExecArray;
  expect(traceId).not.toBe('0'.repeat(32));
  expect(parentId).not.toBe('0'.repeat(16));
  const rawTracestate = headers.tracestate as string | undefined;
  const members = (rawTracestate ?? '').split(',').map((member) => member.trim()).filter(Boolean);
  const tracestate = new Map(members.map((member) => [member.slice(0, member.indexOf('=')), member.slice(member.indexOf('=') + 1)]));
  return { version: version as string, traceId: traceId as string, parentId: parentId as string, tracestate, rawTracestate };
}

// What the frontend sent on with each of `calls` calls it was asked to make.
async function forwardCalls(headers: RawHeaders, calls: number): Promise<Forwarded[]> {
  return (await harness.send(headers, calls)).map((call) => parse(call as Record<string, string>));
}

async function forward(headers: RawHeaders): Promise<Forwarded> {
  return (await forwardCalls(headers, 1))[0] as Forwarded;
}

describe('traceparent, as the W3C test suite sends it', () => {
  it('starts a valid trace when the request has no trace context', async () => {
    await forward([]);
  });

  it('continues a valid traceparent: same trace id, its own parent id, version 00', async () => {
    const out = await forward([['traceparent', VALID]]);
    expect(out).toMatchObject({ version: '00', traceId: TRACE_ID });
    expect(out.parentId).not.toBe(PARENT_ID);
  });

  it.each(['TraceParent', 'TrAcEpArEnT', 'TRACEPARENT'])('reads the header name in any casing: %s', async (name) => {
    expect((await forward([[name, VALID]])).traceId).toBe(TRACE_ID);
  });

  it.each([' ', '\t', ' \t'])('ignores optional whitespace around the value: %j', async (space) => {
    expect((await forward([['traceparent', `${space}${VALID}`]])).traceId).toBe(TRACE_ID);
    expect((await forward([['traceparent', `${VALID}${space}`]])).traceId).toBe(TRACE_ID);
  });

  it('continues a future version (cc), reading only the fields it knows, when more follow after a dash', async () => {
    expect((await forward([['traceparent', `cc-${TRACE_ID}-${PARENT_ID}-01`]])).traceId).toBe(TRACE_ID);
    expect((await forward([['traceparent', `cc-${TRACE_ID}-${PARENT_ID}-01-what-the-future-will-be-like`]])).traceId).toBe(TRACE_ID);
  });

  const invalid: [rule: string, headers: RawHeaders][] = [
    ['two traceparent headers', [['traceparent', `00-${TRACE_ID.slice(0, -1)}1-${PARENT_ID}-01`], ['traceparent', VALID]]],
    ['a misspelt header name (trace-parent)', [['trace-parent', VALID]]],
    ['a misspelt header name (trace.parent)', [['trace.parent', VALID]]],
    ['version 00 with a trailing character', [['traceparent', `${VALID}.`]]],
    ['version 00 with more fields', [['traceparent', `${VALID}-what-the-future-will-be-like`]]],
    ['a future version followed by something other than a dash', [['traceparent', `cc-${TRACE_ID}-${PARENT_ID}-01.what-the-future-will-be-like`]]],
    ['version ff', [['traceparent', `ff-${TRACE_ID}-${PARENT_ID}-01`]]],
    ['an illegal character in the version (.0)', [['traceparent', `.0-${TRACE_ID}-${PARENT_ID}-01`]]],
    ['an illegal character in the version (0.)', [['traceparent', `0.-${TRACE_ID}-${PARENT_ID}-01`]]],
    ['a 3-digit version', [['traceparent', `000-${TRACE_ID}-${PARENT_ID}-01`]]],
    ['a 4-digit version', [['traceparent', `0000-${TRACE_ID}-${PARENT_ID}-01`]]],
    ['a 1-digit version', [['traceparent', `0-${TRACE_ID}-${PARENT_ID}-01`]]],
    ['an all-zero trace id', [['traceparent', `00-${'0'.repeat(32)}-${PARENT_ID}-01`]]],
    ['an illegal character at the start of the trace id', [['traceparent', `00-.${TRACE_ID.slice(1)}-${PARENT_ID}-01`]]],
    ['an illegal character at the end of the trace id', [['traceparent', `00-${TRACE_ID.slice(0, -1)}.-${PARENT_ID}-01`]]],
    ['a 33-digit trace id', [['traceparent', `00-${TRACE_ID}3-${PARENT_ID}-01`]]],
    ['a 31-digit trace id', [['traceparent', `00-${TRACE_ID.slice(0, -1)}-${PARENT_ID}-01`]]],
    ['an all-zero parent id', [['traceparent', `00-${TRACE_ID}-${'0'.repeat(16)}-01`]]],
    ['an illegal character at the start of the parent id', [['traceparent', `00-${TRACE_ID}-.${PARENT_ID.slice(1)}-01`]]],
    ['an illegal character at the end of the parent id', [['traceparent', `00-${TRACE_ID}-${PARENT_ID.slice(0, -1)}.-01`]]],
    ['a 17-digit parent id', [['traceparent', `00-${TRACE_ID}-${PARENT_ID}7-01`]]],
    ['a 15-digit parent id', [['traceparent', `00-${TRACE_ID}-${PARENT_ID.slice(0, -1)}-01`]]],
    ['an illegal character at the start of the flags', [['traceparent', `00-${TRACE_ID}-${PARENT_ID}-.0`]]],
    ['an illegal character at the end of the flags', [['traceparent', `00-${TRACE_ID}-${PARENT_ID}-0.`]]],
    ['3-digit flags', [['traceparent', `00-${TRACE_ID}-${PARENT_ID}-001`]]],
    ['1-digit flags', [['traceparent', `00-${TRACE_ID}-${PARENT_ID}-1`]]],
  ];

  it.each(invalid)('starts a new trace for %s', async (_rule, headers) => {
    const out = await forward(headers);
    for (const [, value] of headers) expect(value).not.toContain(out.traceId);
    expect(out.traceId).not.toBe(TRACE_ID);
  });

  it('gives each of several calls the incoming trace id and a parent id of its own', async () => {
    const calls = await forwardCalls([['traceparent', VALID]], 3);
    expect(new Set(calls.map((c) => c.traceId))).toEqual(new Set([TRACE_ID]));
    expect(new Set(calls.map((c) => c.parentId)).size).toBe(3);
  });

  it('gives several calls after an invalid traceparent a new trace id and a parent id each', async () => {
    const calls = await forwardCalls([['traceparent', `00-${'0'.repeat(32)}-${PARENT_ID}-01`]], 3);
    expect(calls.map((c) => c.traceId)).not.toContain('0'.repeat(32));
    expect(new Set(calls.map((c) => c.parentId)).size).toBe(3);
  });

  it('gives several calls without a trace context a parent id each', async () => {
    const calls = await forwardCalls([], 3);
    expect(new Set(calls.map((c) => c.parentId)).size).toBe(3);
  });
});

describe('tracestate, as the W3C test suite sends it', () => {
  const withParent = (...tracestate: string[]): RawHeaders => [['traceparent', VALID_UNSAMPLED], ...tracestate.map((value): [string, string] => ['tracestate', value])];

  it('discards a tracestate that comes without a traceparent', async () => {
    expect((await forward([['tracestate', 'foo=1']])).tracestate.size).toBe(0);
    expect((await forward([['tracestate', 'foo=1,bar=2']])).tracestate.size).toBe(0);
  });

  it('passes the tracestate on with the traceparent it came with', async () => {
    const out = await forward(withParent('foo=1,bar=2'));
    expect(out.traceId).toBe(TRACE_ID);
    expect(Object.fromEntries(out.tracestate)).toEqual({ foo: '1', bar: '2' });
  });

  it.each(['trace-state', 'trace.state'])('ignores a header with a misspelt name: %s', async (name) => {
    const out = await forward([['traceparent', VALID_UNSAMPLED], [name, 'foo=1']]);
    expect(out.tracestate.has('foo')).toBe(false);
  });

  it.each(['TraceState', 'TrAcEsTaTe', 'TRACESTATE'])('reads the header name in any casing: %s', async (name) => {
    const out = await forward([['traceparent', VALID_UNSAMPLED], [name, 'foo=1']]);
    expect(out.tracestate.get('foo')).toBe('1');
  });

  it('sends no empty tracestate on, and keeps the members of another tracestate header beside an empty one', async () => {
    const empty = await forward(withParent(''));
    expect(empty.traceId).toBe(TRACE_ID);
    expect(empty.rawTracestate ?? 'absent').not.toBe('');
    expect((await forward(withParent('foo=1', ''))).tracestate.get('foo')).toBe('1');
    expect((await forward(withParent('', 'foo=1'))).tracestate.get('foo')).toBe('1');
  });

  it('joins several tracestate headers into one list, in the order they came', async () => {
    const out = await forward(withParent('foo=1,bar=2', 'rojo=1,congo=2', 'baz=3'));
    expect(out.traceId).toBe(TRACE_ID);
    expect([...out.tracestate]).toEqual([['foo', '1'], ['bar', '2'], ['rojo', '1'], ['congo', '2'], ['baz', '3']]);
  });

  it('keeps a key and a value made of every character the specification allows', async () => {
    const key = 'abcdefghijklmnopqrstuvwxyz0123456789_-*/';
    const printable = (from: number, to: number) => String.fromCharCode(...Array.from({ length: to - from + 1 }, (_, i) => from + i));
    // Any printable ASCII but ',' and '=', and not ending in a space.
    const value = `${printable(0x20, 0x2b)}${printable(0x2d, 0x3c)}${printable(0x3e, 0x7e)}`;
    expect((await forward(withParent(`${key}=${value}`))).tracestate.get(key)).toBe(value);
    expect((await forward(withParent(`${key}@a-z0-9_-*/=${value}`))).tracestate.get(`${key}@a-z0-9_-*/`)).toBe(value);
  });

  it.each(['foo=1 \t , \t bar=2, \t baz=3', 'foo=1\t \t,\t \tbar=2,\t \tbaz=3'])('ignores optional whitespace between members: %j', async (tracestate) => {
    expect(Object.fromEntries((await forward(withParent(tracestate))).tracestate)).toEqual({ foo: '1', bar: '2', baz: '3' });
  });

  it.each([' foo=1', '\tfoo=1', 'foo=1 ', 'foo=1\t', '\t foo=1 \t'])('ignores optional whitespace around the value: %j', async (tracestate) => {
    const out = await forward(withParent(tracestate));
    expect(out.traceId).toBe(TRACE_ID);
    expect(out.tracestate.get('foo')).toBe('1');
  });

  it('passes on a list of 32 members, the most the specification allows', async () => {
    const members = Array.from({ length: 32 }, (_, i) => `bar${String(i + 1).padStart(2, '0')}=${String(i + 1).padStart(2, '0')}`);
    const out = await forward(withParent(members.slice(0, 10).join(','), members.slice(10, 20).join(','), members.slice(20, 30).join(','), members.slice(30).join(',')));
    expect(out.tracestate.size).toBe(32);
    expect(out.tracestate.get('bar01')).toBe('01');
  });

  it('drops the tracestate that came with an invalid traceparent, since it belongs to a trace not continued', async () => {
    const out = await forward([['traceparent', `00-${'0'.repeat(32)}-${PARENT_ID}-01`], ['tracestate', 'foo=1']]);
    expect(out.rawTracestate).toBeUndefined();
  });

  it('never passes on more than 32 members, whatever it was sent', async () => {
    const members = Array.from({ length: 40 }, (_, i) => `k${i}=v${i}`).join(',');
    expect((await forward(withParent(members))).tracestate.size).toBeLessThanOrEqual(32);
  });
});

describe('the test-suite endpoint itself', () => {
  it('answers a malformed call list with a 400 naming the field, and calls nothing', async () => {
    const response = await fetch(`${FRONTEND}/test/trace-context`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ url: 'file:///etc/passwd', arguments: [] }]),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ field: '0.url' });
  });
});
