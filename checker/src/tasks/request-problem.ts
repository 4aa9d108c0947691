import { type Hint, hints } from '../hints.js';
import type { FollowedRequest } from '../run-context.js';

// What went wrong with one of the checker's requests before its trace could be judged, if anything.
export function requestProblem(followed: FollowedRequest, timeoutMs: number): { text: string; hint: Hint } | undefined {
  const { request } = followed;
  if (request.status === undefined) {
    return { text: `${request.what} failed: ${request.error ?? 'no answer'}`, hint: hints.requestFailed(request.what, request.error ?? 'no answer') };
  }
  if (!request.traceId) {
    return { text: `${request.what} answered ${request.status} without a traceresponse header`, hint: hints.noTraceResponse(request.what) };
  }
  if (!followed.trace) {
    return { text: `trace ${request.traceId} of ${request.what} never reached Jaeger`, hint: hints.traceNeverArrived(request.traceId, timeoutMs / 1000) };
  }
  return undefined;
}
