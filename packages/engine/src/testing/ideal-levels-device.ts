import type { DeviceModelV1, ProgrammedCellsV1, RandomSource } from '@cimkit/core'
import { InvalidArgumentError, StuckState } from '@cimkit/core'

/** Options of the {@link IdealLevelsDevice} test double. @since 0.1.0 */
export interface IdealLevelsDeviceOptions {
  /** Lowest conductance, siemens. */
  readonly minS: number
  /** Highest conductance, siemens. */
  readonly maxS: number
  /** Number of uniformly spaced levels, or null for an analog (continuous) device. */
  readonly levels: number | null
  /** Programming error std as a fraction of the target conductance (state-proportional, Gaussian). */
  readonly programmingErrorProportional?: number
  /** Programming error std as a fraction of maxS (state-independent, Gaussian). */
  readonly programmingErrorIndependent?: number
  /** Read noise std per read as a fraction of the conductance. */
  readonly readNoiseProportional?: number
  /** Probability that a cell is stuck at minS / at maxS. */
  readonly stuckLowRate?: number
  readonly stuckHighRate?: number
  /** Drift exponent ν of G(t) = G(t0)·(t/t0)^−ν, same for every cell. */
  readonly driftExponent?: number
  /** Reference time t0 of the drift law, seconds. */
  readonly driftReferenceTimeS?: number
  /** Toy read disturb: each read scales conductances by (1 − δ) at polarity +1 and (1 + δ) at −1. */
  readonly readDisturbPerRead?: number
}

/**
 * A small, honest device for engine tests: uniform levels between minS and maxS, Gaussian
 * programming error (state-proportional and/or state-independent), per-read Gaussian noise
 * proportional to the conductance, stuck cells at given rates, power-law drift. Not a physical
 * model of any technology (the device plugins are); its cost numbers are placeholders named as such.
 * @example const device = new IdealLevelsDevice({ minS: 1e-6, maxS: 1e-4, levels: 4 })
 * @since 0.1.0
 */
export class IdealLevelsDevice implements DeviceModelV1 {
  readonly specificationVersion = 'v1' as const
  readonly type = 'ideal-levels'
  readonly conductanceRangeS: { readonly minS: number; readonly maxS: number }
  readonly levelsS: readonly number[] | null
  readonly readNoiseStdS?: (conductanceS: number, timeS: number) => number
  readonly conductanceAtTime?: (cells: ProgrammedCellsV1, timeS: number, out: Float32Array) => void
  readonly applyReadDisturb?: (cells: ProgrammedCellsV1, readCount: number, polarity: 1 | -1, random: RandomSource) => void
  readonly cost = {
    cellAreaF2: 4,
    technologyNodeNm: 32,
    readVoltageV: 0.2,
    readPulseS: 1e-8,
    writeEnergyPerPulseJ: 1e-12,
    writePulseS: 1e-7,
    source: 'placeholder values of the engine test double (not a device model)',
  }

  constructor(private readonly options: IdealLevelsDeviceOptions) {
    const { minS, maxS, levels } = options
    if (!(minS > 0 && maxS > minS)) throw new InvalidArgumentError('minS/maxS', `need 0 < minS < maxS, got ${minS}, ${maxS}`)
    this.conductanceRangeS = { minS, maxS }
    this.levelsS = levels === null ? null : Array.from({ length: levels }, (_, index) => minS + ((maxS - minS) * index) / (levels - 1))
    const readNoise = options.readNoiseProportional ?? 0
    if (readNoise > 0) this.readNoiseStdS = (conductanceS) => readNoise * conductanceS
    const disturb = options.readDisturbPerRead ?? 0
    if (disturb > 0) {
      this.applyReadDisturb = (cells, readCount, polarity) => {
        const factor = Math.pow(1 - polarity * disturb, readCount)
        for (let index = 0; index < cells.conductanceS.length; index++) cells.conductanceS[index]! *= factor
      }
    }
    const nu = options.driftExponent ?? 0
    if (nu > 0) {
      const referenceTimeS = options.driftReferenceTimeS ?? 1
      this.conductanceAtTime = (cells, timeS, out) => {
        const factor = Math.pow(Math.max(timeS, referenceTimeS) / referenceTimeS, -nu)
        for (let index = 0; index < out.length; index++) out[index] = cells.conductanceS[index]! * factor
      }
    }
  }

  doProgram(targetsS: Float32Array, random: RandomSource): ProgrammedCellsV1 {
    const { minS, maxS } = this.conductanceRangeS
    const proportional = this.options.programmingErrorProportional ?? 0
    const independent = (this.options.programmingErrorIndependent ?? 0) * maxS
    const stuckLow = this.options.stuckLowRate ?? 0
    const stuckHigh = this.options.stuckHighRate ?? 0
    const conductanceS = new Float32Array(targetsS.length)
    const stuck = new Uint8Array(targetsS.length)
    const errorStream = random.stream('programming-error')
    const faultStream = random.stream('faults')
    for (let index = 0; index < targetsS.length; index++) {
      const target = Math.min(maxS, Math.max(minS, targetsS[index]!))
      // Independent Gaussian components add in variance.
      const std = Math.hypot(proportional * target, independent)
      conductanceS[index] = std > 0 ? Math.max(0, target + std * errorStream.nextNormal()) : target
      if (stuckLow > 0 || stuckHigh > 0) {
        const draw = faultStream.nextUniform()
        if (draw < stuckLow) {
          stuck[index] = StuckState.stuckLow
          conductanceS[index] = minS
        } else if (draw < stuckLow + stuckHigh) {
          stuck[index] = StuckState.stuckHigh
          conductanceS[index] = maxS
        }
      }
    }
    return { conductanceS, stuck }
  }

  toJSON(): Record<string, unknown> {
    return { type: this.type, ...this.options }
  }
}
