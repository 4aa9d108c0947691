// How many of n traces a sampler that keeps each with probability p may keep, before the checker says
// it keeps another share: the central range of the binomial distribution, each tail outside it less
// likely than maxFailure / 2. Task 12 judges a 10% policy by it, and must never fail a right one.

export interface KeptRange {
  low: number;
  high: number;
}

export function binomialRange(n: number, p: number, maxFailure: number): KeptRange {
  const probabilities = Array.from({ length: n + 1 }, (_, k) => Math.exp(logChoose(n, k) + k * Math.log(p) + (n - k) * Math.log1p(-p)));
  const tail = maxFailure / 2;
  let low = 0;
  for (let below = 0; below + (probabilities[low] as number) < tail; low++) below += probabilities[low] as number;
  let high = n;
  for (let above = 0; above + (probabilities[high] as number) < tail; high--) above += probabilities[high] as number;
  return { low, high };
}

function logChoose(n: number, k: number): number {
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}

function logFactorial(n: number): number {
  let sum = 0;
  for (let i = 2; i <= n; i++) sum += Math.log(i);
  return sum;
}
