// Milliseconds as the waterfall prints them: about four significant digits, so a column of them
// stays narrow whether a span took 0.15 ms or 1.2 s.
export function formatMs(ms: number): string {
  if (ms < 10) return ms.toFixed(2);
  if (ms < 10_000) return ms.toFixed(1);
  return ms.toFixed(0);
}

export function formatPercent(percentage: number): string {
  return `${percentage.toFixed(1)}%`;
}
