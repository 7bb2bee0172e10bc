import type { ComponentCostModelV1, EncodedInputV1, InputEncoderV1 } from '@cimkit/core'

/**
 * Drives one input plane that another encoder already produced: values are plane levels divided by
 * the largest |level| and are rounded to the `levels` steps of that encoder, so the engine profiles
 * the same drive interval and quantum per read as the original encoder's plane (a bit-serial
 * plane: 0/1, one step). Lets `engineMvm` read the planes of a bit-serial input one by one and add
 * them in float64, as PUMA's shift-and-add unit does in wide integer arithmetic.
 * @since 0.1.0
 */
export class PlaneEncoder implements InputEncoderV1 {
  readonly specificationVersion = 'v1' as const
  readonly type = 'plane'
  readonly bits: number
  readonly signed: boolean
  readonly cycles = 1
  readonly cost: ComponentCostModelV1
  private readonly levels: number
  private readonly planeWeights = Float64Array.of(1)

  /**
   * @param signed whether planes can be negative (sign-magnitude planes, multi-level signed DACs)
   * @param levels non-zero magnitude steps of a plane (1 for a bit plane)
   * @param cost the original encoder's cost (the drive is the same)
   */
  constructor(signed: boolean, levels: number, cost: ComponentCostModelV1) {
    this.signed = signed
    this.levels = levels
    this.cost = cost
    this.bits = Math.ceil(Math.log2(levels + 1)) + (signed ? 1 : 0)
  }

  encode(values: Float32Array): EncodedInputV1 {
    const planes = new Float32Array(values.length)
    const low = this.signed ? -1 : 0
    for (let index = 0; index < values.length; index++) planes[index] = Math.round(Math.min(1, Math.max(low, values[index] as number)) * this.levels) / this.levels
    return { planes, cycles: 1, planeWeights: this.planeWeights }
  }

  toJSON(): Record<string, unknown> {
    return { type: this.type, signed: this.signed, levels: this.levels }
  }
}
