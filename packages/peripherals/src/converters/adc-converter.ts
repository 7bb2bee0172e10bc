import type { ComponentCostModelV1, ConversionRangeV1, OutputConverterV1, RandomSource } from '@cimkit/core'
import { InvalidArgumentError } from '@cimkit/core'
import { codeOfFraction, quantizationLevels } from './quantization-levels.js'
import type { QuantizationLevels } from './quantization-levels.js'
import { ScratchBuffer } from './scratch-buffer.js'
import { drawSharedMismatch } from './shared-mismatch.js'

/** The behavioural parameters of an ADC. @since 0.1.0 */
export interface AdcBehaviour {
  readonly bits: number
  /** Columns multiplexed onto one converter instance (they share its static draws). */
  readonly columnsPerConverter: number
  readonly offsetStdLsb: number
  readonly noiseStdLsb: number
  readonly references?: readonly number[] | undefined
  /** Flash only: static σ of each comparator's own threshold, LSB (thermometer decoding). */
  readonly comparatorMismatchStdLsb?: number | undefined
}

/**
 * An ADC in the loop: maps each value's position in `range` to a code and back to the value at that
 * code's level, with clipping, a static offset per converter instance (shared by the
 * `columnsPerConverter` columns it serves through a mux), per-conversion
 * noise and, for a flash ADC, a static mismatch per comparator decoded by counting the comparators
 * that fire (bubble-tolerant thermometer decoding).
 *
 * Static draws come from `random.stream('mismatch', …)`, so an engine that passes each array's own
 * stream on every call sees frozen offsets; noise is drawn from `random` itself.
 * @since 0.1.0
 */
export class AdcConverter implements OutputConverterV1 {
  readonly specificationVersion = 'v1' as const
  readonly bits: number
  /** No offset, noise or comparator mismatch, uniform levels: `convert` is the ideal quantizer. */
  readonly idealUniform: boolean
  private readonly quantization: QuantizationLevels
  private readonly noise = new ScratchBuffer()
  private readonly offsets = new ScratchBuffer()
  private readonly mismatch = new ScratchBuffer()

  constructor(
    readonly type: string,
    private readonly behaviour: AdcBehaviour,
    readonly cost: ComponentCostModelV1,
    private readonly options: Readonly<Record<string, unknown>>,
  ) {
    this.bits = behaviour.bits
    this.quantization = quantizationLevels(behaviour.bits, behaviour.references)
    this.idealUniform = this.quantization.uniform && behaviour.offsetStdLsb === 0 && behaviour.noiseStdLsb === 0 && !((behaviour.comparatorMismatchStdLsb ?? 0) > 0)
  }

  convert(values: Float32Array, columns: number, range: ConversionRangeV1, random: RandomSource, out: Float32Array): void {
    if (!(range.max > range.min)) throw new InvalidArgumentError('range', `max must exceed min, got [${range.min}, ${range.max}]`)
    if (values.length % columns !== 0 || out.length < values.length) {
      throw new InvalidArgumentError('values', `length ${values.length} is not a multiple of ${columns} columns, or out is too short`)
    }
    const { offsetStdLsb, noiseStdLsb } = this.behaviour
    const mismatchStdLsb = this.behaviour.comparatorMismatchStdLsb ?? 0
    const steps = 2 ** this.bits - 1
    const span = range.max - range.min
    const min = range.min
    const columnOffsets = this.offsets.take(columns)
    if (offsetStdLsb > 0) drawSharedMismatch(random.stream('mismatch', 'offset'), columnOffsets, this.behaviour.columnsPerConverter, 1, offsetStdLsb)
    else columnOffsets.fill(0)
    const noise = noiseStdLsb > 0 ? this.noise.take(values.length) : null
    if (noise !== null) random.fillNormal(noise, 0, noiseStdLsb)
    if (mismatchStdLsb > 0) {
      this.convertThermometer(values, columns, range, random, out, columnOffsets, noise, mismatchStdLsb)
      return
    }
    const { uniform, levels } = this.quantization
    if (uniform && noise === null && offsetStdLsb === 0) {
      convertUniformIdeal(values, min, span, steps, out)
      return
    }
    const rows = values.length / columns
    // NOTE: hot path (the engine converts every column of every read): nested loops avoid a modulo
    // per value and the uniform case needs no search.
    for (let row = 0, index = 0; row < rows; row++) {
      for (let column = 0; column < columns; column++, index++) {
        const perturbationLsb = columnOffsets[column]! + (noise === null ? 0 : noise[index]!)
        if (uniform) {
          let code = Math.round(((values[index]! - min) / span) * steps + perturbationLsb)
          code = code < 0 ? 0 : code > steps ? steps : code
          out[index] = min + (code / steps) * span
        } else {
          const code = codeOfFraction(this.quantization, (values[index]! - min) / span + perturbationLsb / steps)
          out[index] = min + levels[code]! * span
        }
      }
    }
  }

  /** Flash with per-comparator thresholds: code = number of comparators whose input exceeds their threshold. */
  private convertThermometer(
    values: Float32Array,
    columns: number,
    range: ConversionRangeV1,
    random: RandomSource,
    out: Float32Array,
    columnOffsets: Float32Array,
    noise: Float32Array | null,
    mismatchStdLsb: number,
  ): void {
    const { thresholds, levels } = this.quantization
    const comparators = thresholds.length
    const steps = comparators
    const mismatch = this.mismatch.take(columns * comparators)
    drawSharedMismatch(random.stream('mismatch', 'comparators'), mismatch, this.behaviour.columnsPerConverter, comparators, mismatchStdLsb)
    const span = range.max - range.min
    for (let index = 0; index < values.length; index++) {
      const column = index % columns
      const perturbationLsb = columnOffsets[column]! + (noise === null ? 0 : noise[index]!)
      const fraction = (values[index]! - range.min) / span + perturbationLsb / steps
      let code = 0
      const base = column * comparators
      for (let comparator = 0; comparator < comparators; comparator++) {
        if (fraction >= thresholds[comparator]! + mismatch[base + comparator]! / steps) code++
      }
      out[index] = range.min + levels[code]! * span
    }
  }

  toJSON(): Record<string, unknown> {
    return { type: this.type, ...this.options }
  }
}

/**
 * The ideal uniform ADC (no offset, no noise, no comparator mismatch), exactly as
 * `OutputConverterV1.idealUniform` states it: codes per unit and the step computed once, round half
 * up as floor(t + 0.5) by truncation of a non-negative t. Codes stay below 2^31 (bits ≤ 30).
 */
function convertUniformIdeal(values: Float32Array, min: number, span: number, steps: number, out: Float32Array): void {
  const perUnit = steps / span
  const step = span / steps
  for (let index = 0; index < values.length; index++) {
    const position = (values[index]! - min) * perUnit + 0.5
    const code = position < 1 ? 0 : position >= steps ? steps : position | 0
    out[index] = min + code * step
  }
}
