import type { PreparedGemmParamsV1 } from '@cimkit/core'
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
