import type { ComputeBackendV1, GemmParamsV1 } from '@cimkit/core'
import { describe, expect, it } from 'vitest'
import { referenceBackend } from '../reference/reference-backend.js'
import { referenceGemm } from '../reference/reference-gemm.js'
import { checkGemmAgainstOracle } from './gemm-oracle-check.js'
import type { GemmCase } from './gemm-oracle-check.js'

function broken(name: string, gemm: (params: GemmParamsV1) => void): ComputeBackendV1 {
  return { ...referenceBackend, name, gemm }
}

const testCase: GemmCase = { m: 13, n: 17, k: 130, alpha: 2.5, beta: -0.75, transposeA: false, transposeB: true }

describe('checkGemmAgainstOracle (the conformance suite must catch real bugs)', () => {
  it('passes the oracle against itself', () => {
    expect(checkGemmAgainstOracle(referenceBackend, referenceBackend, testCase)).toBeNull()
  })

  it('catches a GEMM that drops the last term of the sum', () => {
    const dropsLast = broken('drops-last', (params) => referenceGemm({ ...params, k: params.k - 1, a: params.transposeA ? params.a : dropColumn(params.a, params.m, params.k), b: params.b }))
    expect(checkGemmAgainstOracle(dropsLast, referenceBackend, { ...testCase, transposeA: false, transposeB: false })).toMatch(/vs oracle/)
  })

  it('catches a relative error of 1e-4 (far above float32 rounding)', () => {
    const sloppy = broken('sloppy', (params) => {
      referenceGemm(params)
      for (let index = 0; index < params.m * params.n; index++) params.c[index] = params.c[index]! * (1 + 1e-4)
    })
    expect(checkGemmAgainstOracle(sloppy, referenceBackend, testCase)).toMatch(/vs oracle/)
  })

  it('catches a GEMM that ignores beta = 0 semantics (NaN in C must be overwritten)', () => {
    const keepsNaN = broken('keeps-nan', (params) => {
      const beta = params.beta ?? 0
      referenceGemm({ ...params, beta: beta === 0 ? 1 : beta })
    })
    expect(checkGemmAgainstOracle(keepsNaN, referenceBackend, { ...testCase, beta: 0 })).toMatch(/NaN/)
  })

  it('catches writes past the end of C and changes to an input', () => {
    const overruns = broken('overruns', (params) => {
      referenceGemm(params)
      new Float32Array(params.c.buffer, params.c.byteOffset, params.m * params.n + 1)[params.m * params.n] = 0
    })
    expect(checkGemmAgainstOracle(overruns, referenceBackend, testCase)).toMatch(/outside C/)
    const scribbles = broken('scribbles', (params) => {
      referenceGemm(params)
      ;(params.a as Float32Array)[0] = 42
    })
    expect(checkGemmAgainstOracle(scribbles, referenceBackend, testCase)).toMatch(/input/)
  })
})

/** Copies a row-major m×k matrix without its last column (an (m)×(k−1) matrix). */
function dropColumn(a: Float32Array, m: number, k: number): Float32Array {
  const out = new Float32Array(m * (k - 1))
  for (let i = 0; i < m; i++) out.set(a.subarray(i * k, i * k + k - 1), i * (k - 1))
  return out
}
