import type { DeviceCostV1, DeviceModelV1, ProgrammedCellsV1, RandomSource } from '@cimkit/core'
import type { PcmOptionsOutput } from './pcm-options.js'

/** aihwkit clips ĝ at 1e-7 before taking its logarithm (anchor-aihwkit.md §6.3). */
const MIN_NORMALISED_CONDUCTANCE = 1e-7

const clip = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value))

/**
 * A phase-change memory cell with aihwkit's `PCMLikeNoiseModel` physics (Nandakumar et al., ICECS
 * 2019; anchor-aihwkit.md §6.3): state-dependent programming noise, power-law drift whose exponent
 * is drawn once per cell with a state-dependent mean and spread, and 1/f read noise growing with the
 * time since programming. Times are seconds after programming; t₀ is the drift reference time, so
 * G(t) = G_prog·((t + t₀)/t₀)^−ν equals G_prog at t = 0 (aihwkit's t = t_inference + t₀).
 * @since 0.1.0
 */
export class PcmDevice implements DeviceModelV1 {
  readonly specificationVersion = 'v1' as const
  readonly type = 'pcm'
  readonly conductanceRangeS: { readonly minS: number; readonly maxS: number }
  readonly levelsS: readonly number[] | null
  readonly cost: DeviceCostV1

  constructor(readonly options: PcmOptionsOutput) {
    this.conductanceRangeS = options.conductanceRangeS
    const { minS, maxS } = options.conductanceRangeS
    const levels = options.levels
    this.levelsS = levels === 'analog' ? null : Array.from({ length: levels }, (_, index) => minS + ((maxS - minS) * index) / (levels - 1))
    this.cost = options.cost
  }

  /** Drift reference time t₀, seconds: the input global drift compensation needs to align reads. */
  get referenceTimeS(): number {
    return this.options.drift.referenceTimeS
  }

  /** σ_prog of a cell programmed to `targetS`, siemens. */
  programmingNoiseStdS(targetS: number): number {
    const { coefficientsS, referenceGMaxS, scale } = this.options.programmingNoise
    const normalised = targetS / this.conductanceRangeS.maxS
    let polynomial = 0
    for (let power = coefficientsS.length - 1; power >= 0; power--) polynomial = polynomial * normalised + coefficientsS[power]!
    return Math.max(0, polynomial) * (this.conductanceRangeS.maxS / referenceGMaxS) * scale
  }

  /** Mean and standard deviation of the drift exponent ν for a cell programmed to `targetS`. */
  driftExponentStatistics(targetS: number): { mean: number; std: number } {
    const { exponentMean, exponentStd } = this.options.drift
    const logNormalised = Math.log(Math.max(targetS / this.conductanceRangeS.maxS, MIN_NORMALISED_CONDUCTANCE))
    return {
      mean: clip(exponentMean.slope * logNormalised + exponentMean.intercept, exponentMean.min, exponentMean.max),
      std: clip(exponentStd.slope * logNormalised + exponentStd.intercept, exponentStd.min, exponentStd.max),
    }
  }

  doProgram(targetsS: Float32Array, random: RandomSource): ProgrammedCellsV1 {
    const count = targetsS.length
    const { minS, maxS } = this.conductanceRangeS
    const programmingNormals = new Float64Array(count)
    random.stream('programming').fillNormal(programmingNormals)
    const driftNormals = new Float64Array(count)
    random.stream('drift-exponent').fillNormal(driftNormals)
    const conductanceS = new Float32Array(count)
    const driftExponent = new Float32Array(count)
    const levels = this.levelsS
    for (let index = 0; index < count; index++) {
      let target = clip(targetsS[index]!, minS, maxS)
      if (levels !== null) target = levels[Math.round(((target - minS) / (maxS - minS)) * (levels.length - 1))]!
      conductanceS[index] = Math.max(0, target + this.programmingNoiseStdS(target) * programmingNormals[index]!)
      const { mean, std } = this.driftExponentStatistics(target)
      driftExponent[index] = Math.abs(mean + std * driftNormals[index]!) * this.options.drift.scale
    }
    return { conductanceS, driftExponent }
  }

  conductanceAtTime(cells: ProgrammedCellsV1, timeS: number, out: Float32Array): void {
    const t0 = this.options.drift.referenceTimeS
    const logRatio = Math.log((Math.max(timeS, 0) + t0) / t0)
    const exponents = cells.driftExponent
    for (let index = 0; index < cells.conductanceS.length; index++) {
      out[index] = exponents === undefined ? cells.conductanceS[index]! : cells.conductanceS[index]! * Math.exp(-exponents[index]! * logRatio)
    }
  }

  /**
   * σ of one read: G·Q_s(G/gMax)·√ln((t + t₀ + t_read)/(2·t_read)).
   * NOTE: aihwkit's code evaluates Q_s at the programmed conductance and its docs at the target
   * (issue #436); the spec hands us the conductance being read, so Q_s uses that.
   */
  readNoiseStdS(conductanceS: number, timeS: number): number {
    const { coefficient, exponent, floor, maxRelativeStd, readTimeS, scale } = this.options.readNoise
    const normalised = Math.abs(conductanceS) / this.conductanceRangeS.maxS
    const relativeStd = Math.min(coefficient / Math.max(normalised ** exponent, floor), maxRelativeStd)
    const elapsed = Math.max(timeS, 0) + this.options.drift.referenceTimeS
    return Math.abs(conductanceS) * relativeStd * Math.sqrt(Math.log((elapsed + readTimeS) / (2 * readTimeS))) * scale
  }

  toJSON(): Record<string, unknown> {
    return { type: this.type, ...structuredClone(this.options) }
  }
}
