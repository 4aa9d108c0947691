import type { Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { HttpError, loadTracingConfig } from '@tracing-lab/shared-tracing';

// The manual spans a client reports must show in Jaeger under the client's service name, and a
// service name is a property of the SDK's Resource, not of a span: so each client service gets its
// own TracerProvider, created on first use and kept. These providers are separate from the process's
// own SDK (which traces the API's requests as `trace-api`) and are never registered globally.
//
// Each span is exported as soon as it ends (SimpleSpanProcessor): a manual span is one HTTP request
// to this API, and the client expects to find it in Jaeger right after.
// Each provider holds an exporter: a client inventing a new service name per request must not grow
// the process without end.
export const MAX_CLIENT_SERVICES = 100;

export class ClientTracers {
  private readonly providers = new Map<string, TracerProvider>();

  tracerFor(serviceName: string): Tracer {
    let provider = this.providers.get(serviceName);
    if (!provider) {
      if (this.providers.size >= MAX_CLIENT_SERVICES) {
        throw HttpError.badRequest('serviceName', `is a new service name, but this API already traces ${MAX_CLIENT_SERVICES}; reuse one`);
      }
      provider = new TracerProvider({
        resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: serviceName }),
        // With the SDK disabled (OTEL_SDK_DISABLED=true) spans still get ids but go nowhere.
        spanProcessors: loadTracingConfig().enabled ? [new SimpleSpanProcessor({ exporter: new OTLPTraceExporter() })] : [],
      });
      this.providers.set(serviceName, provider);
    }
    return provider.getTracer('@tracing-lab/trace-api');
  }

  async shutdown(): Promise<void> {
    await Promise.allSettled([...this.providers.values()].map((provider) => provider.shutdown()));
  }
}
