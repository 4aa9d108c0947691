import { describe, expect, it } from 'vitest';
import { DEFAULTS, parseOptions, type TraceCliOptions, UsageError } from '../src/cli/options.js';
import { parseTraceId } from '../src/cli/trace-id.js';

const ID = '1ed9736e0494ad3e5e75c288ea8c6d60';

function parse(...argv: string[]): TraceCliOptions {
  const options = parseOptions(argv);
  if (options === 'help') throw new Error('expected options, got help');
  return options;
}

function problemWith(...argv: string[]): string {
  try {
    parseOptions(argv);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`no UsageError for ${argv.join(' ')}`);
}

describe('parseTraceId', () => {
  it.each([
    [ID, ID],
    [ID.toUpperCase(), ID],
    [` ${ID}\n`, ID],
    [`00-${ID}-b7ad6b7169203331-01`, ID],
    [`00-${ID}-B7AD6B7169203331-00`, ID],
  ])('reads %j as the trace id', (input, expected) => {
    expect(parseTraceId(input)).toBe(expected);
  });

  it.each([
    ['', 'nothing'],
    [ID.slice(1), '31 hex digits'],
    ['b7ad6b7169203331', 'a 64-bit span id'],
    [`${ID.slice(1)}g`, 'a non-hex digit'],
    ['0'.repeat(32), 'the all-zero id'],
    [`00-${'0'.repeat(32)}-b7ad6b7169203331-01`, 'a traceparent with the all-zero id'],
    [`00-${ID}-b7ad6b716920333-01`, 'a traceparent with a short span id'],
    [`00-${ID}`, 'half a traceparent'],
  ])('rejects %j (%s)', (input) => {
    expect(parseTraceId(input)).toBeUndefined();
  });
});

describe('parseOptions', () => {
  it('defaults to the local Jaeger, the terminal width, colours allowed and the waterfall', () => {
    expect(parse(ID)).toEqual({ traceId: ID, jaegerUrl: DEFAULTS.jaegerUrl, width: undefined, noColor: false, json: false });
  });

  it('reads every flag, before or after the trace id', () => {
    expect(parse('--jaeger-url', 'https://jaeger.example/query/', `00-${ID}-b7ad6b7169203331-01`, '--width', '120', '--no-color', '--json')).toEqual({
      traceId: ID,
      jaegerUrl: 'https://jaeger.example/query',
      width: 120,
      noColor: true,
      json: true,
    });
  });

  it('answers help for -h and --help, whatever else is there', () => {
    expect(parseOptions(['-h'])).toBe('help');
    expect(parseOptions(['--help', 'not-an-id'])).toBe('help');
  });

  it.each([
    [[], 'missing the trace id (see --help)'],
    [[ID, ID], `one trace id expected, got 2: ${ID} ${ID}`],
    [['abc'], "'abc' is not a trace id (32 hex digits, or a traceresponse/traceparent value)"],
    [[ID, '--bogus'], "Unknown option '--bogus' (see --help)"],
    [[ID, '--width'], "Option '--width <value>' argument missing (see --help)"],
    [[ID, '--width', '49'], "--width '49' is not a whole number from 50 to 1000"],
    [[ID, '--width', '80.5'], "--width '80.5' is not a whole number from 50 to 1000"],
    [[ID, '--width', 'wide'], "--width 'wide' is not a whole number from 50 to 1000"],
    [[ID, '--jaeger-url', 'localhost:16686'], "--jaeger-url 'localhost:16686' is not an http:// or https:// URL"],
    [[ID, '--jaeger-url', 'not a url'], "--jaeger-url 'not a url' is not an http:// or https:// URL"],
  ])('rejects %j: %s', (argv, message) => {
    expect(problemWith(...argv)).toBe(message);
  });
});
