import { defineComponentCost } from '@cimkit/core'
import type { ProgramCallV1, ProgrammedCellsV1, ReliabilityMiddlewareV1 } from '@cimkit/core'
import type { AddedComponent } from '../cost/technique-cost.js'
import { detectStuckCells } from './detect-stuck-cells.js'
import type { DetectedFaults } from './detect-stuck-cells.js'
import { faultAwareRemapOptionsSchema } from './fault-aware-remap-options.js'
import type { FaultAwareRemapOptions } from './fault-aware-remap-options.js'
import { minimumCostAssignment } from './minimum-cost-assignment.js'

/** What fault-aware remapping found and did since the run started (counts unless the name has a unit). @since 0.2.0 */
export type FaultAwareRemapStatistics = {
  readonly blocks: number
  /** Cells the test read checked (every cell of every block). */
  readonly cells: number
  readonly stuckCellsFound: number
  readonly rowsMoved: number
  readonly columnsMoved: number
  /** Σ over stuck cells of (target − stuck value)², siemens², with the identity mapping. */
  readonly squaredErrorBeforeS2: number
  /** The same after remapping. */
  readonly squaredErrorAfterS2: number
  readonly stuckCellsHarmfulBefore: number
  readonly stuckCellsUnrecovered: number
}

/**
 * Fault-aware remapping as middleware (paper 000 §5, Fig. 7a): a test read finds the stuck cells,
 * then rows (inputs) and/or columns (outputs) are exchanged so that the weights a stuck cell would
 * hurt most land on healthy cells. Liu et al. (DAC 2017) score a weight by how much its deviation
 * hurts the output; with no network to score against, the score here is the conductance error the
 * weight would suffer on a stuck cell, (target − stuck value)², its contribution to the expected
 * squared MVM error for independent inputs of equal power. Each permutation is an exact
 * minimum-cost assignment.
 *
 * Cells come back in logical order (the engine's x·G stays valid): physically, input r drives row
 * π(r) and output c is read from column σ(c), which the host's input/output buffers address.
 * NOTE: detection programs the block once more, through `doProgram`, and relies on the fault map
 * being a property of the physical array (the engine hands each array one device stream).
 * @since 0.1.0
 */
export class FaultAwareRemap implements ReliabilityMiddlewareV1 {
  readonly specificationVersion = 'v1' as const
  readonly type = 'fault-aware-remap'
  private readonly options: ReturnType<typeof faultAwareRemapOptionsSchema.parse>
  private totals = { blocks: 0, cells: 0, faultyCells: 0, costBefore: 0, costAfter: 0, harmfulBefore: 0, harmfulAfter: 0, rowsMoved: 0, columnsMoved: 0 }
  private testCost: AddedComponent | null = null

  constructor(options: FaultAwareRemapOptions = {}) {
    this.options = faultAwareRemapOptionsSchema.parse(options)
  }

  /** The test write and read, costed with the device's pulse and read (no added area). */
  get addedComponents(): readonly AddedComponent[] {
    return this.testCost === null ? [] : [this.testCost]
  }

  /**
   * Since the run started: blocks and cells programmed, stuck cells the test read found, rows and columns
   * moved, the squared conductance error stuck cells put on the weights before and after remapping
   * (siemens²), and the stuck cells that still matter ("unrecovered": the weight on them differs
   * from the stuck value by more than `HARMFUL_FRACTION` of the conductance window) before and after.
   */
  statistics(): FaultAwareRemapStatistics {
    const { blocks, cells, faultyCells, costBefore, costAfter, harmfulBefore, harmfulAfter, rowsMoved, columnsMoved } = this.totals
    return {
      blocks, cells, stuckCellsFound: faultyCells, rowsMoved, columnsMoved,
      squaredErrorBeforeS2: costBefore, squaredErrorAfterS2: costAfter,
      stuckCellsHarmfulBefore: harmfulBefore, stuckCellsUnrecovered: harmfulAfter,
    }
  }

  wrapProgram(call: ProgramCallV1): ProgrammedCellsV1 {
    const { rows, columns, targetsS, device } = call
    const { cost, conductanceRangeS } = device
    this.testCost ??= {
      name: 'testRead',
      count: 1,
      cost: defineComponentCost({
        componentClass: 'fault-test',
        energyPerActionJ: { pulse: cost.writeEnergyPerPulseJ, read: cost.readVoltageV ** 2 * ((conductanceRangeS.minS + conductanceRangeS.maxS) / 2) * cost.readPulseS },
        latencyPerActionS: { pulse: cost.writePulseS, read: cost.readPulseS },
        areaMm2: 0,
        source: `device "${device.type}" write and read cost at mid-range (${cost.source}); uses the array's drivers and sense path`,
      }),
    }
    const faults = detectStuckCells(call)
    const rowOf = identityOf(rows) // logical row → physical row
    const columnOf = identityOf(columns)
    const costBefore = mappingCost(targetsS, faults, rows, columns, rowOf, columnOf)
    if (faults.faultyCells > 0) {
      const permuteRows = this.options.permute !== 'columns'
      const permuteColumns = this.options.permute !== 'rows'
      const passes = permuteRows && permuteColumns ? this.options.passes : 1
      for (let pass = 0; pass < passes; pass++) {
        if (permuteRows) rowOf.set(assignRows(targetsS, faults, rows, columns, columnOf))
        if (permuteColumns) columnOf.set(assignColumns(targetsS, faults, rows, columns, rowOf))
      }
    }
    const harmfulS = HARMFUL_FRACTION * (conductanceRangeS.maxS - conductanceRangeS.minS)
    let rowsMoved = 0
    let columnsMoved = 0
    for (let row = 0; row < rows; row++) if (rowOf[row] !== row) rowsMoved++
    for (let column = 0; column < columns; column++) if (columnOf[column] !== column) columnsMoved++
    this.totals = {
      blocks: this.totals.blocks + 1,
      cells: this.totals.cells + rows * columns,
      faultyCells: this.totals.faultyCells + faults.faultyCells,
      costBefore: this.totals.costBefore + costBefore,
      costAfter: this.totals.costAfter + mappingCost(targetsS, faults, rows, columns, rowOf, columnOf),
      harmfulBefore: this.totals.harmfulBefore + harmfulStuckCells(targetsS, faults, rows, columns, identityOf(rows), identityOf(columns), harmfulS),
      harmfulAfter: this.totals.harmfulAfter + harmfulStuckCells(targetsS, faults, rows, columns, rowOf, columnOf, harmfulS),
      rowsMoved: this.totals.rowsMoved + rowsMoved,
      columnsMoved: this.totals.columnsMoved + columnsMoved,
    }
    const physicalTargets = new Float32Array(rows * columns)
    for (let row = 0; row < rows; row++) for (let column = 0; column < columns; column++) physicalTargets[rowOf[row]! * columns + columnOf[column]!] = targetsS[row * columns + column]!
    const physical = call.doProgram(physicalTargets)
    const toLogical = <T extends Float32Array | Uint8Array>(values: T): T => {
      const out = values.slice() as T
      for (let row = 0; row < rows; row++) for (let column = 0; column < columns; column++) out[row * columns + column] = values[rowOf[row]! * columns + columnOf[column]!]!
      return out
    }
    const count = rows * columns
    return {
      conductanceS: toLogical(physical.conductanceS),
      ...(physical.stuck === undefined ? {} : { stuck: toLogical(physical.stuck) }),
      ...(physical.driftExponent === undefined ? {} : { driftExponent: toLogical(physical.driftExponent) }),
      ...(physical.extra === undefined ? {} : { extra: Object.fromEntries(Object.entries(physical.extra).map(([key, values]) => [key, values.length === count ? toLogical(values) : values])) }),
    }
  }

  toJSON(): Record<string, unknown> {
    return { type: this.type, ...this.options }
  }
}

/**
 * A stuck cell "matters" when the weight on it differs from its stuck value by more than this
 * fraction of the conductance window.
 * NOTE: a reporting threshold only (10 %: more than a 4-level cell's half step), it does not steer the remapping.
 */
const HARMFUL_FRACTION = 0.1

function identityOf(count: number): Int32Array {
  return Int32Array.from({ length: count }, (_, index) => index)
}

function harmfulStuckCells(targetsS: Float32Array, faults: DetectedFaults, rows: number, columns: number, rowOf: Int32Array, columnOf: Int32Array, harmfulS: number): number {
  let harmful = 0
  for (let row = 0; row < rows; row++) for (let column = 0; column < columns; column++) if (faultCost(targetsS[row * columns + column]!, faults, rowOf[row]! * columns + columnOf[column]!) > harmfulS * harmfulS) harmful++
  return harmful
}

/** Squared conductance error of putting `target` on a cell the test found stuck at `readS`. */
function faultCost(targetS: number, faults: DetectedFaults, physicalIndex: number): number {
  if (faults.stuck[physicalIndex] === 0) return 0
  const error = targetS - faults.readS[physicalIndex]!
  return error * error
}

function mappingCost(targetsS: Float32Array, faults: DetectedFaults, rows: number, columns: number, rowOf: Int32Array, columnOf: Int32Array): number {
  let total = 0
  for (let row = 0; row < rows; row++) for (let column = 0; column < columns; column++) total += faultCost(targetsS[row * columns + column]!, faults, rowOf[row]! * columns + columnOf[column]!)
  return total
}

/** Cost of logical row r on physical row p (columns fixed) for every pair; only faulty cells add. */
function assignRows(targetsS: Float32Array, faults: DetectedFaults, rows: number, columns: number, columnOf: Int32Array): Int32Array {
  const cost = new Float64Array(rows * rows)
  for (let column = 0; column < columns; column++) {
    const physicalColumn = columnOf[column]!
    for (let physicalRow = 0; physicalRow < rows; physicalRow++) {
      const physicalIndex = physicalRow * columns + physicalColumn
      if (faults.stuck[physicalIndex] === 0) continue
      for (let row = 0; row < rows; row++) cost[row * rows + physicalRow]! += faultCost(targetsS[row * columns + column]!, faults, physicalIndex)
    }
  }
  return minimumCostAssignment(cost, rows)
}

function assignColumns(targetsS: Float32Array, faults: DetectedFaults, rows: number, columns: number, rowOf: Int32Array): Int32Array {
  const cost = new Float64Array(columns * columns)
  for (let row = 0; row < rows; row++) {
    const physicalRow = rowOf[row]!
    for (let physicalColumn = 0; physicalColumn < columns; physicalColumn++) {
      const physicalIndex = physicalRow * columns + physicalColumn
      if (faults.stuck[physicalIndex] === 0) continue
      for (let column = 0; column < columns; column++) cost[column * columns + physicalColumn]! += faultCost(targetsS[row * columns + column]!, faults, physicalIndex)
    }
  }
  return minimumCostAssignment(cost, columns)
}

/** Creates fault-aware remapping middleware. @since 0.1.0 */
export function createFaultAwareRemap(options: FaultAwareRemapOptions = {}): FaultAwareRemap {
  return new FaultAwareRemap(options)
}
