import type { PreparedGemmParamsV1, PreparedMatrixV1 } from '@cimkit/core'
import { InvalidArgumentError } from '@cimkit/core'
import { checkGemmShape } from './gemm-shape.js'
import type { GemmShape } from './gemm-shape.js'

/**
 * Checks a `gemmPrepared` call like {@link checkGemmShape} (k and n come from the prepared
 * operand) and that `b` was prepared by the backend named `backend`.
 * @since 0.2.0
 */
export function checkPreparedGemmShape(params: PreparedGemmParamsV1, backend: string, preparedLength: number): GemmShape {
  const { b, ...rest } = params
  if (b.backend !== backend) throw new InvalidArgumentError('gemmPrepared', `b was prepared by backend "${b.backend}", not by "${backend}"`)
  return checkGemmShape({ ...rest, n: b.n, k: b.k, b: { length: preparedLength } as Float32Array, transposeB: false })
}

/**
 * Checks `prepareMatrix`'s arguments: non-negative integer sizes and `b` large enough.
 * @since 0.2.0
 */
export function checkPrepareMatrixShape(b: Float32Array, k: number, n: number): void {
  for (const [name, value] of [['k', k], ['n', n]] as const) {
    if (!Number.isInteger(value) || value < 0) throw new InvalidArgumentError('prepareMatrix', `${name} must be a non-negative integer, got ${value}`)
  }
  if (b.length < k * n) throw new InvalidArgumentError('prepareMatrix', `b too small for k=${k}, n=${n} (b ${b.length})`)
}

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
