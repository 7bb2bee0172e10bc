// Normal-distribution numerics shared by every plugin that turns a Gaussian model into an error
// rate (bit errors, sense-amplifier decisions, out-of-band fractions): generic mathematics, no device
// or circuit knowledge, so it lives in core once instead of in each plugin.

/**
 * Standard normal cumulative distribution Φ(x) through erfc, with a relative error below 1.2e-7 in
 * the far tails too, which bit-error rates down to 1e-10 need.
 * @example normalCdf(-2.326) // returns ~0.01
 * @since 0.1.0
 */
export function normalCdf(x: number): number {
  return 0.5 * complementaryErrorFunction(-x / Math.SQRT2)
}

/**
 * erfc(x) = 1 − erf(x): Numerical Recipes in C (2nd ed.) §6.2 `erfcc`, a Chebyshev fit with
 * fractional error below 1.2e-7 everywhere.
 * @since 0.1.0
 */
export function complementaryErrorFunction(x: number): number {
  const z = Math.abs(x)
  const t = 1 / (1 + 0.5 * z)
  const polynomial =
    -z * z -
    1.26551223 +
    t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))))
  const value = t * Math.exp(polynomial)
  return x >= 0 ? value : 2 - value
}

/**
 * Inverse of the standard normal CDF, Φ⁻¹(p), by P. J. Acklam's rational approximation refined with
 * one Halley step (relative error ~1e-9).
 * @example normalQuantile(0.975) // returns ~1.95996
 * @since 0.1.0
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return -Infinity
    if (p === 1) return Infinity
    return Number.NaN
  }
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239]
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1]
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783]
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416]
  const low = 0.02425
  let x: number
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p))
    x = (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1)
  } else if (p <= 1 - low) {
    const q = p - 0.5
    const r = q * q
    x = ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p))
    x = -(((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1)
  }
  // One Halley refinement step against the accurate CDF.
  const error = normalCdf(x) - p
  const u = error * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2)
  return x - u / (1 + (x * u) / 2)
}
