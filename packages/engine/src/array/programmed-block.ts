import type { ActionRecorderV1, DeviceModelV1, ProgrammedCellsV1, RandomSource, ReliabilityMiddlewareV1 } from '@cimkit/core'
import type { ArrayLayout } from '../mapping/array-layout.js'
import { blockColumnRange, blockRowRange } from '../mapping/array-layout.js'
import type { WeightEncoding } from '../mapping/weight-encoding.js'
import { biasDigit, sliceDigit } from '../mapping/weight-encoding.js'
import type { CellLevels } from './cell-levels.js'

/** One physical array of a block: its programmed cells and the slices it holds. @since 0.1.0 */
export interface PhysicalArray {
  readonly cells: ProgrammedCellsV1
  /** Physical columns programmed (outputs × cell columns per output + reference columns). */
  readonly usedColumns: number
  readonly firstSlice: number
  readonly sliceCount: number
}

/**
 * One row block × column block of a tiled matrix, programmed: the physical arrays (one, or one per
 * slice across arrays) and ISAAC's per-column flip flags.
 * @since 0.1.0
 */
export interface ProgrammedBlock {
  readonly rowStart: number
  readonly rowCount: number
  readonly outputStart: number
  readonly outputCount: number
  readonly arrays: readonly PhysicalArray[]
  /** Per slice, per output: 1 if the column is stored inverted (biased-flipped), else null. */
  readonly flipped: readonly (Uint8Array | null)[]
}

/** Where the cell of (output, slice, negative) sits among an array's physical columns. @since 0.1.0 */
export function cellColumn(layout: ArrayLayout, encoding: WeightEncoding, output: number, localSlice: number, negative: boolean): number {
  return output * layout.cellColumnsPerOutput + localSlice * (encoding.pair ? 2 : 1) + (negative ? 1 : 0)
}

/** Physical column of the reference column of a slice, after the data columns. @since 0.1.0 */
export function referenceColumn(layout: ArrayLayout, outputCount: number, localSlice: number): number {
  return outputCount * layout.cellColumnsPerOutput + localSlice
}

/** Everything `programBlock` needs besides the block's position. @since 0.1.0 */
export interface BlockProgrammingContext {
  readonly integers: Int32Array
  readonly matrixColumns: number
  readonly layout: ArrayLayout
  readonly encoding: WeightEncoding
  readonly levels: CellLevels
  readonly device: DeviceModelV1
  readonly middleware: readonly ReliabilityMiddlewareV1[]
  readonly random: RandomSource
  readonly record: ActionRecorderV1
}

/**
 * Programs one block: integer weights → cell digits (sign-magnitude pair or biased, sliced, ISAAC
 * flips decided statically per column) → target conductances → the device, through the
 * middleware's `wrapProgram` chain (first = outermost).
 * @since 0.1.0
 */
export function programBlock(context: BlockProgrammingContext, rowBlock: number, columnBlock: number): ProgrammedBlock {
  const { integers, matrixColumns, layout, encoding, levels } = context
  const rows = blockRowRange(layout, rowBlock)
  const outputs = blockColumnRange(layout, columnBlock)
  const digitOf = (row: number, output: number, slice: number, negative: boolean): number => {
    const integer = integers[(rows.start + row) * matrixColumns + outputs.start + output]!
    if (encoding.pair) {
      if (negative ? integer >= 0 : integer <= 0) return 0
      return sliceDigit(Math.abs(integer), slice, encoding.bitsPerCell)
    }
    return sliceDigit(integer + encoding.bias, slice, encoding.bitsPerCell)
  }
  const flipped: (Uint8Array | null)[] = []
  for (let slice = 0; slice < encoding.slices; slice++) {
    if (!encoding.flip) {
      flipped.push(null)
      continue
    }
    // ISAAC (Shafiee et al. 2016): store a column inverted if its all-ones dot product would set the MSB.
    const flags = new Uint8Array(outputs.count)
    for (let output = 0; output < outputs.count; output++) {
      let sum = 0
      for (let row = 0; row < rows.count; row++) sum += digitOf(row, output, slice, false)
      flags[output] = sum > (encoding.maxDigit * rows.count) / 2 ? 1 : 0
    }
    flipped.push(flags)
  }
  const arrays: PhysicalArray[] = []
  for (let arrayIndex = 0; arrayIndex < layout.arraysPerBlock; arrayIndex++) {
    const firstSlice = arrayIndex * layout.slicesPerArray
    const usedColumns = outputs.count * layout.cellColumnsPerOutput + layout.referenceColumnsPerArray
    const targets = new Float32Array(rows.count * usedColumns)
    for (let localSlice = 0; localSlice < layout.slicesPerArray; localSlice++) {
      const slice = firstSlice + localSlice
      const flags = flipped[slice]
      for (let row = 0; row < rows.count; row++) {
        const base = row * usedColumns
        for (let output = 0; output < outputs.count; output++) {
          let digit = digitOf(row, output, slice, false)
          if (flags?.[output] === 1) digit = encoding.maxDigit - digit
          targets[base + cellColumn(layout, encoding, output, localSlice, false)] = levels.targetsS[digit]!
          if (encoding.pair) targets[base + cellColumn(layout, encoding, output, localSlice, true)] = levels.targetsS[digitOf(row, output, slice, true)]!
        }
        if (encoding.referenceColumn) targets[base + referenceColumn(layout, outputs.count, localSlice)] = levels.targetsS[biasDigit(encoding, slice)]!
      }
    }
    const random = context.random.stream('program', rowBlock, columnBlock, arrayIndex)
    arrays.push({ cells: programThroughMiddleware(context, targets, rows.count, usedColumns, random), usedColumns, firstSlice, sliceCount: layout.slicesPerArray })
  }
  return { rowStart: rows.start, rowCount: rows.count, outputStart: outputs.start, outputCount: outputs.count, arrays, flipped }
}

function programThroughMiddleware(context: BlockProgrammingContext, targetsS: Float32Array, rows: number, columns: number, random: RandomSource): ProgrammedCellsV1 {
  const { device, middleware, record } = context
  const layers = middleware.filter((technique) => technique.wrapProgram !== undefined)
  const programAt = (depth: number, targets: Float32Array): ProgrammedCellsV1 => {
    if (depth === layers.length) return device.doProgram(targets, random.stream('device'))
    return layers[depth]!.wrapProgram!({
      targetsS: targets,
      rows,
      columns,
      device,
      doProgram: (inner) => programAt(depth + 1, inner),
      random: random.stream('middleware', depth),
      record,
    })
  }
  return programAt(0, targetsS)
}
