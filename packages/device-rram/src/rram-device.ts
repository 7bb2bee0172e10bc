import { StuckState } from '@cimkit/core'
import type { DeviceCostV1, DeviceModelV1, ProgrammedCellsV1, RandomSource } from '@cimkit/core'
import { agedWindowLoss } from './effects/aging.js'
import { applyEnduranceFailures, weibullFailedFraction } from './effects/endurance.js'
import { applyReadDisturb } from './effects/read-disturb.js'
import { readNoiseStdS } from './effects/read-noise.js'
import { relaxConductances } from './effects/retention.js'
import type { RramParameters } from './resolve-rram-parameters.js'

/** Index of the level nearest to `value` in ascending `levels` (binary search). */
function nearestLevel(levels: readonly number[], value: number): number {
  let low = 0
  let high = levels.length - 1
  while (high - low > 1) {
    const middle = (low + high) >> 1
    if (levels[middle]! <= value) low = middle
    else high = middle
  }
  return value - levels[low]! <= levels[high]! - value ? low : high
}

/**
 * A resistive memory cell, binary, multi-level or analog (`levelsS === null`). Targets are clipped to
 * the range and, for a cell with levels, snapped to the nearest level. Each effect draws from its
 * own labelled sub-stream of the `random` handed in, which stands for one set of physical cells:
 * the device-to-device scale (`device-to-device`), stuck cells (`stuck`) and the wear-out order
 * (`endurance`) are properties of the devices and repeat whenever the same cells are reprogrammed;
 * the programming (cycle-to-cycle) error and the relaxation draw are redrawn per write cycle
 * (`programming`/`retention` with the cycle number, see `programAtCycle`).
 * @since 0.1.0
 */
export class RramDevice implements DeviceModelV1 {
  readonly specificationVersion = 'v1' as const
  readonly conductanceRangeS: { readonly minS: number; readonly maxS: number }
  readonly levelsS: readonly number[] | null
  readonly cost: DeviceCostV1
  /**
   * Read disturb per the configured law; absent when the device has none, so a host neither counts
   * read polarities nor treats the cells as changed (DeviceModelV1: an absent hook means no disturb).
   */
  readonly applyReadDisturb?: (cells: ProgrammedCellsV1, readCount: number, polarity: 1 | -1, random: RandomSource) => void

  constructor(
    readonly type: string,
    readonly parameters: RramParameters,
    private readonly options: Readonly<Record<string, unknown>>,
  ) {
    this.conductanceRangeS = parameters.rangeS
    this.levelsS = parameters.levelsS
    this.cost = parameters.cost
    const disturb = parameters.readDisturb
    if (disturb !== null) this.applyReadDisturb = (cells, readCount, polarity, random) => applyReadDisturb(disturb, parameters.rangeS, cells, readCount, polarity, random)
  }

  doProgram(targetsS: Float32Array, random: RandomSource): ProgrammedCellsV1 {
    return this.programAtCycle(targetsS, random, 0)
  }

  /**
   * Programs cells that have already been written `cycle` times: on top of `doProgram`, a binary
   * cell's window has closed by the aging law and cells worn out by the endurance law are stuck.
   */
  programAtCycle(targetsS: Float32Array, random: RandomSource, cycle: number): ProgrammedCellsV1 {
    const p = this.parameters
    const count = targetsS.length
    const { minS, maxS } = p.rangeS
    // Float64 so that a level's target equals the level exactly (a mixture's shift is then zero).
    const targets = new Float64Array(count)
    const levels = new Int32Array(count).fill(-1)
    for (let index = 0; index < count; index++) {
      const target = Math.min(maxS, Math.max(minS, targetsS[index]!))
      if (p.levelsS === null) targets[index] = target
      else {
        // A multi-level cell is programmed to one of its levels, whatever the caller asked.
        levels[index] = nearestLevel(p.levelsS, target)
        targets[index] = p.levelsS[levels[index]!]!
      }
    }
    if (p.aging !== null && p.levelsS !== null) {
      // Binary window closure: the HRS (level 0) rises and the LRS (level 1) falls in conductance.
      const loss = Math.min(agedWindowLoss(p.aging, cycle), Math.log(p.levelsS[1]! / p.levelsS[0]!))
      for (let index = 0; index < count; index++) targets[index] = targets[index]! * Math.exp(levels[index] === 0 ? loss / 2 : -loss / 2)
    }
    if (p.deviceToDeviceRelativeStd > 0) {
      const scale = new Float64Array(count)
      random.stream('device-to-device').fillNormal(scale, 1, p.deviceToDeviceRelativeStd)
      for (let index = 0; index < count; index++) targets[index] = Math.max(0, targets[index]! * scale[index]!)
    }
    const conductanceS = new Float32Array(count)
    p.sampler.sample(targets, levels, random.stream('programming', cycle), conductanceS)

    const stuck = new Uint8Array(count)
    const stuckAny = p.stuckOnFraction + p.stuckOffFraction
    if (stuckAny > 0) {
      const stuckRandom = random.stream('stuck')
      for (let index = 0; index < count; index++) {
        const u = stuckRandom.nextUniform()
        if (u < p.stuckOnFraction) stuck[index] = StuckState.stuckHigh
        else if (u < stuckAny) stuck[index] = StuckState.stuckLow
      }
    }
    if (p.endurance !== null && cycle > 0) applyEnduranceFailures(p.endurance, cycle, stuck, random.stream('endurance'))
    for (let index = 0; index < count; index++) {
      if (stuck[index] === StuckState.stuckHigh) conductanceS[index] = maxS
      else if (stuck[index] === StuckState.stuckLow) conductanceS[index] = minS
    }
    const cells: { conductanceS: Float32Array; stuck: Uint8Array; extra?: Record<string, Float32Array> } = { conductanceS, stuck }
    if (p.retention !== null && p.retention.spreadAtReferenceS + p.retention.spreadPerLnTimeS > 0) {
      const retentionNormal = new Float32Array(count)
      random.stream('retention', cycle).fillNormal(retentionNormal)
      cells.extra = { retentionNormal }
    }
    return cells
  }

  conductanceAtTime(cells: ProgrammedCellsV1, timeS: number, out: Float32Array): void {
    if (this.parameters.retention === null) out.set(cells.conductanceS)
    else relaxConductances(this.parameters.retention, cells, timeS, out)
  }

  readNoiseStdS(conductanceS: number, timeS: number): number {
    return this.parameters.readNoise === null ? 0 : readNoiseStdS(this.parameters.readNoise, conductanceS, timeS)
  }



  /** Fraction of cells worn out (stuck) after `cycles` writes; 0 without an endurance law. */
  failedFractionAfterCycles(cycles: number): number {
    return this.parameters.endurance === null ? 0 : weibullFailedFraction(this.parameters.endurance, cycles)
  }

  /**
   * Programming pulses spent on a cell of level `level`: the write-verify iteration limit where a
   * recipe is given (an upper bound), else one pulse.
   */
  writePulsesForLevel(level: number): number {
    const limits = this.parameters.writeVerify?.maxIterationsPerLevel
    return limits === undefined ? 1 : limits[Math.min(level, limits.length - 1)]!
  }

  toJSON(): Record<string, unknown> {
    return { type: this.type, ...structuredClone(this.options) }
  }
}
