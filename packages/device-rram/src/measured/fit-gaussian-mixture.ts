import { InvalidArgumentError } from '@cimkit/core'

/** One fitted component. @since 0.1.0 */
export interface GaussianComponent {
  readonly weight: number
  readonly meanS: number
  readonly stdS: number
}

/** A fitted one-dimensional Gaussian mixture. @since 0.1.0 */
export interface GaussianMixtureFit {
  readonly components: readonly GaussianComponent[]
  readonly logLikelihood: number
  /** Bayesian information criterion, −2·LL + (3K − 1)·ln N. */
  readonly bic: number
  readonly iterations: number
}

const LOG_SQRT_TWO_PI = 0.5 * Math.log(2 * Math.PI)

/**
 * Expectation–maximisation for a K-component Gaussian mixture on 1-D samples (Bishop, Pattern
 * Recognition and Machine Learning, §9.2.2). Deterministic: components start at the sample quantiles
 * (k + ½)/K with equal weights. Variances are floored at 1e-6 of the sample variance so a component
 * cannot collapse onto one sample. Stops when the mean log-likelihood per sample gains less than
 * 1e-6 (scikit-learn's GaussianMixture stops at 1e-3) or after `maxIterations`.
 * @since 0.1.0
 */
export function fitGaussianMixture(samples: Float64Array, components: number, maxIterations = 300): GaussianMixtureFit {
  const count = samples.length
  if (!Number.isInteger(components) || components < 1) throw new InvalidArgumentError('components', `expected an integer ≥ 1, got ${components}`)
  if (count < 2 * components) throw new InvalidArgumentError('samples', `${count} samples cannot fit ${components} components (need ≥ ${2 * components})`)
  const sorted = Float64Array.from(samples).sort()
  let mean = 0
  for (const value of samples) mean += value / count
  let variance = 0
  for (const value of samples) variance += (value - mean) ** 2 / count
  const varianceFloor = Math.max(variance * 1e-6, (Math.abs(mean) * 1e-9) ** 2, Number.MIN_VALUE)
  const weights = new Float64Array(components).fill(1 / components)
  const means = Float64Array.from({ length: components }, (_, k) => sorted[Math.min(count - 1, Math.floor(((k + 0.5) / components) * count))]!)
  const variances = new Float64Array(components).fill(Math.max(variance / (components * components), varianceFloor))
  const responsibilities = new Float64Array(count * components)
  const logDensity = new Float64Array(components)
  const logNormaliser = new Float64Array(components)
  let logLikelihood = -Infinity
  let iterations = 0
  for (; iterations < maxIterations; iterations++) {
    // E step, in log space for stability in the tails.
    let total = 0
    for (let k = 0; k < components; k++) logNormaliser[k] = Math.log(weights[k]!) - LOG_SQRT_TWO_PI - 0.5 * Math.log(variances[k]!)
    for (let i = 0; i < count; i++) {
      let maximum = -Infinity
      for (let k = 0; k < components; k++) {
        const deviation = samples[i]! - means[k]!
        logDensity[k] = logNormaliser[k]! - (deviation * deviation) / (2 * variances[k]!)
        if (logDensity[k]! > maximum) maximum = logDensity[k]!
      }
      let sum = 0
      for (let k = 0; k < components; k++) sum += Math.exp(logDensity[k]! - maximum)
      const logSum = maximum + Math.log(sum)
      total += logSum
      for (let k = 0; k < components; k++) responsibilities[i * components + k] = Math.exp(logDensity[k]! - logSum)
    }
    // M step.
    for (let k = 0; k < components; k++) {
      let weightSum = 0
      let weightedSum = 0
      for (let i = 0; i < count; i++) {
        const r = responsibilities[i * components + k]!
        weightSum += r
        weightedSum += r * samples[i]!
      }
      const componentMean = weightSum > 0 ? weightedSum / weightSum : means[k]!
      let squares = 0
      for (let i = 0; i < count; i++) squares += responsibilities[i * components + k]! * (samples[i]! - componentMean) ** 2
      weights[k] = Math.max(weightSum / count, 1e-300)
      means[k] = componentMean
      variances[k] = Math.max(weightSum > 0 ? squares / weightSum : variance, varianceFloor)
    }
    const gain = total - logLikelihood
    logLikelihood = total
    if (gain >= 0 && gain < 1e-6 * count) break
  }
  const fitted = Array.from({ length: components }, (_, k) => ({ weight: weights[k]!, meanS: means[k]!, stdS: Math.sqrt(variances[k]!) })).sort((a, b) => a.meanS - b.meanS)
  return { components: fitted, logLikelihood, bic: -2 * logLikelihood + (3 * components - 1) * Math.log(count), iterations: iterations + 1 }
}
