// The four ways the overhead part runs the mesh, as the environment each service is restarted with.
// Only the standard variables: the SDK reads them itself, as it would from docker-compose.yml.

export interface TracingConfiguration {
  // The column heading in the table and the key in the JSON.
  name: string;
  description: string;
  env: Record<string, string>;
}

// `parentbased_traceidratio`: the frontend, the root of every trace, decides by the trace id; every
// service below follows its decision, so a trace is kept whole or not at all.
const sampled = (ratio: string): Record<string, string> => ({
  OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
  OTEL_TRACES_SAMPLER_ARG: ratio,
});

export const TRACING_CONFIGURATIONS: readonly TracingConfiguration[] = [
  { name: 'off', description: 'OTEL_SDK_DISABLED=true: no SDK at all', env: { OTEL_SDK_DISABLED: 'true' } },
  // docker-compose.yml's own setting (parentbased_always_on): the lab as it ships.
  { name: '100%', description: 'every trace kept (docker-compose.yml as it is)', env: {} },
  { name: '10%', description: 'parentbased_traceidratio 0.1', env: sampled('0.1') },
  { name: '0%', description: 'parentbased_traceidratio 0: spans created, none recorded', env: sampled('0') },
];

// The configuration the overhead ratios are taken against.
export const BASELINE = 'off';
