import { StuckState } from '@cimkit/core'
import type { ProgramCallV1 } from '@cimkit/core'

/** A fault map found by a test read. @since 0.1.0 */
export interface DetectedFaults {
  /** Per cell: `StuckState` code as detected (0 healthy). */
  readonly stuck: Uint8Array
  /** Per cell: the conductance the test read saw, siemens (the value a stuck cell will keep). */
  readonly readS: Float32Array
  readonly faultyCells: number
}

/**
 * Finds stuck cells with a two-pass test write and read (paper 000 §5; Xia et al., DAC 2017 detect
 * faults by comparing reads with a threshold): every cell is written to the highest state and read
 * (a cell reading below the middle of the range is stuck low), then written to the lowest state and
 * read (a cell reading above the middle is stuck high). Only the extreme states are written, so the
 * test suits binary, multi-level and analog devices alike. Costs two pulses and two reads per cell,
 * recorded as `testRead`/`pulse` and `testRead`/`read`.
 * @since 0.1.0
 */
export function detectStuckCells(call: ProgramCallV1): DetectedFaults {
  const { device } = call
  const lowS = device.levelsS?.[0] ?? device.conductanceRangeS.minS
  const highS = device.levelsS?.at(-1) ?? device.conductanceRangeS.maxS
  const count = call.rows * call.columns
  const middleS = (lowS + highS) / 2
  const high = call.doProgram(new Float32Array(count).fill(highS))
  const low = call.doProgram(new Float32Array(count).fill(lowS))
  call.record('testRead', 'pulse', 2 * count)
  call.record('testRead', 'read', 2 * count)
  const stuck = new Uint8Array(count)
  const readS = new Float32Array(count)
  let faultyCells = 0
  for (let index = 0; index < count; index++) {
    if (high.conductanceS[index]! < middleS) {
      stuck[index] = StuckState.stuckLow
      readS[index] = high.conductanceS[index]!
    } else if (low.conductanceS[index]! > middleS) {
      stuck[index] = StuckState.stuckHigh
      readS[index] = low.conductanceS[index]!
    } else {
      readS[index] = low.conductanceS[index]!
      continue
    }
    faultyCells++
  }
  return { stuck, readS, faultyCells }
}
