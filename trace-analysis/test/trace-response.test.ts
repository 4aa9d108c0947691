import { expect, it } from 'vitest';
import { parseTraceResponse } from '../src/trace-response.js';

const headers: Array<[string | null, { traceId: string; spanId: string; sampled: boolean } | undefined]> = [
  ['00-5f169a77fe58ea8aa1d5460109a256ac-80f7a717e447af4b-01', { traceId: '5f169a77fe58ea8aa1d5460109a256ac', spanId: '80f7a717e447af4b', sampled: true }],
  ['00-5f169a77fe58ea8aa1d5460109a256ac-80f7a717e447af4b-00', { traceId: '5f169a77fe58ea8aa1d5460109a256ac', spanId: '80f7a717e447af4b', sampled: false }],
  ['00-5f169a77fe58ea8aa1d5460109a256ac-80f7a717e447af4b-03', { traceId: '5f169a77fe58ea8aa1d5460109a256ac', spanId: '80f7a717e447af4b', sampled: true }],
  ['00-00000000000000000000000000000000-80f7a717e447af4b-01', undefined],
  ['00-5F169A77FE58EA8AA1D5460109A256AC-80f7a717e447af4b-01', undefined],
  ['5f169a77fe58ea8aa1d5460109a256ac', undefined],
  [null, undefined],
];

it.each(headers)('traceresponse %s -> %o', (header, ids) => {
  expect(parseTraceResponse(header)).toEqual(ids);
});
