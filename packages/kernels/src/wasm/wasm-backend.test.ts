import { describe, expect, it } from 'vitest'
import { referenceGemm } from '../reference/reference-gemm.js'
import { describeBackendConformance } from '../testing/describe-backend-conformance.js'
import { createWasmBackend } from './wasm-backend.js'

describeBackendConformance('wasm-simd', () => createWasmBackend())

describe('createWasmBackend', () => {
  it('grows linear memory for a large GEMM and stays correct for a small one afterwards', () => {
    const backend = createWasmBackend()
    const [m, n, k] = [700, 3, 600] // 1.7 MB of A: more than the initial memory
    const a = new Float32Array(m * k).map((_, index) => ((index * 7919) % 13) - 6)
    const b = new Float32Array(k * n).map((_, index) => ((index * 104729) % 5) - 2)
    const c = new Float32Array(m * n)
    const expected = new Float32Array(m * n)
    backend.gemm({ m, n, k, a, b, c })
    referenceGemm({ m, n, k, a, b, c: expected })
    // small integers: every partial sum is exact in float32, so the results agree exactly
    expect(Array.from(c)).toEqual(Array.from(expected))
    const small = new Float32Array(4)
    backend.gemm({ m: 2, n: 2, k: 2, a: Float32Array.of(1, 2, 3, 4), b: Float32Array.of(5, 6, 7, 8), c: small })
    expect(Array.from(small)).toEqual([19, 22, 43, 50])
  })
})
