import { StuckState } from '@cimkit/core'
import type { DeviceModelV1, ProgrammedCellsV1, RandomSource } from '@cimkit/core'
import { TEST_DEVICE_COST } from './test-device-cost.js'

/** Options of the multi-level test double. @since 0.1.0 */
export interface MultiLevelTestDeviceOptions {
  /** Programmable levels, ascending, siemens; the first and last bound the range. */
  readonly levelsS: readonly number[]
  /** Programming error σ of one programming attempt, per level, siemens (state-dependent). */
  readonly programmingStdS: readonly number[]
  readonly stuckLowProbability?: number
  readonly stuckHighProbability?: number
  /** `false` reports `levelsS: null` (an analog device whose σ follows the nearest level). */
  readonly quantized?: boolean
}

/**
 * Test double: a multi-level cell whose programming error is Gaussian with a σ that depends on the
 * level (state-dependent, as paper 002 Fig. 4's per-level distributions), plus stuck-at-low/high
 * cells (paper 000 §5, Fig. 7a). Faults come from the `faults` child of the stream handed in and
 * noise from the `noise` child, so one physical array (one stream, as the engine hands each array)
 * keeps its fault map however often it is programmed.
 * @since 0.1.0
 */
export class MultiLevelTestDevice implements DeviceModelV1 {
  readonly specificationVersion = 'v1' as const
  readonly type = 'test-multi-level'
  readonly conductanceRangeS: { readonly minS: number; readonly maxS: number }
  readonly levelsS: readonly number[] | null
  readonly cost = TEST_DEVICE_COST
  private readonly levels: readonly number[]

  constructor(private readonly options: MultiLevelTestDeviceOptions) {
    this.levels = [...options.levelsS]
    this.conductanceRangeS = { minS: this.levels[0]!, maxS: this.levels.at(-1)! }
    this.levelsS = options.quantized === false ? null : this.levels
  }

  /** Index of the level nearest to a conductance. */
  nearestLevel(conductanceS: number): number {
    let best = 0
    for (let level = 1; level < this.levels.length; level++) {
      if (Math.abs(this.levels[level]! - conductanceS) < Math.abs(this.levels[best]! - conductanceS)) best = level
    }
    return best
  }

  doProgram(targetsS: Float32Array, random: RandomSource): ProgrammedCellsV1 {
    const { minS, maxS } = this.conductanceRangeS
    const count = targetsS.length
    const conductanceS = new Float32Array(count)
    random.stream('noise').fillNormal(conductanceS, 0, 1)
    const faults = random.stream('faults')
    const stuck = new Uint8Array(count)
    const low = this.options.stuckLowProbability ?? 0
    const high = this.options.stuckHighProbability ?? 0
    for (let index = 0; index < count; index++) {
      const target = Math.min(maxS, Math.max(minS, targetsS[index]!))
      const draw = faults.nextUniform()
      if (draw < low) {
        stuck[index] = StuckState.stuckLow
        conductanceS[index] = minS
      } else if (draw < low + high) {
        stuck[index] = StuckState.stuckHigh
        conductanceS[index] = maxS
      } else {
        const std = this.options.programmingStdS[this.nearestLevel(target)]!
        conductanceS[index] = Math.max(0, target + std * conductanceS[index]!)
      }
    }
    return { conductanceS, stuck }
  }

  toJSON(): Record<string, unknown> {
    return { type: this.type, ...this.options, levelsS: [...this.options.levelsS], programmingStdS: [...this.options.programmingStdS] }
  }
}
