import axios from 'axios';
import { type RequestHandler, Router } from 'express';
import { z } from 'zod';
import { parseInput, upstreamError } from '@tracing-lab/shared-tracing';

// The endpoint the W3C Trace Context test suite drives (github.com/w3c/trace-context, test/): it POSTs
// a JSON array of {url, arguments}, and the service POSTs each `arguments` to its `url` from inside
// the request, so the suite can check what a real service does with the headers it received. It
// makes the service call any URL it is given, so it is mounted only when TRACE_CONTEXT_HARNESS=enabled.

const calls = z
  .array(z.object({ url: z.url({ protocol: /^https?$/, error: 'must be an http or https URL' }), arguments: z.unknown() }))
  .max(32, 'must hold at most 32 calls');

// Its own client: no base URL, and the suite's URLs are its test server's.
const client = axios.create({ timeout: 5_000 });

const forwardCalls: RequestHandler = async (req, res) => {
  for (const call of parseInput(calls, req.body)) {
    try {
      await client.post(call.url, call.arguments ?? []);
    } catch (error) {
      throw upstreamError(`test harness at ${call.url}`, error);
    }
  }
  res.json({ calls: (req.body as unknown[]).length });
};

export function traceContextHarness(): Router {
  return Router().post('/test/trace-context', forwardCalls);
}
