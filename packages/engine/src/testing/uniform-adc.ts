import type { ConversionRangeV1, OutputConverterV1, RandomSource } from '@cimkit/core'
import { InvalidArgumentError } from '@cimkit/core'
import { testDoubleCost } from './test-cost.js'

/** Options of the {@link UniformAdc} test double. @since 0.1.0 */
export interface UniformAdcOptions {
  readonly bits: number
  /** Per-column input-referred offset std, LSB (drawn once per converter instance and column). */
  readonly offsetStdLsb?: number
  /** Per-conversion noise std, LSB. */
  readonly noiseStdLsb?: number
  readonly type?: string
  /** Declare `idealUniform` (only honoured without offset and noise), letting engines fuse the conversion. */
  readonly idealUniform?: boolean
}

/**
 * An ideal uniform ADC test double: 2^bits codes spread evenly over the range (step =
 * (max − min)/(2^bits − 1)), clip, round half away from the range minimum, map the code back to the
 * value. With bits = 1 it is a sense amplifier whose threshold is the middle of the range. Optional
 * static per-column offset, drawn from the child stream `random.stream('mismatch', 'offset')` (which
 * the engine keeps fixed per physical converter), and per-conversion Gaussian noise drawn directly
 * from `random` (fresh on every call).
 * @since 0.1.0
 */
export class UniformAdc implements OutputConverterV1 {
  readonly specificationVersion = 'v1' as const
  readonly type: string
  readonly bits: number
  readonly cost = testDoubleCost('adc-test-double', 'convert')
  readonly idealUniform: boolean

  constructor(private readonly options: UniformAdcOptions) {
    if (!Number.isInteger(options.bits) || options.bits < 1) throw new InvalidArgumentError('bits', `got ${options.bits}`)
    this.bits = options.bits
    this.type = options.type ?? 'uniform-adc'
    this.idealUniform = options.idealUniform === true && !((options.offsetStdLsb ?? 0) > 0) && !((options.noiseStdLsb ?? 0) > 0)
  }

  convert(values: Float32Array, columns: number, range: ConversionRangeV1, random: RandomSource, out: Float32Array): void {
    const maxCode = 2 ** this.bits - 1
    const step = (range.max - range.min) / maxCode
    const perUnit = maxCode / (range.max - range.min)
    const offsetStd = this.options.offsetStdLsb ?? 0
    const offsetsLsb = new Float64Array(columns)
    if (offsetStd > 0) {
      const mismatch = random.stream('mismatch', 'offset')
      for (let column = 0; column < columns; column++) offsetsLsb[column] = offsetStd * mismatch.nextNormal()
    }
    const noiseStd = (this.options.noiseStdLsb ?? 0) * step
    const min = range.min
    for (let start = 0; start < values.length; start += columns) {
      const end = Math.min(values.length, start + columns)
      for (let index = start; index < end; index++) {
        let value = values[index]! + offsetsLsb[index - start]! * step
        if (noiseStd > 0) value += noiseStd * random.nextNormal()
        // The ideal uniform quantizer of OutputConverterV1.idealUniform: code and level as it states them.
        const code = step > 0 ? Math.min(maxCode, Math.max(0, Math.floor((value - min) * perUnit + 0.5))) : 0
        out[index] = min + code * step
      }
    }
  }

  toJSON(): Record<string, unknown> {
    return { type: this.type, ...this.options }
  }
}
