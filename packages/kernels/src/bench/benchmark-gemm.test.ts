import { describe, expect, it } from 'vitest'
import { referenceBackend } from '../reference/reference-backend.js'
import { benchmarkGemm } from './benchmark-gemm.js'

describe('benchmarkGemm', () => {
  it('times (n×n)·(n×batch) and reports 2·n²·batch / median seconds as GFLOP/s', () => {
    const result = benchmarkGemm({ n: 48, batch: 8, backend: referenceBackend, repeats: 5 })
    expect(result).toMatchObject({ backend: 'reference', n: 48, batch: 8, repeats: 5 })
    expect(result.seconds).toBeGreaterThan(0)
    expect(result.gflops).toBeCloseTo((2 * 48 * 48 * 8) / result.seconds / 1e9, 9)
  })

  it('rejects a non-positive size', () => {
    expect(() => benchmarkGemm({ n: 0, batch: 8, backend: referenceBackend })).toThrow(/positive integers/)
  })
})
