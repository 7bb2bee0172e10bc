import type { ActionRecorderV1, DeviceModelV1, ProgrammedCellsV1, RandomSource, ReliabilityMiddlewareV1 } from '@cimkit/core'
import type { ArrayLayout } from '../mapping/array-layout.js'
import { blockColumnRange, blockRowRange } from '../mapping/array-layout.js'
import type { BinaryStorage } from './binary-storage.js'

/**
 * One block of a binary matrix, programmed: `rowCount × cellColumns` cells, row-major, where a pair
 * puts output o's two devices in columns 2o (the branch that holds LRS for +1) and 2o + 1.
 * @since 0.1.0
 */
export interface BinaryBlock {
  readonly rowBlock: number
  readonly columnBlock: number
  readonly rowStart: number
  readonly rowCount: number
  readonly outputStart: number
  readonly outputCount: number
  readonly cellColumns: number
  readonly cells: ProgrammedCellsV1
}

/** What `programBinaryBlock` needs. @since 0.1.0 */
export interface BinaryProgrammingContext {
  /** ±1 per weight, rows × columns row-major. */
  readonly signs: Int32Array
  readonly matrixColumns: number
  readonly layout: ArrayLayout
  readonly storage: BinaryStorage
  /** Conductance targets of the low (HRS) and high (LRS) state, siemens. */
  readonly lowS: number
  readonly highS: number
  readonly device: DeviceModelV1
  readonly middleware: readonly ReliabilityMiddlewareV1[]
  readonly random: RandomSource
  readonly record: ActionRecorderV1
}

/**
 * Programs one block's cells through the middleware's `wrapProgram` chain (first = outermost) and
 * the device, from the stream `program/<rowBlock>/<columnBlock>/0` as the crossbar path does.
 * @since 0.1.0
 */
export function programBinaryBlock(context: BinaryProgrammingContext, rowBlock: number, columnBlock: number): BinaryBlock {
  const { signs, matrixColumns, layout, storage, lowS, highS } = context
  const rows = blockRowRange(layout, rowBlock)
  const outputs = blockColumnRange(layout, columnBlock)
  const cellColumns = outputs.count * (storage === 'pair' ? 2 : 1)
  const targets = new Float32Array(rows.count * cellColumns)
  for (let row = 0; row < rows.count; row++) {
    for (let output = 0; output < outputs.count; output++) {
      const positive = signs[(rows.start + row) * matrixColumns + outputs.start + output]! > 0
      if (storage === 'pair') {
        targets[row * cellColumns + 2 * output] = positive ? highS : lowS
        targets[row * cellColumns + 2 * output + 1] = positive ? lowS : highS
      } else {
        targets[row * cellColumns + output] = positive ? highS : lowS
      }
    }
  }
  const random = context.random.stream('program', rowBlock, columnBlock, 0)
  const cells = programThroughMiddleware(context, targets, rows.count, cellColumns, random, `r${rowBlock}c${columnBlock}a0`)
  return { rowBlock, columnBlock, rowStart: rows.start, rowCount: rows.count, outputStart: outputs.start, outputCount: outputs.count, cellColumns, cells }
}

function programThroughMiddleware(context: BinaryProgrammingContext, targetsS: Float32Array, rows: number, columns: number, random: RandomSource, arrayId: string): ProgrammedCellsV1 {
  const { device, middleware, record } = context
  const layers = middleware.filter((technique) => technique.wrapProgram !== undefined)
  const programAt = (depth: number, targets: Float32Array, stream: RandomSource): ProgrammedCellsV1 => {
    if (depth === layers.length) return device.doProgram(targets, stream.stream('device'))
    return layers[depth]!.wrapProgram!({
      targetsS: targets,
      rows,
      columns,
      device,
      doProgram: (inner, own) => programAt(depth + 1, inner, own ?? stream),
      random: stream.stream('middleware', depth),
      record,
      arrayId,
    })
  }
  return programAt(0, targetsS, random)
}
