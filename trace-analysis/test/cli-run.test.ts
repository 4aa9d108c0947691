import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CliIo, runTraceCli } from '../src/cli/run-trace-cli.js';
import { plainPaint } from '../src/cli/paint.js';
import { renderReport } from '../src/cli/render-report.js';
import { analyzeTrace, buildTraceTree } from '../src/index.js';
import { recordedTrace } from './support/fixtures.js';

// The runner with a fake Jaeger and a fake terminal: exit codes, one-line errors and when colours
// appear, without the network. cli-spawn.test.ts runs the compiled CLI itself.

const SLOW_DB = '605fd478ac5791f5901c80b8e21e13bc';
const SLOW_DB_BODY = readFileSync(join(__dirname, 'fixtures', 'slow-db.json'), 'utf8');

type Jaeger = (url: string) => Response | Promise<Response>;

// Jaeger as the native stack runs it: the recorded slow-db trace, and its 404 for any other id.
const recordedJaeger: Jaeger = (url) =>
  url.endsWith(`/api/traces/${SLOW_DB}`)
    ? new Response(SLOW_DB_BODY, { status: 200 })
    : new Response('{"data":null,"total":0,"limit":0,"offset":0,"errors":[{"code":404,"msg":"trace not found"}]}', { status: 404 });

interface Run {
  code: number;
  out: string[];
  err: string[];
  urls: string[];
}

async function run(argv: string[], terminal: Partial<Pick<CliIo, 'stdoutIsTTY' | 'columns' | 'env'>> = {}, jaeger: Jaeger = recordedJaeger): Promise<Run> {
  const result: Run = { code: -1, out: [], err: [], urls: [] };
  result.code = await runTraceCli(argv, {
    out: (text) => result.out.push(text),
    err: (text) => result.err.push(text),
    fetch: async (url) => {
      result.urls.push(url);
      return jaeger(url);
    },
    stdoutIsTTY: false,
    columns: undefined,
    env: {},
    ...terminal,
  });
  return result;
}

function slowDbReport(width: number): string {
  const tree = buildTraceTree(recordedTrace('slow-db'));
  return renderReport(tree, analyzeTrace(tree), width, plainPaint);
}

const refused = () => Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }));

describe('runTraceCli', () => {
  it("fetches the trace from Jaeger's query API and prints the report at 80 columns, without colours, when stdout is not a terminal", async () => {
    const result = await run([SLOW_DB]);
    expect(result).toEqual({ code: 0, out: [slowDbReport(80)], err: [], urls: [`http://localhost:16686/api/traces/${SLOW_DB}`] });
    expect(result.out[0]).not.toContain('\x1b');
  });

  it('takes a whole traceresponse value and another Jaeger', async () => {
    const result = await run([`00-${SLOW_DB}-6ace6d0136ea1229-01`, '--jaeger-url', 'http://127.0.0.1:9999/']);
    expect([result.code, result.urls]).toEqual([0, [`http://127.0.0.1:9999/api/traces/${SLOW_DB}`]]);
  });

  it("colours a terminal's output and fits it to the terminal's width", async () => {
    const result = await run([SLOW_DB], { stdoutIsTTY: true, columns: 120 });
    expect(result.out[0]).toContain('\x1b[');
    expect(result.out[0]?.replace(/\x1b\[[0-9;]*m/g, '')).toBe(slowDbReport(120));
  });

  it('leaves colours out on a terminal with --no-color, or with NO_COLOR set', async () => {
    expect((await run([SLOW_DB, '--no-color'], { stdoutIsTTY: true, columns: 80 })).out).toEqual([slowDbReport(80)]);
    expect((await run([SLOW_DB], { stdoutIsTTY: true, columns: 80, env: { NO_COLOR: '1' } })).out).toEqual([slowDbReport(80)]);
  });

  it('lets --width win over the terminal, and widens a terminal too narrow for the waterfall to 50', async () => {
    expect((await run([SLOW_DB, '--width', '60'], { columns: 120 })).out).toEqual([slowDbReport(60)]);
    expect((await run([SLOW_DB, '--no-color'], { stdoutIsTTY: true, columns: 30 })).out).toEqual([slowDbReport(50)]);
  });

  it('prints the analysis as JSON with --json', async () => {
    const result = await run([SLOW_DB, '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out[0] as string)).toEqual(analyzeTrace(buildTraceTree(recordedTrace('slow-db'))));
  });

  it('prints the usage for --help and exits 0 without asking Jaeger', async () => {
    const result = await run(['--help']);
    expect([result.code, result.out[0]?.split('\n')[0], result.urls]).toEqual([0, 'Usage: npm run trace -- <trace id> [options]', []]);
  });

  it.each<[string, string[], Jaeger, number, string]>([
    ['a bad trace id', ['4bf92f'], recordedJaeger, 2, "trace: '4bf92f' is not a trace id (32 hex digits, or a traceresponse/traceparent value)"],
    ['an unknown flag', [SLOW_DB, '--bogus'], recordedJaeger, 2, "trace: Unknown option '--bogus' (see --help)"],
    ['a width too narrow', [SLOW_DB, '--width', '20'], recordedJaeger, 2, "trace: --width '20' is not a whole number from 50 to 1000"],
    ['Jaeger unreachable', [SLOW_DB], refused, 2, 'trace: Jaeger is unreachable at http://localhost:16686 (connection refused)'],
    ['Jaeger failing', [SLOW_DB], () => new Response('oops', { status: 500 }), 2, `trace: Jaeger answered http://localhost:16686/api/traces/${SLOW_DB} with HTTP 500`],
    ['something that is not Jaeger', [SLOW_DB], () => new Response('<html>', { status: 200 }), 2, `trace: Jaeger answered http://localhost:16686/api/traces/${SLOW_DB} with something that is not JSON`],
    ['a trace Jaeger does not have', ['0123456789abcdef0123456789abcdef'], recordedJaeger, 1, 'trace: trace 0123456789abcdef0123456789abcdef is not in Jaeger at http://localhost:16686 (spans arrive about a second after the request)'],
    ['an empty answer', [SLOW_DB], () => new Response('{"data":[]}', { status: 200 }), 1, `trace: trace ${SLOW_DB} is not in Jaeger at http://localhost:16686 (spans arrive about a second after the request)`],
  ])('exits with one line on stderr for %s', async (_, argv, jaeger, code, line) => {
    const result = await run(argv, {}, jaeger);
    expect({ code: result.code, out: result.out, err: result.err }).toEqual({ code, out: [], err: [line] });
  });
});
