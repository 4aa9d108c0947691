import { describe, expect, it } from 'vitest';
import { PRICE_LIST_CONFIGURATIONS, priceParts } from '../src/bench/price-list.js';
import type { ConfigurationResult, PhaseResult } from '../src/bench/report.js';

const phase = (throughput: number, p50: number, cpuMsPerRequest: number): PhaseResult => ({
  requests: throughput * 20,
  throughput,
  latencyMs: { p50, p99: p50 * 3 },
  failed: 0,
  cpuPercent: { frontend: 20 },
  loadGeneratorCpuPercent: 10,
  otherCpuPercent: 0,
  cpuMsPerRequest,
});

const configuration = (name: string, p50: number, throughput: number, cpu: number): ConfigurationResult => ({
  name,
  description: name,
  env: {},
  fixedRate: phase(25, p50, cpu),
  saturation: phase(throughput, p50 * 4, cpu),
  peakRssMb: { frontend: 100 },
  restartedDuringRun: [],
  vsOff: null,
});

describe('the price list', () => {
  it('switches off one part at a time through the standard variables, against everything on and tracing off', () => {
    expect(PRICE_LIST_CONFIGURATIONS.map((c) => [c.name, c.env])).toEqual([
      ['off', { OTEL_SDK_DISABLED: 'true' }],
      ['all on', {}],
      ['without http', { OTEL_NODE_DISABLED_INSTRUMENTATIONS: 'http' }],
      ['without express', { OTEL_NODE_DISABLED_INSTRUMENTATIONS: 'express' }],
      ['without pg', { OTEL_NODE_DISABLED_INSTRUMENTATIONS: 'pg' }],
      ['without amqplib', { OTEL_NODE_DISABLED_INSTRUMENTATIONS: 'amqplib' }],
      ['without pino', { OTEL_NODE_DISABLED_INSTRUMENTATIONS: 'pino' }],
      ['without OTLP export', { OTEL_TRACES_EXPORTER: 'none' }],
    ]);
  });

  it('prices a part as what switching it off gives back, and as a share of all of tracing', () => {
    const priced = priceParts([
      configuration('off', 10, 500, 2.5),
      configuration('all on', 11, 350, 4.1),
      configuration('without pg', 10.8, 385, 3.7),
      configuration('without pino', 11.1, 345, 4.15),
    ]);
    expect(priced.tracing).toEqual({ cpuMsPerRequest: 1.6, throughputLoss: 0.3, p50Ms: 1 });
    expect(priced.parts).toEqual([
      { part: 'pg', cpuMsPerRequest: 0.4, shareOfTracing: 0.25, throughputGain: 0.1, p50Ms: 0.2 },
      // Noise can make a part look free or dearer than nothing: reported as measured.
      { part: 'pino', cpuMsPerRequest: -0.05, shareOfTracing: -0.031, throughputGain: -0.0143, p50Ms: -0.1 },
    ]);
  });

  it('refuses results without the two configurations every price is taken against', () => {
    expect(() => priceParts([configuration('all on', 11, 350, 4.1)])).toThrow("the price list has no 'off' configuration");
  });
});
