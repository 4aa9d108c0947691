import type { Tracer } from '@opentelemetry/api';
import { HttpError, serviceTracerProvider } from '@tracing-lab/shared-tracing';

// The manual spans a client reports must show in Jaeger under the client's service name, and a
// service name is a property of the SDK's Resource, not of a span: so each client service gets its
// own tracer provider, created on first use and kept, with the mesh's span processors (so its spans
// are redacted like every other span). These providers are separate from the process's own SDK
// (which traces the API's requests as `trace-api`).
//
// Each span is exported as soon as it ends: a manual span is one HTTP request to this API, and the
// client expects to find it in Jaeger right after.
// Each provider holds an exporter: a client inventing a new service name per request must not grow
// the process without end.
export const MAX_CLIENT_SERVICES = 100;

type ClientTracerProvider = ReturnType<typeof serviceTracerProvider>;

export class ClientTracers {
  private readonly providers = new Map<string, ClientTracerProvider>();

  tracerFor(serviceName: string): Tracer {
    let provider = this.providers.get(serviceName);
    if (!provider) {
      if (this.providers.size >= MAX_CLIENT_SERVICES) {
        throw HttpError.badRequest('serviceName', `is a new service name, but this API already traces ${MAX_CLIENT_SERVICES}; reuse one`);
      }
      provider = serviceTracerProvider(serviceName, 'each');
      this.providers.set(serviceName, provider);
    }
    return provider.getTracer('@tracing-lab/trace-api');
  }

  async shutdown(): Promise<void> {
    await Promise.allSettled([...this.providers.values()].map((provider) => provider.shutdown()));
  }
}
