import type { DeviceModelV1, ProgrammedCellsV1, RandomSource } from '@cimkit/core'
import { TEST_DEVICE_COST } from './test-device-cost.js'

/** Options of the read-disturb test double. @since 0.1.0 */
export interface ReadDisturbTestDeviceOptions {
  readonly minS: number
  readonly maxS: number
  /** ΔG/G of one read at +1 polarity (the SET direction raises G). */
  readonly forwardDisturbPerRead: number
  /** ΔG/G of one read at −1 polarity (the RESET direction lowers G). */
  readonly reverseDisturbPerRead: number
  /** Random-walk σ of ΔG/G per read, drawn per cell and read (does not cancel). */
  readonly relativeStdPerRead?: number
}

/**
 * Test double: an analog bipolar RRAM cell whose reads disturb it in the direction of the read
 * polarity (paper 000 §5, Fig. 7b; Yan et al., ICCAD 2017): each +1 read multiplies G by
 * (1 + k₊), each −1 read by (1 − k₋). Unequal k₊ and k₋ (SET and RESET are not symmetric) leave a
 * residual drift even under perfectly alternating reads.
 * @since 0.1.0
 */
export class ReadDisturbTestDevice implements DeviceModelV1 {
  readonly specificationVersion = 'v1' as const
  readonly type = 'test-read-disturb'
  readonly conductanceRangeS: { readonly minS: number; readonly maxS: number }
  readonly levelsS = null
  readonly cost = TEST_DEVICE_COST

  constructor(private readonly options: ReadDisturbTestDeviceOptions) {
    this.conductanceRangeS = { minS: options.minS, maxS: options.maxS }
  }

  doProgram(targetsS: Float32Array): ProgrammedCellsV1 {
    const conductanceS = new Float32Array(targetsS.length)
    for (let index = 0; index < targetsS.length; index++) conductanceS[index] = Math.min(this.options.maxS, Math.max(this.options.minS, targetsS[index]!))
    return { conductanceS }
  }

  applyReadDisturb(cells: ProgrammedCellsV1, readCount: number, polarity: 1 | -1, random: RandomSource): void {
    const step = polarity === 1 ? 1 + this.options.forwardDisturbPerRead : 1 - this.options.reverseDisturbPerRead
    const factor = Math.pow(step, readCount)
    const std = (this.options.relativeStdPerRead ?? 0) * Math.sqrt(readCount)
    const values = cells.conductanceS
    for (let index = 0; index < values.length; index++) {
      const noisy = values[index]! * (factor + (std === 0 ? 0 : std * random.nextNormal()))
      values[index] = Math.min(this.options.maxS, Math.max(this.options.minS, noisy))
    }
  }

  toJSON(): Record<string, unknown> {
    return { type: this.type, ...this.options }
  }
}

/** Relative drift |G_N/G_0 − 1| of the double after `reads` forward reads (closed form). @since 0.1.0 */
export function fixedPolarityDrift(forward: number, reads: number): number {
  return Math.abs(Math.pow(1 + forward, reads) - 1)
}

/** Relative drift after `reads` (even) reads alternating +, −, +, … (closed form). @since 0.1.0 */
export function alternatingPolarityDrift(forward: number, reverse: number, reads: number): number {
  return Math.abs(Math.pow((1 + forward) * (1 - reverse), reads / 2) - 1)
}

/**
 * The reverse-read disturb at which alternation improves stability by `gain` over fixed polarity
 * after `reads` reads (bisection on the closed forms): how the double is fitted to a reported gain.
 * @since 0.1.0
 */
export function reverseDisturbForGain(forward: number, reads: number, gain: number): number {
  let low = 0
  let high = forward
  for (let step = 0; step < 200; step++) {
    const middle = (low + high) / 2
    // A reverse disturb closer to the forward one cancels more: the gain rises with it.
    if (fixedPolarityDrift(forward, reads) / alternatingPolarityDrift(forward, middle, reads) < gain) low = middle
    else high = middle
  }
  return (low + high) / 2
}
