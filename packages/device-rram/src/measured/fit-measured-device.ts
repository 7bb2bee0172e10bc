import { InvalidArgumentError } from '@cimkit/core'
import { fitGaussianMixture } from './fit-gaussian-mixture.js'
import type { GaussianMixtureFit } from './fit-gaussian-mixture.js'
import { measuredDeviceDescriptionSchema } from './measured-device-description.js'
import type { MeasuredDeviceDescription } from './measured-device-description.js'
import { parseMeasurementsCsv } from './parse-measurements-csv.js'

/** How `fitMeasuredDevice` models each level. @since 0.1.0 */
export interface FitMeasuredDeviceOptions {
  /** Number of levels the cells were programmed to; every level 0..levels−1 must have rows. */
  readonly levels: number
  /** `gaussian-mixture` fits each level by EM; `empirical` keeps the samples and resamples them. */
  readonly method: 'gaussian-mixture' | 'empirical'
  /** Components per level; absent = K = 1, 2, … up to 4 (and N/10) while the BIC keeps falling. */
  readonly components?: number
  /** Recorded in the description, e.g. the CSV's file name. */
  readonly source?: string
}

function bestMixture(samples: Float64Array, components: number | undefined): GaussianMixtureFit {
  if (components !== undefined) return fitGaussianMixture(samples, components)
  const largest = Math.max(1, Math.min(4, Math.floor(samples.length / 10)))
  let best = fitGaussianMixture(samples, 1)
  // Greedy: stop at the first K whose BIC does not improve on K − 1.
  for (let k = 2; k <= largest; k++) {
    const candidate = fitGaussianMixture(samples, k)
    if (candidate.bic >= best.bic) break
    best = candidate
  }
  return best
}

/**
 * Fits a device from measured cells (the function behind `cimkit device fit`): per level, a
 * Gaussian mixture by EM (paper 002 fitted its 2-bit levels "with a linear combination of multiple
 * Gaussians") or the empirical samples. Throws `MeasurementsCsvError` for a malformed CSV and
 * `InvalidArgumentError` when level means do not ascend.
 * @example fitMeasuredDevice(csv, { levels: 4, method: 'gaussian-mixture' }).levels.length // returns 4
 * @since 0.1.0
 */
export function fitMeasuredDevice(csvText: string, options: FitMeasuredDeviceOptions): MeasuredDeviceDescription {
  if (!Number.isInteger(options.levels) || options.levels < 2) throw new InvalidArgumentError('levels', `expected an integer ≥ 2, got ${options.levels}`)
  const measurements = parseMeasurementsCsv(csvText, { levels: options.levels })
  const levels = Array.from({ length: options.levels }, (_, level) => {
    const samples = Float64Array.from(measurements.filter((measurement) => measurement.level === level), (measurement) => measurement.conductanceS)
    const meanS = samples.reduce((sum, value) => sum + value, 0) / samples.length
    const stdS = Math.sqrt(samples.reduce((sum, value) => sum + (value - meanS) ** 2, 0) / Math.max(1, samples.length - 1))
    const base = { level, count: samples.length, meanS, stdS }
    if (options.method === 'empirical') return { ...base, samplesS: Array.from(samples) }
    if (stdS === 0) return { ...base, components: [{ weight: 1, meanS, stdS: Math.max(meanS * 1e-9, Number.MIN_VALUE) }] }
    return { ...base, components: bestMixture(samples, options.components).components.map((c) => ({ ...c })) }
  })
  for (let level = 1; level < levels.length; level++) {
    if (levels[level]!.meanS <= levels[level - 1]!.meanS) {
      throw new InvalidArgumentError('measurements', `level ${level} has a mean conductance (${levels[level]!.meanS} S) not above level ${level - 1}'s (${levels[level - 1]!.meanS} S)`)
    }
  }
  return measuredDeviceDescriptionSchema.parse({
    format: 'cimkit-measured-device',
    version: 1,
    method: options.method,
    ...(options.source === undefined ? {} : { source: options.source }),
    levels,
  })
}
