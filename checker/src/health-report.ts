import { type Hint, hints } from './hints.js';

// A service's GET /health answer, and what it says about its tracing set-up.

export interface HealthBody {
  status: string;
  service: string;
  // `spans.dropped`: spans the service's exporter lost (span-pipeline-stats in shared-tracing).
  tracing: { enabled: boolean; exporterEndpoint: string; spans?: { dropped?: number } };
  dependencies: Record<string, string>;
}

export type HealthResult =
  | { url: string; reachable: false; error: string }
  | { url: string; reachable: true; httpStatus: number; body: HealthBody | undefined };

export function parseHealthBody(json: unknown): HealthBody | undefined {
  const body = json as Partial<HealthBody> | null;
  if (!body || typeof body.status !== 'string' || typeof body.service !== 'string') return undefined;
  if (!body.tracing || typeof body.tracing.enabled !== 'boolean' || typeof body.tracing.exporterEndpoint !== 'string') return undefined;
  return { status: body.status, service: body.service, tracing: body.tracing, dependencies: body.dependencies ?? {} };
}

export const OTLP_HTTP_PATH = '/v1/traces';
const OTLP_GRPC_PORT = '4317';

// The classic endpoint mistakes, or undefined when the endpoint looks right.
export function exporterEndpointProblem(service: string, endpoint: string): Hint | undefined {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return hints.endpointNotUrl(service, endpoint);
  }
  const path = url.pathname.replace(/\/+$/, '');
  if (/\/v1\/(v1\/)+traces$|\/v1\/traces\/v1\/traces$/.test(path)) return hints.endpointDoubled(service, endpoint);
  if (path !== OTLP_HTTP_PATH) return hints.endpointWithoutPath(service, endpoint);
  if (url.port === OTLP_GRPC_PORT) return hints.endpointGrpcPort(service, endpoint);
  return undefined;
}

// What is wrong with a service's tracing according to its /health, each as a hint.
export function tracingProblems(expectedName: string, body: HealthBody): Hint[] {
  const problems: Hint[] = [];
  if (!body.tracing.enabled) problems.push(hints.sdkDisabled(expectedName));
  if (body.service === 'unknown_service:node' || body.service.startsWith('unknown_service')) problems.push(hints.serviceNameNotSet(expectedName));
  else if (body.service !== expectedName) problems.push(hints.serviceNameWrong(expectedName, body.service));
  const endpoint = exporterEndpointProblem(expectedName, body.tracing.exporterEndpoint);
  if (endpoint) problems.push(endpoint);
  return problems;
}
