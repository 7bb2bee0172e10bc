import type { ConversionRangeV1 } from '@cimkit/core'
import type { CellLevels } from '../array/cell-levels.js'
import type { StageBounds } from '../conversion/conversion-range.js'
import { alignedRange, largestStageRange, percentileRange } from '../conversion/conversion-range.js'
import type { EncoderProfile } from '../encoding/encoder-profile.js'
import type { WeightEncoding } from '../mapping/weight-encoding.js'
import { biasDigit } from '../mapping/weight-encoding.js'
import type { AdcRangeOptions } from './engine-options.js'

/** One conversion stage: a slice and either one drive plane or the accumulation of all. @since 0.1.0 */
export interface Stage {
  readonly slice: number
  /** Encoder plane index, or null when planes are accumulated in analog before conversion. */
  readonly plane: number | null
}

/**
 * The converter range of every stage: from the array's bounds (`max`, `fixed`) or from
 * calibration samples (`calibrated`), cached per stage.
 * @since 0.1.0
 */
export class StageRanges {
  private readonly cache = new Map<string, ConversionRangeV1>()
  private readonly calibrated = new Map<string, ConversionRangeV1>()

  constructor(
    private readonly mode: AdcRangeOptions,
    private readonly encoding: WeightEncoding,
    private readonly levels: CellLevels,
    private readonly profile: EncoderProfile,
    private readonly rowsPerConversion: number,
    private readonly converterBits: number | null,
  ) {}

  /** Range for a stage; `planeWeights` are the digital weights of the planes accumulated (plane null). */
  rangeFor(stage: Stage, planeWeights: Float64Array, profilePlane: Int32Array): ConversionRangeV1 {
    const key = stageKey(stage)
    if (this.mode.mode === 'calibrated') {
      const range = this.calibrated.get(key)
      if (range !== undefined) return range
    }
    const cacheKey = stage.plane === null ? `${key}:${Array.from(planeWeights).join(',')}` : key
    let range = this.cache.get(cacheKey)
    if (range === undefined) {
      range = this.boundedRange(stage, planeWeights, profilePlane)
      this.cache.set(cacheKey, range)
    }
    return range
  }

  /** Sets calibrated ranges from the pre-conversion samples of each stage. */
  calibrate(samples: ReadonlyMap<string, Float32Array>, couldBeNegative: (slice: number) => boolean): void {
    if (this.mode.mode !== 'calibrated') return
    const { percentile, symmetric } = this.mode
    for (const [key, values] of samples) {
      const slice = Number(key.split(':')[0])
      const useSymmetric = symmetric === 'yes' || (symmetric === 'auto' && couldBeNegative(slice))
      this.calibrated.set(key, percentileRange(values, percentile, useSymmetric))
    }
  }

  /** Per-row digit interval of a slice, in digit units after analog subtraction. */
  digitBounds(slice: number): { readonly min: number; readonly max: number } {
    const { encoding, levels } = this
    if (encoding.pair) {
      const largest = Math.min(encoding.maxDigit, Math.floor(encoding.maxInteger / 2 ** (slice * encoding.bitsPerCell)))
      return { min: -largest, max: largest }
    }
    if (encoding.referenceColumn) {
      const bias = biasDigit(encoding, slice)
      return { min: -bias, max: encoding.maxDigit - bias }
    }
    return { min: levels.offsetDigits, max: levels.offsetDigits + encoding.maxDigit }
  }

  /**
   * The product LSB of a stage, in digit units × drive: the drive quantum (times the smallest plane
   * weight when planes are accumulated); 0 for ideal analog drive.
   */
  unitFor(stage: Stage, planeWeights: Float64Array): number {
    if (stage.plane !== null) return this.profile.quantum
    let smallestWeight = Infinity
    for (const weight of planeWeights) if (weight !== 0) smallestWeight = Math.min(smallestWeight, Math.abs(weight))
    return Number.isFinite(smallestWeight) ? this.profile.quantum * smallestWeight : 0
  }

  private boundedRange(stage: Stage, planeWeights: Float64Array, profilePlane: Int32Array): ConversionRangeV1 {
    const { profile, encoding } = this
    let driveMin = 0
    let driveMax = 0
    const unit = this.unitFor(stage, planeWeights)
    if (stage.plane !== null) {
      driveMin = profile.planeMin[stage.plane]!
      driveMax = profile.planeMax[stage.plane]!
    } else {
      for (let plane = 0; plane < planeWeights.length; plane++) {
        const weight = planeWeights[plane]!
        const low = weight * profile.planeMin[profilePlane[plane]!]!
        const high = weight * profile.planeMax[profilePlane[plane]!]!
        driveMin += Math.min(low, high)
        driveMax += Math.max(low, high)
      }
    }
    const digits = this.digitBounds(stage.slice)
    const rows = this.rowsPerConversion
    const bounds: StageBounds = {
      digitMin: digits.min,
      digitMax: digits.max,
      driveMin,
      driveMax,
      rows,
      ...(encoding.flip ? { columnDigitSumMax: Math.floor((encoding.maxDigit * rows) / 2) + this.levels.offsetDigits * rows } : {}),
    }
    const largest = largestStageRange(bounds)
    if (this.mode.mode === 'fixed') {
      const bound = Math.max(Math.abs(largest.min), Math.abs(largest.max))
      return { min: this.mode.min * bound, max: this.mode.max * bound }
    }
    return alignedRange(largest, unit, this.converterBits)
  }
}

/** Map key of a stage. @since 0.1.0 */
export function stageKey(stage: Stage): string {
  return `${stage.slice}:${stage.plane ?? 'accumulated'}`
}
