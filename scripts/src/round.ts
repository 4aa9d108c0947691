// Rounds to a number of decimals, for figures printed and put in JSON.
export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
