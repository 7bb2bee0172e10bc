import { describe, expect, it } from 'vitest'
import { mvmFromMatrices } from './matrix-mvm-adapter.js'
import type { RealMatrix } from './matrix-mvm-adapter.js'
import { idealMvm } from './mvm-function.js'
import type { MvmuBlock } from './mvm-function.js'

/** Exact float64 product, returned as float32 like the engine. */
function exactMatrix(weights: Float32Array, rows: number, columns: number): RealMatrix {
  return {
    mvm(inputs: Float32Array): Float32Array {
      const out = new Float32Array(columns)
      for (let j = 0; j < columns; j++) {
        let sum = 0
        for (let i = 0; i < rows; i++) sum += (inputs[i] as number) * (weights[i * columns + j] as number)
        out[j] = sum
      }
      return out
    },
  }
}

describe('mvmFromMatrices (engine arrays in place of MVMUs)', () => {
  const block: MvmuBlock = { id: '0/0/0', rows: 3, columns: 2, weights: Int16Array.from([4096, -2048, 2048, 1024, -8192, 4096]), fractionBits: 12 }
  const input = Int16Array.from([2048, -4096, 1024])

  it('matches the exact fixed-point MVMU when the matrix multiplies exactly', () => {
    const expected = new Int16Array(2)
    idealMvm()(block, input, expected)
    const out = new Int16Array(2)
    mvmFromMatrices(exactMatrix)(block, input, out)
    // [0.5, −1, 0.25] · [[1, −0.5], [0.5, 0.25], [−2, 1]] = [−0.5, −0.25]
    expect(Array.from(out)).toEqual(Array.from(expected))
    expect(Array.from(out)).toEqual([-2048, -1024])
  })

  it('programs each block once and saturates out-of-range results', () => {
    let programmed = 0
    const mvm = mvmFromMatrices((weights, rows, columns) => {
      programmed++
      const matrix = exactMatrix(weights, rows, columns)
      return { mvm: (inputs, batch) => matrix.mvm(inputs, batch).map((value) => value * 100) }
    })
    const out = new Int16Array(2)
    mvm(block, input, out)
    mvm(block, input, out)
    expect(programmed).toBe(1)
    expect(Array.from(out)).toEqual([-32768, -32768])
  })
})
