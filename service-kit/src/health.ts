import { type DependencyState, readSpanPipelineStats, loadTracingConfig } from '@tracing-lab/shared-tracing';

// The body of every service's /health: the service's own tracing set-up, and its dependencies. Any
// dependency down makes the service degraded and the answer a 503, so Compose and the native stack
// see it and a learner can tell which part to look at. `tracing.spans` says how many spans reached
// Jaeger and how many were lost: Jaeger being down degrades tracing, not the service.
export async function healthReport(dependencies: Record<string, DependencyState>): Promise<{
  status: number;
  body: Record<string, unknown>;
}> {
  const tracing = loadTracingConfig();
  const degraded = Object.values(dependencies).includes('down');
  return {
    status: degraded ? 503 : 200,
    body: {
      status: degraded ? 'degraded' : 'ok',
      service: tracing.serviceName,
      tracing: { enabled: tracing.enabled, exporterEndpoint: tracing.tracesEndpoint, spans: await readSpanPipelineStats() },
      dependencies,
    },
  };
}
