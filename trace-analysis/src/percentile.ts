// Nearest-rank percentile (the smallest value with at least p% of the values at or below it): always
// a value that was really observed. `values` need not be sorted.
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

export function median(sortedValues: readonly number[]): number {
  const middle = sortedValues.length / 2;
  if (sortedValues.length % 2 === 1) return sortedValues[Math.floor(middle)] as number;
  return ((sortedValues[middle - 1] as number) + (sortedValues[middle] as number)) / 2;
}
