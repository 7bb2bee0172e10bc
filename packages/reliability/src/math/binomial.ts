/**
 * Binomial coefficient C(n, k) as a double (exact for the code lengths used here, n ≤ 1024).
 * @example binomialCoefficient(8, 2) // returns 28
 * @since 0.1.0
 */
export function binomialCoefficient(n: number, k: number): number {
  if (k < 0 || k > n) return 0
  const smaller = Math.min(k, n - k)
  let value = 1
  for (let index = 1; index <= smaller; index++) value = (value * (n - smaller + index)) / index
  return value
}

/**
 * Probability of exactly `k` successes in `n` Bernoulli(p) trials, computed in log space so
 * p^k stays representable for small p and large k.
 * @example binomialProbability(8, 2, 0.01) // returns ~0.0026
 * @since 0.1.0
 */
export function binomialProbability(n: number, k: number, p: number): number {
  if (k < 0 || k > n) return 0
  if (p === 0) return k === 0 ? 1 : 0
  if (p === 1) return k === n ? 1 : 0
  return Math.exp(Math.log(binomialCoefficient(n, k)) + k * Math.log(p) + (n - k) * Math.log1p(-p))
}
