import { InvalidArgumentError } from '@cimkit/core'

/**
 * Bit counts of every input group: s[b][g][j] = Σ_{i in group g} x[b][i]·W[i][j], the analog MAC one
 * XNOR-RRAM column computes for one group (paper 002). `weights` is inputs × outputs row-major,
 * `inputs` batch × inputs; ±1 values give integer bit counts in [−size, size] step 2.
 * Output layout: batch × groups × outputs.
 * @since 0.1.0
 */
export function groupPartialSums(weights: Float32Array, inputs: Float32Array, batch: number, inputCount: number, outputCount: number, boundaries: Int32Array): Float32Array {
  if (weights.length !== inputCount * outputCount) throw new InvalidArgumentError('weights', `expected ${inputCount}×${outputCount} values, got ${weights.length}`)
  if (inputs.length !== batch * inputCount) throw new InvalidArgumentError('inputs', `expected ${batch}×${inputCount} values, got ${inputs.length}`)
  if (boundaries[0] !== 0 || boundaries[boundaries.length - 1] !== inputCount) throw new InvalidArgumentError('boundaries', `must run from 0 to ${inputCount}`)
  const groups = boundaries.length - 1
  const sums = new Float32Array(batch * groups * outputCount)
  for (let b = 0; b < batch; b++) {
    for (let g = 0; g < groups; g++) {
      const base = (b * groups + g) * outputCount
      for (let i = boundaries[g]!; i < boundaries[g + 1]!; i++) {
        const x = inputs[b * inputCount + i]!
        if (x === 0) continue
        const row = i * outputCount
        for (let j = 0; j < outputCount; j++) sums[base + j] = sums[base + j]! + x * weights[row + j]!
      }
    }
  }
  return sums
}
