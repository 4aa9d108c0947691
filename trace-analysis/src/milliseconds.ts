// Jaeger counts microseconds; the API answers in milliseconds, kept to the microsecond.
export function toMs(micros: number): number {
  return Math.round(micros) / 1000;
}

export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
