import { InvalidArgumentError } from '@cimkit/core'
import type { ProgramCallV1, ProgrammedCellsV1, ReliabilityMiddlewareV1 } from '@cimkit/core'
import { weightBitErrorsOptionsSchema } from './weight-bit-errors-options.js'
import type { WeightBitErrorsOptions } from './weight-bit-errors-options.js'

/** Bits stored and bits flipped over every block programmed since the run started. @since 0.1.0 */
export type WeightBitErrorStatistics = {
  /** Bits exposed to errors: cells (`cell`) or complementary pairs (`complementary-pair`). */
  readonly bits: number
  readonly flipped: number
}

/**
 * Injects weight bit errors at a given rate, as paper 004 (Hirtzlin et al. 2020, §3.2, Fig. 9) does
 * to measure a binarized network's tolerance: each stored bit is replaced by its complement with
 * probability `rate` before the device programs it, so the error persists for every read (it is an
 * error of the stored weight, as a programming or retention failure would be).
 *
 * `cell`: each cell's target moves to the other level. `complementary-pair`: cells are taken in
 * adjacent column pairs (G⁺, G⁻) and a flip swaps the pair's targets, so a 2T2R weight reads with
 * the opposite sign; an odd last column (a reference column) is left alone. Flips are drawn from
 * the call's random stream (`flips` child), one uniform per bit in row-major order.
 *
 * NOTE: binary devices only: a multi-level or analog cell has no single "opposite" state, so those
 * are refused rather than guessed at.
 * @since 0.1.0
 */
export class WeightBitErrors implements ReliabilityMiddlewareV1 {
  readonly specificationVersion = 'v1' as const
  readonly type = 'weight-bit-errors'
  private readonly options: ReturnType<typeof weightBitErrorsOptionsSchema.parse>
  private totals = { bits: 0, flipped: 0 }

  constructor(options: WeightBitErrorsOptions) {
    this.options = weightBitErrorsOptionsSchema.parse(options)
  }

  get rate(): number {
    return this.options.rate
  }

  statistics(): WeightBitErrorStatistics {
    return { ...this.totals }
  }

  wrapProgram(call: ProgramCallV1): ProgrammedCellsV1 {
    const { device, targetsS, rows, columns } = call
    const levels = device.levelsS
    if (levels === null || levels.length !== 2) {
      throw new InvalidArgumentError('device', `weight-bit-errors flips binary cells: device "${device.type}" has ${levels === null ? 'analog states' : `${levels.length} levels`}, so a flipped bit has no single opposite state`)
    }
    if (this.options.rate === 0) return call.doProgram(targetsS)
    const lowS = Math.min(levels[0]!, levels[1]!)
    const highS = Math.max(levels[0]!, levels[1]!)
    // Targets are the device's levels (Float32-rounded): the geometric mean separates them.
    const thresholdS = Math.sqrt(lowS * highS)
    const flips = call.random.stream('flips')
    const targets = Float32Array.from(targetsS)
    const { rate } = this.options
    let bits: number
    let flipped = 0
    if (this.options.storage === 'cell') {
      for (let index = 0; index < targets.length; index++) {
        if (flips.nextUniform() < rate) {
          targets[index] = targets[index]! > thresholdS ? lowS : highS
          flipped++
        }
      }
      bits = targets.length
    } else {
      const pairs = Math.floor(columns / 2)
      for (let row = 0; row < rows; row++) {
        for (let pair = 0; pair < pairs; pair++) {
          if (flips.nextUniform() >= rate) continue
          const index = row * columns + 2 * pair
          const positive = targets[index]!
          targets[index] = targets[index + 1]!
          targets[index + 1] = positive
          flipped++
        }
      }
      bits = rows * pairs
    }
    this.totals = { bits: this.totals.bits + bits, flipped: this.totals.flipped + flipped }
    return call.doProgram(targets)
  }

  toJSON(): Record<string, unknown> {
    return { type: this.type, ...this.options }
  }
}

/** Creates the `weight-bit-errors` middleware. @since 0.1.0 */
export function createWeightBitErrors(options: WeightBitErrorsOptions): WeightBitErrors {
  return new WeightBitErrors(options)
}
