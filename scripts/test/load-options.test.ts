import { describe, expect, it } from 'vitest';
import { UsageError } from '../src/load/errors.js';
import { type LoadOptions, parseLoadOptions } from '../src/load/options.js';

function parse(argv: string[]): LoadOptions {
  const options = parseLoadOptions(argv);
  if (options === 'help') throw new Error('expected options, got help');
  return options;
}

function problemWith(argv: string[]): string {
  try {
    parseLoadOptions(argv);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`no UsageError for ${argv.join(' ')}`);
}

describe('load options', () => {
  it('defaults to 30 s of mixed traffic against the local mesh, unpaced, over 10 connections', () => {
    const options = parse([]);
    expect({ ...options, scenario: options.scenario.name }).toEqual({
      scenario: 'mixed',
      rate: undefined,
      duration: 30,
      requests: undefined,
      concurrency: 10,
      target: 'http://localhost:8080',
      jaegerUi: 'http://localhost:16686',
      json: false,
    });
  });

  it('reads every flag', () => {
    const options = parse(
      ['--scenario', 'slow-db', '--rate', '50', '--duration', '2.5', '--concurrency', '4', '--target', 'http://127.0.0.1:9000/', '--jaeger-ui', 'https://jaeger.example/ui/', '--json'],
    );
    expect({ ...options, scenario: options.scenario.name }).toEqual({
      scenario: 'slow-db',
      rate: 50,
      duration: 2.5,
      requests: undefined,
      concurrency: 4,
      target: 'http://127.0.0.1:9000',
      jaegerUi: 'https://jaeger.example/ui',
      json: true,
    });
  });

  it('opens one connection per 10 req/s of --rate when that is more than 10', () => {
    expect([parse(['--rate', '50']).concurrency, parse(['--rate', '200']).concurrency, parse(['--rate', '205']).concurrency]).toEqual([10, 20, 21]);
    expect(parse(['--rate', '200', '--concurrency', '5']).concurrency).toBe(5);
  });

  it('replaces the default duration with a count when --requests is given', () => {
    expect(parse(['--requests=20'])).toMatchObject({ requests: 20, duration: undefined });
  });

  it('sends to LAB_FRONTEND_URL when --target does not name the frontend (inside the Compose network)', () => {
    expect(parseLoadOptions([], { LAB_FRONTEND_URL: 'http://frontend:8080' })).toMatchObject({ target: 'http://frontend:8080' });
    expect(parseLoadOptions(['--target', 'http://127.0.0.1:8080'], { LAB_FRONTEND_URL: 'http://frontend:8080' })).toMatchObject({ target: 'http://127.0.0.1:8080' });
  });

  it('answers --help and -h with the usage text', () => {
    expect(parseLoadOptions(['--help'])).toBe('help');
    expect(parseLoadOptions(['-h', '--rate', 'nonsense'])).toBe('help');
  });

  // [arguments, the one line the user sees]
  const problems: Array<[string[], string]> = [
    [['--bogus'], '--bogus: unknown option (see --help)'],
    [['-x'], '-x: unknown option (see --help)'],
    [['--rate'], '--rate: needs a value'],
    [['--rate', '--json'], '--rate: needs a value'],
    [['--json=yes'], '--json: takes no value'],
    [['slow-db'], 'slow-db: unexpected argument; options start with -- (see --help)'],
    [['--scenario', 'slow'], "--scenario: unknown scenario 'slow' (one of: browse, order, mixed, slow-db, backend-error, slow-notifier, notifier-failure, notifier-outage, poison-message, outbox-backlog)"],
    [['--rate', '0'], "--rate: '0' is not a whole number of at least 1"],
    [['--rate', '12.5'], "--rate: '12.5' is not a whole number of at least 1"],
    [['--rate', 'fast'], "--rate: 'fast' is not a whole number of at least 1"],
    [['--rate='], "--rate: '' is not a whole number of at least 1"],
    [['--requests', '-3'], '--requests: needs a value'],
    [['--requests', '1e3'], "--requests: '1e3' is not a whole number of at least 1"],
    [['--concurrency', '0'], "--concurrency: '0' is not a whole number of at least 1"],
    [['--duration', '0'], "--duration: '0' is not a number of seconds above 0"],
    [['--duration', '10s'], "--duration: '10s' is not a number of seconds above 0"],
    [['--duration', '5', '--requests', '20'], '--requests: cannot be combined with --duration (give a count or a time, not both)'],
    [['--target', 'localhost:8080'], "--target: 'localhost:8080' is not an http or https URL"],
    [['--target', 'not a url'], "--target: 'not a url' is not a URL (like http://localhost:8080)"],
    [['--target', 'http://localhost:8080/?x=1'], "--target: 'http://localhost:8080/?x=1' must not have a query or fragment"],
    [['--jaeger-ui', 'ftp://jaeger'], "--jaeger-ui: 'ftp://jaeger' is not an http or https URL"],
  ];

  it.each(problems)('%j is refused with: %s', (argv, message) => {
    expect(problemWith(argv)).toBe(message);
  });

  it('keeps every refusal to one line that starts with the flag', () => {
    for (const [argv, message] of problems) {
      expect(message).not.toContain('\n');
      expect(problemWith(argv)).toMatch(/^-{1,2}[a-z-]+: |^slow-db: /);
    }
  });
});
