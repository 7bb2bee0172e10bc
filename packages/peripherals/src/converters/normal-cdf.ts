/**
 * Complementary error function, fractional error below 1.2e-7 everywhere (Chebyshev fit of
 * Numerical Recipes in C, 2nd ed., §6.2, `erfcc`).
 * @example complementaryErrorFunction(0) // returns 1
 * @since 0.1.0
 */
export function complementaryErrorFunction(x: number): number {
  const z = Math.abs(x)
  const t = 1 / (1 + 0.5 * z)
  const polynomial =
    -z * z -
    1.26551223 +
    t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))))
  const result = t * Math.exp(polynomial)
  return x >= 0 ? result : 2 - result
}

/**
 * Standard normal cumulative distribution Φ(x).
 * @example standardNormalCdf(-1.96) // returns ~0.025
 * @since 0.1.0
 */
export function standardNormalCdf(x: number): number {
  return 0.5 * complementaryErrorFunction(-x / Math.SQRT2)
}
