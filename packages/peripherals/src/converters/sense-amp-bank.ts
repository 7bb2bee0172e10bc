import type { ComponentCostModelV1, ConversionRangeV1, OutputConverterV1, RandomSource } from '@cimkit/core'
import { InvalidArgumentError } from '@cimkit/core'
import { quantizationLevels } from './quantization-levels.js'
import type { QuantizationLevels } from './quantization-levels.js'
import { ScratchBuffer } from './scratch-buffer.js'
import { drawSharedMismatch } from './shared-mismatch.js'
import { senseAmpSigmasAsFraction } from './sense-amp-physics.js'
import type { SenseAmpPhysics } from './sense-amp-physics.js'

/**
 * Voltage-mode sense amplifiers comparing the bit line with reference voltages: one SA with one
 * shared reference (`voltage-sa`, paper 002's input splitting) or 2^B − 1 SAs against a reference
 * ladder (`sa-flash`, paper 002's 3-bit flash ADC), decoded by counting the SAs that fire. Each SA has
 * a static offset (drawn from `random.stream('mismatch', …)`, frozen per SA and shared by the
 * `columnsPerConverter` columns muxed onto it) and noise per
 * decision, both input-referred and growing as the supply falls (`senseAmpPhysicsFields`).
 * Values outside `range` clip: the bit line cannot leave its swing.
 * @since 0.1.0
 */
export class SenseAmpBank implements OutputConverterV1 {
  readonly specificationVersion = 'v1' as const
  readonly bits: number
  private readonly quantization: QuantizationLevels
  private readonly offsetFraction: number
  private readonly noiseFraction: number
  private readonly offsets = new ScratchBuffer()
  private readonly noise = new ScratchBuffer()

  constructor(
    readonly type: string,
    bits: number,
    references: readonly number[] | undefined,
    private readonly columnsPerConverter: number,
    physics: SenseAmpPhysics,
    readonly cost: ComponentCostModelV1,
    private readonly options: Readonly<Record<string, unknown>>,
  ) {
    this.bits = bits
    this.quantization = quantizationLevels(bits, references)
    const sigmas = senseAmpSigmasAsFraction(physics)
    this.offsetFraction = sigmas.offset
    this.noiseFraction = sigmas.noise
  }

  /** Input-referred σ of one decision (offset and noise combined), as a fraction of the range. */
  get decisionStdFraction(): number {
    return Math.hypot(this.offsetFraction, this.noiseFraction)
  }

  convert(values: Float32Array, columns: number, range: ConversionRangeV1, random: RandomSource, out: Float32Array): void {
    if (!(range.max > range.min)) throw new InvalidArgumentError('range', `max must exceed min, got [${range.min}, ${range.max}]`)
    if (values.length % columns !== 0 || out.length < values.length) {
      throw new InvalidArgumentError('values', `length ${values.length} is not a multiple of ${columns} columns, or out is too short`)
    }
    const { thresholds, levels } = this.quantization
    const amplifiers = thresholds.length
    const offsets = this.offsets.take(columns * amplifiers)
    if (this.offsetFraction > 0) drawSharedMismatch(random.stream('mismatch', 'sense-amp'), offsets, this.columnsPerConverter, amplifiers, this.offsetFraction)
    else offsets.fill(0)
    const noise = this.noiseFraction > 0 ? this.noise.take(values.length * amplifiers) : null
    if (noise !== null) random.fillNormal(noise, 0, this.noiseFraction)
    const span = range.max - range.min
    for (let index = 0; index < values.length; index++) {
      let fraction = (values[index]! - range.min) / span
      fraction = fraction < 0 ? 0 : fraction > 1 ? 1 : fraction
      const base = (index % columns) * amplifiers
      const noiseBase = index * amplifiers
      let code = 0
      for (let amplifier = 0; amplifier < amplifiers; amplifier++) {
        const perturbation = offsets[base + amplifier]! + (noise === null ? 0 : noise[noiseBase + amplifier]!)
        if (fraction - thresholds[amplifier]! + perturbation >= 0) code++
      }
      out[index] = range.min + levels[code]! * span
    }
  }

  toJSON(): Record<string, unknown> {
    return { type: this.type, ...this.options }
  }
}
