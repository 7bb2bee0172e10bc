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
 * Finds stuck cells with a test write and read (paper 000 §5; Xia et al., DAC 2017, detect by
 * comparing a read with thresholds): every cell is programmed to mid-range and read; a cell below
 * the quarter point of the range is stuck low, above the three-quarter point stuck high. Costs one
 * pulse and one read per cell, recorded as `testRead`/`pulse` and `testRead`/`read`.
 * @since 0.1.0
 */
export function detectStuckCells(call: ProgramCallV1): DetectedFaults {
  const { minS, maxS } = call.device.conductanceRangeS
  const count = call.rows * call.columns
  const midS = (minS + maxS) / 2
  const test = call.doProgram(new Float32Array(count).fill(midS))
  call.record('testRead', 'pulse', count)
  call.record('testRead', 'read', count)
  const lowThresholdS = minS + (midS - minS) / 2
  const highThresholdS = midS + (maxS - midS) / 2
  const stuck = new Uint8Array(count)
  let faultyCells = 0
  for (let index = 0; index < count; index++) {
    const read = test.conductanceS[index]!
    if (read < lowThresholdS) stuck[index] = StuckState.stuckLow
    else if (read > highThresholdS) stuck[index] = StuckState.stuckHigh
    else continue
    faultyCells++
  }
  return { stuck, readS: Float32Array.from(test.conductanceS), faultyCells }
}
