// How the benchmark's tables write a figure: 'n/a' for one that was not measured.

// A ratio against a baseline of zero is NaN, which JSON turns into null: either reads as n/a.
export function known(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export function fixed(value: number | null | undefined, decimals: number): string {
  return known(value) ? value.toFixed(decimals) : 'n/a';
}

export function signed(value: number): string {
  return known(value) ? `${value >= 0 ? '+' : ''}${value.toFixed(2)}` : 'n/a';
}

export function signedPercent(fraction: number): string {
  return known(fraction) ? `${fraction >= 0 ? '+' : ''}${(fraction * 100).toFixed(1)}%` : 'n/a';
}
