import type { DeviceModelV1, ProgrammedCellsV1, RandomSource } from '@cimkit/core'
import { TEST_DEVICE_COST } from './test-device-cost.js'

/** Options of the PCM-like drifting test double. @since 0.1.0 */
export interface DriftingTestDeviceOptions {
  readonly minS: number
  readonly maxS: number
  /** Programming error σ, siemens (0 isolates drift). */
  readonly programmingStdS?: number
  /**
   * `state-dependent` draws ν from aihwkit's PCMLikeNoiseModel fit (Nandakumar et al., ICECS 2019):
   * μ_ν = clip(−0.0155·ln ĝ + 0.0244, 0.049, 0.1), σ_ν = clip(−0.0125·ln ĝ − 0.0059, 0.008, 0.045),
   * ĝ = G/G_max (anchor-aihwkit §6.3); `constant` uses `driftMean` and `driftStd` for every state.
   */
  readonly driftModel: 'state-dependent' | 'constant'
  readonly driftMean?: number
  readonly driftStd?: number
}

/** Reference time of the drift law, seconds: aihwkit PCMLikeNoiseModel t₀ = 20 s (anchor-aihwkit §6.3). */
export const DRIFT_REFERENCE_TIME_S = 20

const clip = (value: number, low: number, high: number): number => Math.min(high, Math.max(low, value))

/**
 * Test double: a PCM-like analog cell with power-law drift G(t) = G₀·(t/t₀)^−ν for t > t₀, ν drawn
 * once per cell at programming (|N(μ_ν, σ_ν)|, as aihwkit draws it) and kept across reads.
 * @since 0.1.0
 */
export class DriftingTestDevice implements DeviceModelV1 {
  readonly specificationVersion = 'v1' as const
  readonly type = 'test-drifting-pcm'
  readonly conductanceRangeS: { readonly minS: number; readonly maxS: number }
  readonly levelsS = null
  readonly cost = TEST_DEVICE_COST

  constructor(private readonly options: DriftingTestDeviceOptions) {
    this.conductanceRangeS = { minS: options.minS, maxS: options.maxS }
  }

  doProgram(targetsS: Float32Array, random: RandomSource): ProgrammedCellsV1 {
    const count = targetsS.length
    const conductanceS = new Float32Array(count)
    const driftExponent = new Float32Array(count)
    random.stream('noise').fillNormal(conductanceS, 0, this.options.programmingStdS ?? 0)
    random.stream('drift').fillNormal(driftExponent, 0, 1)
    for (let index = 0; index < count; index++) {
      const target = clip(targetsS[index]!, this.options.minS, this.options.maxS)
      conductanceS[index] = Math.max(0, target + conductanceS[index]!)
      let mean = this.options.driftMean ?? 0.06
      let std = this.options.driftStd ?? 0.02
      if (this.options.driftModel === 'state-dependent') {
        const normalized = Math.max(target / this.options.maxS, 1e-7)
        mean = clip(-0.0155 * Math.log(normalized) + 0.0244, 0.049, 0.1)
        std = clip(-0.0125 * Math.log(normalized) - 0.0059, 0.008, 0.045)
      }
      driftExponent[index] = Math.abs(mean + std * driftExponent[index]!)
    }
    return { conductanceS, driftExponent }
  }

  conductanceAtTime(cells: ProgrammedCellsV1, timeS: number, out: Float32Array): void {
    const ratio = timeS / DRIFT_REFERENCE_TIME_S
    for (let index = 0; index < cells.conductanceS.length; index++) {
      out[index] = ratio <= 1 ? cells.conductanceS[index]! : cells.conductanceS[index]! * Math.pow(ratio, -cells.driftExponent![index]!)
    }
  }

  toJSON(): Record<string, unknown> {
    return { type: this.type, ...this.options }
  }
}
