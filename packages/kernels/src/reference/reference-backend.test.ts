import { createRandomSource } from '@cimkit/core'
import { expectCloseToArray } from '@cimkit/core/testing'
import { describe, expect, it } from 'vitest'
import { referenceGemm } from './reference-gemm.js'
import { convolutionOutputSize, referenceIm2col } from './reference-im2col.js'
import { referenceQuantize } from './reference-quantize.js'

function naiveProduct(a: Float32Array, b: Float32Array, m: number, n: number, k: number): Float64Array {
  const c = new Float64Array(m * n)
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) for (let p = 0; p < k; p++) c[i * n + j]! += a[i * k + p]! * b[p * n + j]!
  return c
}

function transpose(x: Float32Array, rows: number, columns: number): Float32Array {
  const t = new Float32Array(x.length)
  for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) t[c * rows + r] = x[r * columns + c]!
  return t
}

describe('referenceGemm', () => {
  it('equals the triple-loop definition, with every transpose combination, alpha and beta', () => {
    const random = createRandomSource(1)
    const [m, n, k] = [7, 5, 9]
    const a = new Float32Array(m * k)
    const b = new Float32Array(k * n)
    random.fillNormal(a)
    random.fillNormal(b)
    const expected = naiveProduct(a, b, m, n, k)
    for (const transposeA of [false, true]) {
      for (const transposeB of [false, true]) {
        const c = new Float32Array(m * n).fill(1)
        referenceGemm({ m, n, k, a: transposeA ? transpose(a, m, k) : a, b: transposeB ? transpose(b, k, n) : b, c, alpha: 2, beta: 0.5, transposeA, transposeB })
        // float32 storage of a float64 accumulation: relative 1e-6 of the magnitude
        expectCloseToArray(c, Array.from(expected, (value) => 2 * value + 0.5), { rtol: 1e-6, atol: 1e-5 })
      }
    }
  })

  it('rejects buffers smaller than the shape', () => {
    expect(() => referenceGemm({ m: 2, n: 2, k: 2, a: new Float32Array(3), b: new Float32Array(4), c: new Float32Array(4) })).toThrow(/too small/)
  })
})

describe('referenceIm2col', () => {
  it('computes a padded, strided convolution equal to direct convolution', () => {
    const random = createRandomSource(2)
    const [batch, channels, height, width, kernel, stride, pad] = [2, 3, 6, 5, 3, 2, 1]
    const input = new Float32Array(batch * channels * height * width)
    const weights = new Float32Array(4 * channels * kernel * kernel)
    random.fillNormal(input)
    random.fillNormal(weights)
    const outH = convolutionOutputSize(height, kernel, stride, pad, pad)
    const outW = convolutionOutputSize(width, kernel, stride, pad, pad)
    const columns = referenceIm2col({ input, batch, channels, height, width, kernelHeight: kernel, kernelWidth: kernel, strideHeight: stride, strideWidth: stride, padTop: pad, padLeft: pad, padBottom: pad, padRight: pad })
    const positions = batch * outH * outW
    const viaGemm = new Float32Array(4 * positions)
    referenceGemm({ m: 4, n: positions, k: channels * kernel * kernel, a: weights, b: columns, c: viaGemm })
    for (let o = 0; o < 4; o++) {
      for (let image = 0; image < batch; image++) {
        for (let oy = 0; oy < outH; oy++) {
          for (let ox = 0; ox < outW; ox++) {
            let sum = 0
            for (let c = 0; c < channels; c++) for (let ky = 0; ky < kernel; ky++) for (let kx = 0; kx < kernel; kx++) {
              const y = oy * stride - pad + ky
              const x = ox * stride - pad + kx
              if (y < 0 || y >= height || x < 0 || x >= width) continue
              sum += weights[((o * channels + c) * kernel + ky) * kernel + kx]! * input[((image * channels + c) * height + y) * width + x]!
            }
            expect(viaGemm[o * positions + (image * outH + oy) * outW + ox]).toBeCloseTo(sum, 4)
          }
        }
      }
    }
  })
})

describe('referenceQuantize', () => {
  it('clips, then rounds to the step with ties away from zero', () => {
    const out = new Float32Array(6)
    referenceQuantize(new Float32Array([-2, -0.25, 0.25, 0.26, 0.74, 5]), 0.5, -1, 1, out)
    expect(Array.from(out)).toEqual([-1, -0.5, 0.5, 0.5, 0.5, 1])
  })
})
