import { defineComponentCost } from '@cimkit/core'
import type { MvmCallV1, ReliabilityMiddlewareV1 } from '@cimkit/core'
import { arrayKeyOf } from '../host/array-key.js'
import { HOROWITZ_45NM } from '../cost/horowitz-45nm.js'
import type { AddedComponent } from '../cost/technique-cost.js'
import { alternatingPolarityOptionsSchema } from './alternating-polarity-options.js'
import type { AlternatingPolarityOptions } from './alternating-polarity-options.js'

/**
 * Paper 000 §5 (Yan et al., Adv. Intell. Syst. 2019, citing Yan et al., ICCAD 2017): adaptively
 * alternating the sensing direction with a feedback controller improves weight stability 14.9× on
 * average against read disturb.
 * @since 0.1.0
 */
export const PAPER_000_STABILITY_GAIN = 14.9

/**
 * Read-disturb mitigation by alternating read polarity, as middleware. A reverse read drives −x and
 * negates the result, so the MVM is unchanged while the disturb it causes points the other way
 * (bipolar RRAM: the SET direction raises G, the RESET direction lowers it).
 *
 * Contract with the host: a drive plane whose non-zero levels are all negative is read at polarity
 * −1, and the host applies the device's `applyReadDisturb` with that polarity. `alternate` flips
 * the polarity every plane; `feedback` keeps an estimate of the accumulated disturb (+1 per forward
 * read, −ratio per reverse read) and reads against it, which balances unequal SET/RESET disturb.
 * The polarity history is kept per array (by `MvmCallV1.arrayId`), across calls.
 * @since 0.1.0
 */
export class AlternatingPolarity implements ReliabilityMiddlewareV1 {
  readonly specificationVersion = 'v1' as const
  readonly type = 'alternating-polarity'
  private readonly options: ReturnType<typeof alternatingPolarityOptionsSchema.parse>
  private readonly estimatedDisturb = new Map<string, number>()
  private totals = { reads: 0, reverseReads: 0 }

  constructor(options: AlternatingPolarityOptions = {}) {
    this.options = alternatingPolarityOptionsSchema.parse(options)
  }

  /** The polarity controller: one 8-bit accumulate per decision (the drivers are bipolar already). */
  get addedComponents(): readonly AddedComponent[] {
    const add = HOROWITZ_45NM.add8
    return [
      {
        name: 'readPolarity',
        count: 1,
        cost: defineComponentCost({
          componentClass: 'read-polarity-controller',
          energyPerActionJ: { decide: add.energyJ, reverseRead: 0 },
          areaMm2: add.areaUm2 * 1e-6,
          source: `${HOROWITZ_45NM.source}: 8-bit add per polarity decision (0.03 pJ, 36 µm²); bipolar RRAM row drivers already drive both polarities for SET/RESET`,
        }),
      },
    ]
  }

  /**
   * Since the run started: drive planes read (one polarity decision each), those read in reverse,
   * their fraction (0.5 for `alternate` on an even count), and the largest accumulated disturb
   * estimate left on an array, in forward reads (|Σ| of +1 per forward, −ratio per reverse read).
   */
  statistics(): { readonly reads: number; readonly reverseReads: number; readonly reverseReadFraction: number; readonly maxResidualDisturbReads: number } {
    let maxResidual = 0
    for (const estimate of this.estimatedDisturb.values()) maxResidual = Math.max(maxResidual, Math.abs(estimate))
    const { reads, reverseReads } = this.totals
    return { reads, reverseReads, reverseReadFraction: reads === 0 ? 0 : reverseReads / reads, maxResidualDisturbReads: maxResidual }
  }

  wrapMvm(call: MvmCallV1): Float32Array {
    const { batch, rows, columns } = call
    const key = arrayKeyOf(call)
    let estimate = this.estimatedDisturb.get(key) ?? 0
    const ratio = this.options.policy === 'feedback' ? this.options.reverseToForwardDisturbRatio : 1
    const reversed = new Uint8Array(batch)
    const drive = Float32Array.from(call.inputs)
    let reverseReads = 0
    for (let plane = 0; plane < batch; plane++) {
      // Alternation is the feedback rule with equal disturb: the estimate swings between 0 and 1.
      if (estimate > 0) {
        reversed[plane] = 1
        reverseReads++
        estimate -= ratio
        for (let row = 0; row < rows; row++) drive[plane * rows + row] = -drive[plane * rows + row]!
      } else {
        estimate += 1
      }
    }
    this.estimatedDisturb.set(key, estimate)
    const out = call.doMvm(drive)
    for (let plane = 0; plane < batch; plane++) {
      if (reversed[plane] === 0) continue
      for (let column = 0; column < columns; column++) out[plane * columns + column] = -out[plane * columns + column]!
    }
    this.totals = { reads: this.totals.reads + batch, reverseReads: this.totals.reverseReads + reverseReads }
    call.record('readPolarity', 'decide', batch)
    call.record('readPolarity', 'reverseRead', reverseReads)
    return out
  }

  toJSON(): Record<string, unknown> {
    return { type: this.type, ...this.options }
  }
}

/** Creates alternating-polarity middleware. @since 0.1.0 */
export function createAlternatingPolarity(options: AlternatingPolarityOptions = {}): AlternatingPolarity {
  return new AlternatingPolarity(options)
}
