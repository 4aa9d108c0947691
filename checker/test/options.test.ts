import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseOptions, UsageError } from '../src/options.js';

describe('parseOptions', () => {
  it('has the documented defaults', () => {
    expect(parseOptions([])).toEqual({
      jaegerUrl: 'http://localhost:16686',
      frontendUrl: 'http://localhost:8080',
      task: undefined,
      json: false,
      junit: undefined,
      watch: false,
      timeoutMs: 30_000,
      audit: 50,
      logsDir: resolve(__dirname, '..', '..', '.stack', 'logs'),
      help: false,
    });
  });

  const accepted: Array<[string[], Record<string, unknown>]> = [
    [['--jaeger-url', 'http://jaeger:16686/'], { jaegerUrl: 'http://jaeger:16686' }],
    [['--frontend-url=http://127.0.0.1:9090'], { frontendUrl: 'http://127.0.0.1:9090' }],
    [['--task', '5'], { task: 5 }],
    [['--json', '--watch'], { json: true, watch: true }],
    [['--junit', 'out/checker.xml'], { junit: 'out/checker.xml' }],
    [['--timeout', '2.5'], { timeoutMs: 2500 }],
    [['--audit', '10'], { audit: 10 }],
    [['--logs', '/var/log/lab'], { logsDir: '/var/log/lab' }],
    [['-h'], { help: true }],
  ];
  it.each(accepted)('%j -> %o', (argv, expected) => {
    expect(parseOptions(argv)).toMatchObject(expected);
  });

  const refused: Array<[string[], string]> = [
    [['--task', '13'], "--task '13' is not a whole number from 1 to 12"],
    [['--task', '1.5'], "--task '1.5' is not a whole number from 1 to 12"],
    [['--exercise', 'five'], "--exercise 'five' is not a whole number from 1 to 99"],
    [['--task', '6', '--exercise', '5'], '--task and --exercise cannot be given together (see --help)'],
    [['--audit', '0'], "--audit '0' is not a whole number from 1 to 1000"],
    [['--timeout', 'soon'], "--timeout 'soon' is not a number of seconds above 0"],
    [['--jaeger-url', 'localhost:16686'], "--jaeger-url 'localhost:16686' is not an http:// or https:// URL"],
    [['--frontend-url', 'ftp://x'], "--frontend-url 'ftp://x' is not an http:// or https:// URL"],
    [['--colour'], "Unknown option '--colour' (see --help)"],
    [['extra'], "Unexpected argument 'extra'. This command does not take positional arguments (see --help)"],
  ];
  it.each(refused)('%j -> %s', (argv, message) => {
    expect(() => parseOptions(argv)).toThrow(new UsageError(message));
  });
});

describe('parseOptions inside the Compose network (docker compose run --rm check)', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('takes the mesh from LAB_FRONTEND_URL and LAB_JAEGER_URL when no flag names it', () => {
    vi.stubEnv('LAB_FRONTEND_URL', 'http://frontend:8080');
    vi.stubEnv('LAB_JAEGER_URL', 'http://jaeger:16686');
    expect(parseOptions([])).toMatchObject({ frontendUrl: 'http://frontend:8080', jaegerUrl: 'http://jaeger:16686' });
  });

  it('lets a flag win over LAB_FRONTEND_URL', () => {
    vi.stubEnv('LAB_FRONTEND_URL', 'http://frontend:8080');
    expect(parseOptions(['--frontend-url', 'http://127.0.0.1:8080'])).toMatchObject({ frontendUrl: 'http://127.0.0.1:8080' });
  });
});
