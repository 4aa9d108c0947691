import type { ConfigurationResult } from './report.js';
import type { TracingConfiguration } from './tracing-configurations.js';
import { round } from '../round.js';

// `npm run bench -- --price-list`: what each part of the mesh's tracing costs. The mesh runs with
// everything on (docker-compose.yml: every instrumentation, our span processors, the exporter, 100%
// sampled), with tracing off, and with one part switched off at a time through the SDK's own standard
// variables; a part's price is what switching it off gives back, in the same run, configurations
// taking turns. The span processors are priced per span in-process (span-costs.ts): they have no
// switch in the services, since one that could turn redaction off would be one too many.

export const EVERYTHING_ON = 'all on';
export const TRACING_OFF = 'off';

// The instrumentations the mesh's traces are made of (shared-tracing/src/instrumentations.ts), by the
// short name OTEL_NODE_DISABLED_INSTRUMENTATIONS takes.
export const PRICED_INSTRUMENTATIONS = ['http', 'express', 'pg', 'amqplib', 'pino'] as const;

export const EXPORT_PART = 'OTLP export';

export const PRICE_LIST_CONFIGURATIONS: readonly TracingConfiguration[] = [
  { name: TRACING_OFF, description: 'OTEL_SDK_DISABLED=true: no SDK at all', env: { OTEL_SDK_DISABLED: 'true' } },
  { name: EVERYTHING_ON, description: 'docker-compose.yml as it is: every part on, every trace kept', env: {} },
  ...PRICED_INSTRUMENTATIONS.map((name) => ({
    name: `without ${name}`,
    description: `OTEL_NODE_DISABLED_INSTRUMENTATIONS=${name}`,
    env: { OTEL_NODE_DISABLED_INSTRUMENTATIONS: name },
  })),
  { name: `without ${EXPORT_PART}`, description: 'OTEL_TRACES_EXPORTER=none: spans made and processed, sent nowhere', env: { OTEL_TRACES_EXPORTER: 'none' } },
];

export interface PartPrice {
  part: string;
  // The four services' CPU per answered request at saturation that switching the part off gives back.
  cpuMsPerRequest: number;
  // That, as a share of what all of tracing costs (everything on against tracing off).
  shareOfTracing: number;
  // Requests a second at saturation gained by switching it off, as a fraction of everything on's.
  throughputGain: number;
  // p50 at the fixed rate given back, in ms.
  p50Ms: number | null;
}

export interface TracingPrice {
  cpuMsPerRequest: number;
  throughputLoss: number;
  p50Ms: number | null;
}

// From the configurations' results: what all of tracing costs, and each part's price.
export function priceParts(configurations: ConfigurationResult[]): { tracing: TracingPrice; parts: PartPrice[] } {
  const named = (name: string): ConfigurationResult => {
    const found = configurations.find((c) => c.name === name);
    if (!found) throw new Error(`the price list has no '${name}' configuration`);
    return found;
  };
  const all = named(EVERYTHING_ON);
  const off = named(TRACING_OFF);
  const tracingCpu = all.saturation.cpuMsPerRequest - off.saturation.cpuMsPerRequest;
  const p50Given = (c: ConfigurationResult): number | null =>
    all.fixedRate.latencyMs && c.fixedRate.latencyMs ? round(all.fixedRate.latencyMs.p50 - c.fixedRate.latencyMs.p50, 2) : null;
  const parts = configurations
    .filter((c) => c.name.startsWith('without '))
    .map((c) => {
      const cpu = all.saturation.cpuMsPerRequest - c.saturation.cpuMsPerRequest;
      return {
        part: c.name.slice('without '.length),
        cpuMsPerRequest: round(cpu, 3),
        shareOfTracing: round(tracingCpu > 0 ? cpu / tracingCpu : Number.NaN, 3),
        throughputGain: round(all.saturation.throughput > 0 ? c.saturation.throughput / all.saturation.throughput - 1 : Number.NaN, 4),
        p50Ms: p50Given(c),
      };
    });
  return {
    tracing: {
      cpuMsPerRequest: round(tracingCpu, 3),
      throughputLoss: round(off.saturation.throughput > 0 ? 1 - all.saturation.throughput / off.saturation.throughput : Number.NaN, 4),
      p50Ms: p50Given(off),
    },
    parts,
  };
}
