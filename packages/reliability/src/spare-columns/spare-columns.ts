import { defineComponentCost } from '@cimkit/core'
import type { DeviceModelV1, ProgramCallV1, ProgrammedCellsV1, ReliabilityMiddlewareV1 } from '@cimkit/core'
import type { AddedComponent } from '../cost/technique-cost.js'
import { spareColumnsOptionsSchema } from './spare-columns-options.js'
import type { SpareColumnsOptions } from './spare-columns-options.js'

/**
 * Redundant spare columns as middleware (paper 003 §VIII "redundant crossbars and columns for
 * stuck-at faults"): after programming, every cell is read back; the columns whose faulty cells
 * (read-back error above the threshold) cost most, Σ error², are programmed again into spare
 * columns, and a spare replaces its column when it came out better. The spare cells are costed
 * with the device's cell area, pulse and read.
 *
 * NOTE: spares are other physical cells, so they are programmed on `call.device` with their own
 * stream (`random.stream('spare', n)`), keeping `doProgram`'s block shape. The column multiplexers
 * that route a spare to its output are not costed (no source gives their size).
 * @since 0.1.0
 */
export class SpareColumns implements ReliabilityMiddlewareV1 {
  readonly specificationVersion = 'v1' as const
  readonly type = 'spare-columns'
  private readonly options: ReturnType<typeof spareColumnsOptionsSchema.parse>
  private device: DeviceModelV1 | null = null
  private totals = { arrays: 0, maxRows: 0, replacedColumns: 0, faultyColumns: 0 }

  constructor(options: SpareColumnsOptions = {}) {
    this.options = spareColumnsOptionsSchema.parse(options)
  }

  /** One block of `spareColumns` × rows cells per array programmed, with the device's cell cost. */
  get addedComponents(): readonly AddedComponent[] {
    if (this.device === null) return []
    const { cost, conductanceRangeS, type } = this.device
    const featureMm = cost.technologyNodeNm * 1e-6
    const cells = this.options.spareColumns * this.totals.maxRows
    return [
      {
        name: 'spareColumns',
        count: this.totals.arrays,
        cost: defineComponentCost({
          componentClass: 'spare-columns',
          energyPerActionJ: { pulse: cost.writeEnergyPerPulseJ, read: cost.readVoltageV ** 2 * ((conductanceRangeS.minS + conductanceRangeS.maxS) / 2) * cost.readPulseS },
          latencyPerActionS: { pulse: cost.writePulseS, read: cost.readPulseS },
          areaMm2: cells * cost.cellAreaF2 * featureMm * featureMm,
          source: `${this.options.spareColumns} spare columns × ${this.totals.maxRows} rows of device "${type}" cells (${cost.cellAreaF2} F² at ${cost.technologyNodeNm} nm; ${cost.source})`,
        }),
      },
    ]
  }

  /**
   * Since the run started: arrays programmed, spare columns provided (spares × arrays) and used
   * (`replacedColumns`), columns with a faulty cell found, and those left unrepaired (faulty, not
   * replaced: no spare left, or the spare came out worse).
   */
  statistics(): { readonly arrays: number; readonly sparesProvided: number; readonly replacedColumns: number; readonly faultyColumns: number; readonly faultyColumnsUnrepaired: number } {
    const { arrays, replacedColumns, faultyColumns } = this.totals
    return { arrays, sparesProvided: arrays * this.options.spareColumns, replacedColumns, faultyColumns, faultyColumnsUnrepaired: faultyColumns - replacedColumns }
  }

  wrapProgram(call: ProgramCallV1): ProgrammedCellsV1 {
    const { rows, columns, targetsS, device } = call
    this.device = device
    const cells = call.doProgram(targetsS)
    const { minS, maxS } = device.conductanceRangeS
    const thresholdS = this.options.faultThresholdFraction * (maxS - minS)
    call.record('spareColumns', 'read', rows * columns)
    const score = columnFaultScores(cells.conductanceS, targetsS, rows, columns, thresholdS)
    const candidates = Array.from({ length: columns }, (_, column) => column)
      .filter((column) => score[column]! > 0)
      .sort((a, b) => score[b]! - score[a]! || a - b)
      .slice(0, this.options.spareColumns)
    const conductanceS = Float32Array.from(cells.conductanceS)
    const stuck = cells.stuck?.slice()
    const driftExponent = cells.driftExponent?.slice()
    let replaced = 0
    candidates.forEach((column, spare) => {
      const spareTargets = new Float32Array(rows)
      for (let row = 0; row < rows; row++) spareTargets[row] = targetsS[row * columns + column]!
      const spareCells = device.doProgram(spareTargets, call.random.stream('spare', spare))
      call.record('spareColumns', 'pulse', rows)
      call.record('spareColumns', 'read', rows)
      if (columnFaultScores(spareCells.conductanceS, spareTargets, rows, 1, thresholdS)[0]! >= score[column]!) return
      replaced++
      for (let row = 0; row < rows; row++) {
        const index = row * columns + column
        conductanceS[index] = spareCells.conductanceS[row]!
        if (stuck !== undefined) stuck[index] = spareCells.stuck?.[row] ?? 0
        if (driftExponent !== undefined && spareCells.driftExponent !== undefined) driftExponent[index] = spareCells.driftExponent[row]!
      }
    })
    let faultyColumns = 0
    for (const columnScore of score) if (columnScore > 0) faultyColumns++
    this.totals = { arrays: this.totals.arrays + 1, maxRows: Math.max(this.totals.maxRows, rows), replacedColumns: this.totals.replacedColumns + replaced, faultyColumns: this.totals.faultyColumns + faultyColumns }
    return {
      ...cells,
      conductanceS,
      ...(stuck === undefined ? {} : { stuck }),
      ...(driftExponent === undefined ? {} : { driftExponent }),
    }
  }

  toJSON(): Record<string, unknown> {
    return { type: this.type, ...this.options }
  }
}

/** Σ over a column's faulty cells of the squared read-back error. */
function columnFaultScores(readS: Float32Array, targetsS: Float32Array, rows: number, columns: number, thresholdS: number): Float64Array {
  const score = new Float64Array(columns)
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const error = Math.abs(readS[row * columns + column]! - targetsS[row * columns + column]!)
      if (error > thresholdS) score[column]! += error * error
    }
  }
  return score
}

/** Creates spare-column middleware. @since 0.1.0 */
export function createSpareColumns(options: SpareColumnsOptions = {}): SpareColumns {
  return new SpareColumns(options)
}
