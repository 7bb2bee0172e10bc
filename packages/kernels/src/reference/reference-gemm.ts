import type { GemmParamsV1 } from '@cimkit/core'
import { InvalidArgumentError } from '@cimkit/core'

/**
 * C ← alpha·op(A)·op(B) + beta·C in plain TypeScript: the oracle every faster backend is tested
 * against. Loop order i-p-j keeps the inner loop streaming over contiguous rows of B and C, which
 * V8 compiles to tight scalar code (~1–2 GFLOP/s here); accumulation is in float64 per row of C.
 * @since 0.1.0
 */
export function referenceGemm({ m, n, k, a, b, c, alpha = 1, beta = 0, transposeA = false, transposeB = false }: GemmParamsV1): void {
  if (a.length < m * k || b.length < k * n || c.length < m * n) {
    throw new InvalidArgumentError('gemm', `buffers too small for m=${m}, n=${n}, k=${k} (a ${a.length}, b ${b.length}, c ${c.length})`)
  }
  const row = new Float64Array(n)
  for (let i = 0; i < m; i++) {
    row.fill(0)
    for (let p = 0; p < k; p++) {
      const aValue = transposeA ? a[p * m + i]! : a[i * k + p]!
      if (aValue === 0) continue
      if (transposeB) {
        for (let j = 0; j < n; j++) row[j]! += aValue * b[j * k + p]!
      } else {
        const offset = p * n
        for (let j = 0; j < n; j++) row[j]! += aValue * b[offset + j]!
      }
    }
    const offset = i * n
    if (beta === 0) for (let j = 0; j < n; j++) c[offset + j] = alpha * row[j]!
    else for (let j = 0; j < n; j++) c[offset + j] = alpha * row[j]! + beta * c[offset + j]!
  }
}
