import { InvalidArgumentError } from '@cimkit/core'
import type { RandomSource } from '@cimkit/core'
import type { ProgrammingError } from './programming-error-options.js'

function perLevel(value: number | readonly number[], level: number, name: string): number {
  if (typeof value === 'number') return value
  if (level < 0) throw new InvalidArgumentError(name, 'per-level values need a device with discrete levels')
  return value[Math.min(level, value.length - 1)]!
}

/** One level's mixture for inverse-CDF sampling of the component: cumulative weights plus parameters. */
interface MixtureTable {
  readonly cumulative: Float64Array
  readonly means: Float64Array
  readonly stds: Float64Array
  /** Weighted mean of the mixture: the level's nominal conductance. */
  readonly mean: number
}

function mixtureTable(components: readonly { weight: number; meanS: number; stdS: number }[]): MixtureTable {
  const total = components.reduce((sum, component) => sum + component.weight, 0)
  const cumulative = new Float64Array(components.length)
  let running = 0
  let mean = 0
  components.forEach((component, index) => {
    running += component.weight / total
    cumulative[index] = running
    mean += (component.weight / total) * component.meanS
  })
  cumulative[components.length - 1] = 1
  return { cumulative, means: Float64Array.from(components, (c) => c.meanS), stds: Float64Array.from(components, (c) => c.stdS), mean }
}

/**
 * Draws programmed conductances from a `ProgrammingError` description. Gaussian and lognormal errors
 * scale with the target (state-dependent); mixture and empirical errors are per level and are
 * shifted so their mean is the target (the level itself, unless device-to-device variation moved it).
 * @since 0.1.0
 */
export class LevelSampler {
  private readonly mixtures: readonly MixtureTable[] | null
  private readonly samples: readonly Float64Array[] | null
  private readonly means: readonly number[] | null

  constructor(readonly error: ProgrammingError) {
    this.mixtures = error.kind === 'mixture' ? error.levels.map((level) => mixtureTable(level.components)) : null
    this.samples = error.kind === 'empirical' ? error.levels.map((level) => Float64Array.from(level.samplesS)) : null
    if (this.mixtures !== null) this.means = this.mixtures.map((table) => table.mean)
    else if (this.samples !== null) this.means = this.samples.map((values) => values.reduce((sum, value) => sum + value, 0) / values.length)
    else this.means = null
  }

  /** Mean conductance of each level for per-level errors; `null` for target-relative errors. */
  levelMeansS(): number[] | null {
    return this.means === null ? null : [...this.means]
  }

  /**
   * Fills `out[i]` with a programmed conductance for `targets[i]`, whose level index is `levels[i]`
   * (−1 for an analog device). A per-level distribution is moved so its mean is the target. Draws
   * from `random` only.
   */
  sample(targets: Float64Array, levels: Int32Array, random: RandomSource, out: Float32Array): void {
    const error = this.error
    const count = targets.length
    if (error.kind === 'gaussian' || error.kind === 'lognormal') {
      const normals = new Float64Array(count)
      random.fillNormal(normals)
      for (let index = 0; index < count; index++) {
        const target = targets[index]!
        const level = levels[index]!
        if (error.kind === 'gaussian') {
          const std = perLevel(error.relativeStd, level, 'relativeStd') * target + perLevel(error.absoluteStdS, level, 'absoluteStdS')
          out[index] = Math.max(0, target + std * normals[index]!)
        } else {
          out[index] = target * Math.exp(perLevel(error.sigmaLn, level, 'sigmaLn') * normals[index]!)
        }
      }
      return
    }
    const levelMeansS = this.means!
    for (let index = 0; index < count; index++) {
      const level = levels[index]!
      if (level < 0) throw new InvalidArgumentError('programmingError', `${error.kind} errors need discrete levels`)
      const shift = targets[index]! - levelMeansS[level]!
      let value: number
      if (this.mixtures !== null) {
        const table = this.mixtures[level]!
        const u = random.nextUniform()
        let component = 0
        while (component < table.cumulative.length - 1 && u >= table.cumulative[component]!) component++
        value = table.means[component]! + table.stds[component]! * random.nextNormal()
      } else {
        const values = this.samples![level]!
        value = values[Math.floor(random.nextUniform() * values.length)]!
      }
      out[index] = Math.max(0, value + shift)
    }
  }
}
