import type { ComputeBackendV1 } from '@cimkit/core'
import { referenceBackend } from '@cimkit/kernels'
import { describe, expect, it } from 'vitest'
import { residentGemm } from './resident-gemm.js'

/** The reference backend with counters on its GEMM entry points. */
function counting(withPrepared: boolean): { backend: ComputeBackendV1; counts: { gemm: number; prepare: number; prepared: number } } {
  const counts = { gemm: 0, prepare: 0, prepared: 0 }
  const { prepareMatrix, gemmPrepared, ...plain } = referenceBackend
  const backend: ComputeBackendV1 = {
    ...plain,
    gemm: (params) => {
      counts.gemm++
      referenceBackend.gemm(params)
    },
    ...(withPrepared
      ? {
          prepareMatrix: (b, k, n, options) => {
            counts.prepare++
            return prepareMatrix!(b, k, n, options)
          },
          gemmPrepared: (params) => {
            counts.prepared++
            gemmPrepared!(params)
          },
        }
      : {}),
  }
  return { backend, counts }
}

describe('residentGemm: a kept weight matrix prepared once per backend', () => {
  const a = Float32Array.from({ length: 2 * 3 }, (_, index) => index - 2)
  const b = Float32Array.from({ length: 3 * 4 }, (_, index) => (index % 5) - 1.5)
  const expected = new Float32Array(2 * 4)
  referenceBackend.gemm({ m: 2, n: 4, k: 3, a, b, c: expected })

  it('prepares B on the first call only and gives the plain product', () => {
    const { backend, counts } = counting(true)
    for (let call = 0; call < 3; call++) {
      const c = new Float32Array(2 * 4).fill(Number.NaN)
      residentGemm(backend, 2, 4, 3, a, b, c)
      expect(Array.from(c)).toEqual(Array.from(expected))
    }
    expect(counts).toEqual({ gemm: 0, prepare: 1, prepared: 3 })
  })

  it('prepares again for another backend and for another array', () => {
    const first = counting(true)
    const second = counting(true)
    residentGemm(first.backend, 2, 4, 3, a, b, new Float32Array(8))
    residentGemm(second.backend, 2, 4, 3, a, b, new Float32Array(8))
    residentGemm(first.backend, 2, 4, 3, a, b.slice(), new Float32Array(8))
    expect([first.counts.prepare, second.counts.prepare]).toEqual([2, 1])
  })

  it('accumulates with beta = 1 and falls back to gemm on a backend without prepared operands', () => {
    const { backend, counts } = counting(false)
    const c = Float32Array.from(expected)
    residentGemm(backend, 2, 4, 3, a, b, c, 1)
    expect(Array.from(c)).toEqual(Array.from(expected, (value) => 2 * value))
    expect(counts).toEqual({ gemm: 1, prepare: 0, prepared: 0 })
  })
})
