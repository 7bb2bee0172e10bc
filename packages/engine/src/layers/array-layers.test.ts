import type { ArrayOrganizationV1 } from '@cimkit/core'
import { createRandomSource } from '@cimkit/core'
import { expectCloseToArray } from '@cimkit/core/testing'
import { referenceBackend } from '@cimkit/kernels'
import { describe, expect, it } from 'vitest'
import { ActivityCounter } from '../engine/activity-counter.js'
import type { AnalogMatrixOptions } from '../engine/analog-matrix-options.js'
import { IdealLevelsDevice } from '../testing/ideal-levels-device.js'
import { createArrayConv2dLayer } from './array-conv2d-layer.js'
import { createArrayDenseLayer } from './array-dense-layer.js'
import { digitalOps } from './digital-ops.js'

// Ideal hardware at 16-bit weights: the only error is weight quantization (≤ 2^-16 of full scale).
const organization: ArrayOrganizationV1 = { rows: 16, columns: 16, weightBits: 16, bitsPerCell: 15, inputBits: 8, weightMapping: 'differential', conversion: 'per-input-bit', columnsPerConverter: 1 }
const options = (seed: number): AnalogMatrixOptions => ({
  organization,
  device: new IdealLevelsDevice({ minS: 1e-6, maxS: 1e-4, levels: null }),
  inputEncoder: null,
  outputConverter: null,
  backend: referenceBackend,
  random: createRandomSource(seed),
  inputRange: 2,
})

function uniform(seed: number, length: number): Float32Array {
  const values = new Float32Array(length)
  createRandomSource(seed).fillUniform(values, -1, 1)
  return values
}

describe('layers on arrays', () => {
  it('dense with its bias on an extra row equals x·W + b (tiled over 16×16 arrays)', () => {
    const [inputs, outputs, batch] = [37, 11, 3]
    const weights = uniform(1, inputs * outputs)
    const bias = uniform(2, outputs)
    const x = uniform(3, batch * inputs)
    const layer = createArrayDenseLayer(weights, bias, inputs, outputs, options(4))
    expect(layer.matrix.rows).toBe(inputs + 1)
    const expected = new Float64Array(batch * outputs)
    for (let b = 0; b < batch; b++) for (let o = 0; o < outputs; o++) {
      let sum = bias[o]!
      for (let i = 0; i < inputs; i++) sum += x[b * inputs + i]! * weights[i * outputs + o]!
      expected[b * outputs + o] = sum
    }
    expectCloseToArray(layer.forward(x, batch), expected, { atol: 1e-3 })
  })

  it('conv2d by im2col ((k·k·C_in + 1) × C_out) equals a direct convolution, one MVM per output position', () => {
    const shape = { inputChannels: 2, outputChannels: 3, kernelHeight: 3, kernelWidth: 3, strideHeight: 1, strideWidth: 1, padTop: 1, padLeft: 1, padBottom: 1, padRight: 1 }
    const [batch, height, width] = [2, 5, 4]
    const weights = uniform(5, 3 * 2 * 9)
    const bias = uniform(6, 3)
    const input = uniform(7, batch * 2 * height * width)
    const layer = createArrayConv2dLayer(weights, bias, shape, options(8))
    expect(layer.matrix.rows).toBe(2 * 9 + 1)
    const { output, height: outHeight, width: outWidth } = layer.forward(input, batch, height, width)
    expect([outHeight, outWidth]).toEqual([5, 4])
    const expected = new Float64Array(batch * 3 * height * width)
    for (let n = 0; n < batch; n++) for (let m = 0; m < 3; m++) for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) {
      let sum = bias[m]!
      for (let c = 0; c < 2; c++) for (let ky = 0; ky < 3; ky++) for (let kx = 0; kx < 3; kx++) {
        const iy = y + ky - 1
        const ix = x + kx - 1
        if (iy < 0 || iy >= height || ix < 0 || ix >= width) continue
        sum += input[((n * 2 + c) * height + iy) * width + ix]! * weights[((m * 2 + c) * 3 + ky) * 3 + kx]!
      }
      expected[((n * 3 + m) * height + y) * width + x] = sum
    }
    expectCloseToArray(output, expected, { atol: 1e-3 })
    // 19 rows on 16-row arrays: 2 row blocks; one read per output position per row block.
    expect(layer.activity()['array']!['mvm']).toBe(batch * height * width * 2)
  })

  it('digital ops compute and count: ReLU 1, batch norm 2, residual add 1 per element, max-pool k² − 1 per output', () => {
    const counter = new ActivityCounter()
    const values = Float32Array.of(-1, 2, 3, -4, 5, 6, 7, 8)
    digitalOps.relu(values, counter)
    expect(Array.from(values)).toEqual([0, 2, 3, 0, 5, 6, 7, 8])
    digitalOps.batchNorm(values, 2, 4, Float32Array.of(1, 2), Float32Array.of(0, 1), counter)
    expect(Array.from(values)).toEqual([0, 2, 3, 0, 11, 13, 15, 17])
    digitalOps.add(values, new Float32Array(8).fill(1), counter)
    const pooled = digitalOps.maxPool2d(values, 2, 2, 2, 2, 2, counter)
    expect(Array.from(pooled.output)).toEqual([4, 18])
    expect(counter.snapshot()).toEqual({ digital: { op: 8 + 16 + 8 + 2 * 3 } })
  })
})
