import type { PreparedGemmParamsV1, PreparedMatrixV1 } from '@cimkit/core'
import { InvalidArgumentError } from '@cimkit/core'
import { checkPreparedGemmShape, checkPrepareMatrixShape } from './prepared-gemm-shape.js'

/**
 * A prepared operand that is a plain copy of B as k×n, for backends whose GEMM gains nothing from
 * another layout (the reference and WebAssembly backends): `gemmPrepared` is their own `gemm`.
 * @since 0.2.0
 */
export function copiedPreparedMatrices(
  backend: string,
  gemm: (params: { m: number; n: number; k: number; a: Float32Array; b: Float32Array; c: Float32Array; alpha?: number; beta?: number; transposeA?: boolean }) => void,
): {
  prepareMatrix(b: Float32Array, k: number, n: number, options?: { readonly transposeB?: boolean }): PreparedMatrixV1
  gemmPrepared(params: PreparedGemmParamsV1): void
} {
  const copies = new WeakMap<PreparedMatrixV1, Float32Array>()
  return {
    prepareMatrix(b, k, n, options = {}): PreparedMatrixV1 {
      checkPrepareMatrixShape(b, k, n)
      const copy = new Float32Array(k * n)
      if (options.transposeB === true) {
        for (let p = 0; p < k; p++) for (let j = 0; j < n; j++) copy[p * n + j] = b[j * k + p]!
      } else {
        copy.set(b.subarray(0, k * n))
      }
      const prepared: PreparedMatrixV1 = Object.freeze({ backend, k, n, bytes: copy.byteLength })
      copies.set(prepared, copy)
      return prepared
    },
    gemmPrepared(params): void {
      const copy = copies.get(params.b)
      if (copy === undefined) throw new InvalidArgumentError('gemmPrepared', `b was not prepared by backend "${backend}"`)
      checkPreparedGemmShape(params, backend, copy.length)
      gemm({ m: params.m, n: params.b.n, k: params.b.k, a: params.a, b: copy, c: params.c, ...(params.alpha === undefined ? {} : { alpha: params.alpha }), ...(params.beta === undefined ? {} : { beta: params.beta }), ...(params.transposeA === undefined ? {} : { transposeA: params.transposeA }) })
    },
  }
}
