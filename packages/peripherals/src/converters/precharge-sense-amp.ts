import type { ComponentCostModelV1, ConversionRangeV1, OutputConverterV1, RandomSource } from '@cimkit/core'
import { InvalidArgumentError } from '@cimkit/core'
import { z } from 'zod'
import { senseAmpCost } from '../cost/sense-amp-cost.js'
import { technologyFields } from '../options/common-options.js'
import { normalCdf as standardNormalCdf } from '@cimkit/core'
import { ScratchBuffer } from './scratch-buffer.js'

/** Options of the `pcsa` and `pcsa-xnor` converters. @since 0.1.0 */
export const prechargeSenseAmpOptionsSchema = z
  .object({
    decisionNoiseStdLn: z
      .number()
      .min(0)
      .default(0.34)
      .describe('decision noise σ in ln(R_a/R_b), per read (0.34: fitted to paper 004 — 1T1R 1.2 % → 2T2R 0.2 % and no errors for ratios ≥ 5; research/seed-002-004.md B.1.2)'),
    offsetStdLn: z.number().min(0).default(0).describe('static offset σ per PCSA (column) in ln(R_a/R_b)'),
    ...technologyFields(130, 'paper 004, 130 nm'),
  })
  .strict()

/** @since 0.1.0 */
export type PrechargeSenseAmpOptions = z.input<typeof prechargeSenseAmpOptionsSchema>

/**
 * Probability that a PCSA misreads a complementary pair whose resistances differ by `resistanceRatio`
 * (≥ 1): the branch with the lower resistance discharges first and wins unless the decision noise
 * exceeds ln(ratio), P = Φ(−ln(ratio)/σ). With σ = 0.34 (paper 004 calibration): ratio 2 → 2 %,
 * ratio 5 → 1e-6 ("errors only if the two resistances differ by less than a factor five").
 * @example pcsaErrorProbability(5) // returns ~1.1e-6
 * @since 0.1.0
 */
export function pcsaErrorProbability(resistanceRatio: number, decisionNoiseStdLn = 0.34): number {
  if (!(resistanceRatio > 0)) throw new InvalidArgumentError('resistanceRatio', `must be positive, got ${resistanceRatio}`)
  if (decisionNoiseStdLn === 0) return resistanceRatio > 1 ? 0 : 0.5
  return standardNormalCdf(-Math.abs(Math.log(resistanceRatio)) / decisionNoiseStdLn)
}

/**
 * Precharge sense amplifier reading a 2T2R pair (paper 004, B.1.3): both branches precharge to V_DD
 * and discharge through their device; the less resistive branch latches. Decision = sign of
 * ln(G_a/G_b) + noise (+ static offset). The XNOR variant's four extra transistors let the input bit
 * X swap the branches, so it returns XNOR(X, stored bit) in the same read.
 *
 * `convert` (engine path) reads each value's offset from the range centre over the half-range as the
 * pair's normalised differential conductance u = (G_a − G_b)/(G_a + G_b) ∈ (−1, 1) — the engine passes
 * a range of ±(G_a + G_b) — so ln(G_a/G_b) = ln((1 + u)/(1 − u)); it outputs range.max for "a wins".
 * For an XNOR read the engine presents X·u. `readPairs` reads conductances directly.
 * @since 0.1.0
 */
export class PrechargeSenseAmp implements OutputConverterV1 {
  readonly specificationVersion = 'v1' as const
  readonly bits = 1
  readonly cost: ComponentCostModelV1
  private readonly noise = new ScratchBuffer()
  private readonly offsets = new ScratchBuffer()

  constructor(
    readonly type: 'pcsa' | 'pcsa-xnor',
    private readonly options: z.output<typeof prechargeSenseAmpOptionsSchema>,
  ) {
    this.cost = senseAmpCost(type, options)
  }

  convert(values: Float32Array, columns: number, range: ConversionRangeV1, random: RandomSource, out: Float32Array): void {
    if (!(range.max > range.min)) throw new InvalidArgumentError('range', `max must exceed min, got [${range.min}, ${range.max}]`)
    if (out.length < values.length) throw new InvalidArgumentError('out', `needs ${values.length} values, has ${out.length}`)
    const centre = (range.max + range.min) / 2
    const half = (range.max - range.min) / 2
    const limit = 1 - 1e-7
    this.decide(values.length, columns, random, (index) => {
      let u = (values[index]! - centre) / half
      u = u > limit ? limit : u < -limit ? -limit : u
      return Math.log((1 + u) / (1 - u))
    }, (index, aWins) => {
      out[index] = aWins ? range.max : range.min
    })
  }

  /**
   * Reads pairs of conductances (siemens), laid out `count × columns`: `out[i]` = 1 when branch a
   * (the lower resistance) wins. With `inputBits` (XNOR variant), returns XNOR(input, that bit).
   */
  readPairs(conductanceA: Float32Array, conductanceB: Float32Array, columns: number, random: RandomSource, out: Uint8Array, inputBits?: Uint8Array): void {
    if (conductanceB.length !== conductanceA.length || out.length < conductanceA.length) {
      throw new InvalidArgumentError('conductanceB', 'pairs and output must have the same length')
    }
    if (inputBits !== undefined && this.type !== 'pcsa-xnor') throw new InvalidArgumentError('inputBits', 'only the pcsa-xnor variant computes XNOR with an input')
    this.decide(conductanceA.length, columns, random, (index) => Math.log(conductanceA[index]! / conductanceB[index]!), (index, aWins) => {
      const bit = aWins ? 1 : 0
      out[index] = inputBits === undefined || inputBits[index] === 1 ? bit : 1 - bit
    })
  }

  private decide(count: number, columns: number, random: RandomSource, lnRatio: (index: number) => number, write: (index: number, aWins: boolean) => void): void {
    if (count % columns !== 0) throw new InvalidArgumentError('columns', `${count} values are not a multiple of ${columns} columns`)
    const offsets = this.offsets.take(columns)
    if (this.options.offsetStdLn > 0) random.stream('mismatch', 'pcsa').fillNormal(offsets, 0, this.options.offsetStdLn)
    else offsets.fill(0)
    const noise = this.options.decisionNoiseStdLn > 0 ? this.noise.take(count) : null
    if (noise !== null) random.fillNormal(noise, 0, this.options.decisionNoiseStdLn)
    for (let index = 0; index < count; index++) {
      write(index, lnRatio(index) + offsets[index % columns]! + (noise === null ? 0 : noise[index]!) >= 0)
    }
  }

  toJSON(): Record<string, unknown> {
    return { type: this.type, ...this.options }
  }
}

/**
 * Builds a `pcsa` or `pcsa-xnor` converter from (unvalidated) options.
 * @example createPrechargeSenseAmp('pcsa-xnor').cost.componentClass // returns 'sense-amp-pcsa-xnor'
 * @since 0.1.0
 */
export function createPrechargeSenseAmp(type: 'pcsa' | 'pcsa-xnor', options: PrechargeSenseAmpOptions = {}): PrechargeSenseAmp {
  return new PrechargeSenseAmp(type, prechargeSenseAmpOptionsSchema.parse(options))
}
