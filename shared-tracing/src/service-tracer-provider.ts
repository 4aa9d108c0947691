import { resourceFromAttributes } from '@opentelemetry/resources';
import { TracerProvider } from '@opentelemetry/sdk-trace';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { type ExportMode, meshSpanProcessors } from './span-processors.js';
import { loadTracingConfig } from './tracing-config.js';

// A tracer provider for spans reported under another service's name than this process's (a service
// name belongs to the SDK's Resource, not to a span), with the same span processors as the preloaded
// SDK: redacted, then exported. It is never registered globally. With the SDK disabled
// (OTEL_SDK_DISABLED=true) its spans still get ids but go nowhere.
export function serviceTracerProvider(serviceName: string, exportMode: ExportMode = 'batched'): TracerProvider {
  return new TracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: serviceName }),
    spanProcessors: loadTracingConfig().enabled ? meshSpanProcessors(exportMode) : [],
  });
}
