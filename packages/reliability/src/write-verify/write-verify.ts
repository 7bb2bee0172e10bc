import { defineComponentCost, InvalidArgumentError } from '@cimkit/core'
import type { DeviceModelV1, ProgramCallV1, ProgrammedCellsV1, ReliabilityMiddlewareV1 } from '@cimkit/core'
import type { AddedComponent } from '../cost/technique-cost.js'
import { writeVerifyOptionsSchema } from './write-verify-options.js'
import type { WriteVerifyOptions } from './write-verify-options.js'

/**
 * What write-verify has done since the run started, summed over every block it programmed. For a
 * device with discrete levels, per level `i` (lowest conductance first, each cell counted at the
 * level nearest its target): `level<i>Cells`, `level<i>PulsesPerCell` and
 * `level<i>OutOfToleranceFraction` (paper 002 reports this last one per level).
 * @since 0.1.0
 */
export type WriteVerifyStatistics = Readonly<Record<string, number>> & {
  readonly cells: number
  /** Programming pulses, the first programming included. */
  readonly pulses: number
  /** pulses / cells. */
  readonly pulsesPerCell: number
  readonly verifyReads: number
  /** Cells still outside the band after N_max pulses (stuck cells among them). */
  readonly cellsOutOfTolerance: number
  /** cellsOutOfTolerance / cells. */
  readonly outOfToleranceFraction: number
  /** Pulse energy (device `writeEnergyPerPulseJ`) plus verify-read energy V²·G·t, joules. */
  readonly energyJ: number
  /** (pulses · writePulseS + reads · readPulseS) / parallelCells, seconds. */
  readonly timeS: number
}

interface LevelTotals {
  cells: number
  pulses: number
  outOfTolerance: number
}

/**
 * Write-verify (program-and-verify) programming as middleware: program, read every cell back,
 * re-pulse the cells outside `target ± tolerance`, until all are inside or a cell has had N_max
 * pulses (paper 000 §5, refs 47 and 67; paper 002's multilevel scheme).
 *
 * NOTE: the first programming goes inward through `doProgram` (so inner techniques and the fault
 * map apply); each re-pulse then programs only the failing cells on `call.device` with a fresh
 * stream (`random.stream('pulse', n)`), because the engine hands the device the same stream on
 * every `doProgram` call, which would redraw identical noise. A cell's faults are physical: stuck
 * cells keep their first conductance, and a re-pulse the device reports as stuck counts as a pulse
 * that left the cell unchanged.
 * @since 0.1.0
 */
export class WriteVerify implements ReliabilityMiddlewareV1 {
  readonly specificationVersion = 'v1' as const
  readonly type = 'write-verify'
  private readonly options: ReturnType<typeof writeVerifyOptionsSchema.parse>
  private device: DeviceModelV1 | null = null
  private totals = { cells: 0, pulses: 0, verifyReads: 0, cellsOutOfTolerance: 0, energyJ: 0, timeS: 0 }
  private levelTotals: LevelTotals[] = []

  constructor(options: WriteVerifyOptions = {}) {
    this.options = writeVerifyOptionsSchema.parse(options)
  }

  /** Pulses and verify reads, costed with the device's write and read cost once a block is programmed. */
  get addedComponents(): readonly AddedComponent[] {
    if (this.device === null) return []
    const { cost, conductanceRangeS } = this.device
    const meanConductanceS = (conductanceRangeS.minS + conductanceRangeS.maxS) / 2
    return [
      {
        name: 'writeVerify',
        count: 1,
        cost: defineComponentCost({
          componentClass: 'write-verify',
          energyPerActionJ: { pulse: cost.writeEnergyPerPulseJ, read: cost.readVoltageV ** 2 * meanConductanceS * cost.readPulseS },
          latencyPerActionS: { pulse: cost.writePulseS, read: cost.readPulseS },
          areaMm2: 0,
          source: `device "${this.device.type}" write and read cost (${cost.source}); read energy V²·G·t at mid-range G; verify uses the array's own drivers and sense path (no added area)`,
        }),
      },
    ]
  }

  statistics(): WriteVerifyStatistics {
    const { cells, pulses, cellsOutOfTolerance } = this.totals
    const perLevel: Record<string, number> = {}
    this.levelTotals.forEach((level, index) => {
      perLevel[`level${index}Cells`] = level.cells
      perLevel[`level${index}PulsesPerCell`] = level.cells === 0 ? 0 : level.pulses / level.cells
      perLevel[`level${index}OutOfToleranceFraction`] = level.cells === 0 ? 0 : level.outOfTolerance / level.cells
    })
    return { ...this.totals, pulsesPerCell: cells === 0 ? 0 : pulses / cells, outOfToleranceFraction: cells === 0 ? 0 : cellsOutOfTolerance / cells, ...perLevel }
  }

  wrapProgram(call: ProgramCallV1): ProgrammedCellsV1 {
    const { device, targetsS, random } = call
    this.device = device
    const count = targetsS.length
    const levelOf = nearestLevels(device.levelsS, targetsS)
    const maxPulses = this.maxPulsesPerCell(device, targetsS, levelOf)
    const first = call.doProgram(targetsS)
    const conductanceS = Float32Array.from(first.conductanceS)
    const driftExponent = first.driftExponent === undefined ? undefined : Float32Array.from(first.driftExponent)
    const extra = first.extra === undefined ? undefined : Object.fromEntries(Object.entries(first.extra).map(([key, values]) => [key, values.slice()]))
    const toleranceS = this.options.toleranceFraction * (device.conductanceRangeS.maxS - device.conductanceRangeS.minS)
    const pulsesPerCell = new Uint16Array(count).fill(1)
    let pulses = count
    let reads = 0
    let readConductanceSumS = 0
    let pending = Int32Array.from({ length: count }, (_, index) => index)
    for (let iteration = 1; pending.length > 0; iteration++) {
      reads += pending.length
      for (const index of pending) readConductanceSumS += targetsS[index]!
      const failing = this.verify(pending, conductanceS, targetsS, toleranceS, device, random.stream('verify', iteration))
      pending = failing.filter((index) => pulsesPerCell[index]! < maxPulses[index]!)
      if (pending.length === 0) break
      const subTargets = new Float32Array(pending.length)
      for (let slot = 0; slot < pending.length; slot++) subTargets[slot] = targetsS[pending[slot]!]!
      const repulsed = device.doProgram(subTargets, random.stream('pulse', iteration))
      for (let slot = 0; slot < pending.length; slot++) {
        const index = pending[slot]!
        pulsesPerCell[index]!++
        pulses++
        if ((first.stuck?.[index] ?? 0) !== 0 || (repulsed.stuck?.[slot] ?? 0) !== 0) continue
        conductanceS[index] = repulsed.conductanceS[slot]!
        if (driftExponent !== undefined && repulsed.driftExponent !== undefined) driftExponent[index] = repulsed.driftExponent[slot]!
        for (const [key, values] of Object.entries(extra ?? {})) {
          const fresh = repulsed.extra?.[key]
          if (fresh !== undefined && fresh.length === pending.length && values.length === count) values[index] = fresh[slot]!
        }
      }
    }
    let outOfTolerance = 0
    if (levelOf !== null && this.levelTotals.length === 0) this.levelTotals = device.levelsS!.map(() => ({ cells: 0, pulses: 0, outOfTolerance: 0 }))
    for (let index = 0; index < count; index++) {
      const outside = Math.abs(conductanceS[index]! - targetsS[index]!) > toleranceS
      if (outside) outOfTolerance++
      const level = levelOf === null ? undefined : this.levelTotals[levelOf[index]!]
      if (level === undefined) continue
      level.cells++
      level.pulses += pulsesPerCell[index]!
      if (outside) level.outOfTolerance++
    }
    const { cost } = device
    const readEnergyJ = cost.readVoltageV ** 2 * cost.readPulseS * readConductanceSumS
    this.totals = {
      cells: this.totals.cells + count,
      pulses: this.totals.pulses + pulses,
      verifyReads: this.totals.verifyReads + reads,
      cellsOutOfTolerance: this.totals.cellsOutOfTolerance + outOfTolerance,
      energyJ: this.totals.energyJ + pulses * cost.writeEnergyPerPulseJ + readEnergyJ,
      timeS: this.totals.timeS + (pulses * cost.writePulseS + reads * cost.readPulseS) / this.options.parallelCells,
    }
    call.record('writeVerify', 'pulse', pulses)
    call.record('writeVerify', 'read', reads)
    return {
      conductanceS,
      ...(first.stuck === undefined ? {} : { stuck: first.stuck }),
      ...(driftExponent === undefined ? {} : { driftExponent }),
      ...(extra === undefined ? {} : { extra }),
    }
  }

  toJSON(): Record<string, unknown> {
    return { type: this.type, ...this.options, maxIterations: structuredClone(this.options.maxIterations) }
  }

  /** Reads `pending` cells back (with the device's read noise) and returns those outside the band. */
  private verify(pending: Int32Array, conductanceS: Float32Array, targetsS: Float32Array, toleranceS: number, device: DeviceModelV1, random: ProgramCallV1['random']): Int32Array {
    const failing: number[] = []
    for (const index of pending) {
      const conductance = conductanceS[index]!
      const noiseStd = device.readNoiseStdS?.(conductance, 0) ?? 0
      const read = noiseStd === 0 ? conductance : conductance + noiseStd * random.nextNormal()
      if (Math.abs(read - targetsS[index]!) > toleranceS) failing.push(index)
    }
    return Int32Array.from(failing)
  }

  /** N_max of each cell: one number, or the entry of the device level nearest its target. */
  private maxPulsesPerCell(device: DeviceModelV1, targetsS: Float32Array, levelOf: Uint8Array | null): Uint16Array {
    const { maxIterations } = this.options
    const out = new Uint16Array(targetsS.length)
    if (typeof maxIterations === 'number') return out.fill(maxIterations)
    const levels = device.levelsS
    if (levels === null || levelOf === null || levels.length !== maxIterations.length) {
      throw new InvalidArgumentError('maxIterations', `one N_max per level needs a device with ${maxIterations.length} levels, "${device.type}" has ${levels === null ? 'none (analog)' : levels.length}`)
    }
    for (let index = 0; index < targetsS.length; index++) out[index] = maxIterations[levelOf[index]!]!
    return out
  }
}

/** Index of the device level nearest each target; null for an analog device (or more than 256 levels). */
function nearestLevels(levels: readonly number[] | null, targetsS: Float32Array): Uint8Array | null {
  if (levels === null || levels.length > 256) return null
  const out = new Uint8Array(targetsS.length)
  for (let index = 0; index < targetsS.length; index++) {
    let best = 0
    for (let level = 1; level < levels.length; level++) if (Math.abs(levels[level]! - targetsS[index]!) < Math.abs(levels[best]! - targetsS[index]!)) best = level
    out[index] = best
  }
  return out
}

/** Creates write-verify middleware. @since 0.1.0 */
export function createWriteVerify(options: WriteVerifyOptions = {}): WriteVerify {
  return new WriteVerify(options)
}
