import type { GemmParamsV1 } from '@cimkit/core'
import { InvalidArgumentError } from '@cimkit/core'

/** A validated GEMM call with defaults filled in. @since 0.1.0 */
export interface GemmShape {
  readonly m: number
  readonly n: number
  readonly k: number
  readonly alpha: number
  readonly beta: number
  readonly transposeA: boolean
  readonly transposeB: boolean
}

/**
 * Checks a GEMM call before it reaches WebAssembly or C++, where a wrong size would read or write
 * out of bounds instead of throwing: sizes must be non-negative integers and every buffer large
 * enough (same message as the reference backend).
 * @example checkGemmShape({ m: 2, n: 2, k: 2, a, b, c }).alpha // returns 1
 * @since 0.1.0
 */
export function checkGemmShape({ m, n, k, a, b, c, alpha = 1, beta = 0, transposeA = false, transposeB = false }: GemmParamsV1): GemmShape {
  for (const [name, value] of [['m', m], ['n', n], ['k', k]] as const) {
    if (!Number.isInteger(value) || value < 0) throw new InvalidArgumentError('gemm', `${name} must be a non-negative integer, got ${value}`)
  }
  if (a.length < m * k || b.length < k * n || c.length < m * n) {
    throw new InvalidArgumentError('gemm', `buffers too small for m=${m}, n=${n}, k=${k} (a ${a.length}, b ${b.length}, c ${c.length})`)
  }
  return { m, n, k, alpha, beta, transposeA, transposeB }
}
