// Cache-blocked single-threaded GEMM (Goto's loop nest): KC×NC panels of B stay in L2, MC×KC
// blocks of A in L2/L1, one packed B strip in L1 while the micro-kernel sweeps A strips.

import { microKernel4x8 } from './micro-kernel'
import { MR, NR, packA, packB } from './pack'

/** Depth of one packed panel (k direction). */
const KC: i32 = 256
/** Rows of A packed at once (multiple of MR): 64×256 floats = 64 KiB. */
const MC: i32 = 64
/** Columns of B packed at once (multiple of NR): 256×256 floats = 256 KiB. */
const NC: i32 = 256

/** Bytes of scratch `gemm` needs at `scratch`: packed A block, packed B panel, one edge tile. */
export function gemmScratchBytes(): i32 {
  return (MC * KC + KC * NC + MR * NR) << 2
}

/**
 * C ← alpha·op(A)·op(B) + beta·C, row-major, op(A) m×k, op(B) k×n (BLAS sgemm semantics:
 * beta = 0 overwrites C, NaNs included). All pointers are byte addresses.
 */
export function gemm(m: i32, n: i32, k: i32, a: usize, b: usize, c: usize, alpha: f32, beta: f32, transposeA: bool, transposeB: bool, scratch: usize): void {
  scaleC(c, m * n, beta)
  if (k == 0 || alpha == 0) return
  const rowStrideA = transposeA ? 1 : k
  const colStrideA = transposeA ? m : 1
  const rowStrideB = transposeB ? 1 : n
  const colStrideB = transposeB ? k : 1
  const packedA = scratch
  const packedB = scratch + (<usize>(MC * KC) << 2)
  const edge = packedB + (<usize>(KC * NC) << 2)
  for (let j0 = 0; j0 < n; j0 += NC) {
    const columns = min(NC, n - j0)
    for (let p0 = 0; p0 < k; p0 += KC) {
      const depth = min(KC, k - p0)
      packB(b, rowStrideB, colStrideB, p0, j0, depth, columns, packedB)
      for (let i0 = 0; i0 < m; i0 += MC) {
        const rows = min(MC, m - i0)
        packA(a, rowStrideA, colStrideA, i0, p0, rows, depth, alpha, packedA)
        for (let jr = 0; jr < columns; jr += NR) {
          const stripB = packedB + (<usize>(jr * depth) << 2)
          const liveColumns = min(NR, columns - jr)
          for (let ir = 0; ir < rows; ir += MR) {
            const tile = c + (<usize>((i0 + ir) * n + j0 + jr) << 2)
            microKernel4x8(depth, packedA + (<usize>(ir * depth) << 2), stripB, tile, n, min(MR, rows - ir), liveColumns, edge)
          }
        }
      }
    }
  }
}

function scaleC(c: usize, count: i32, beta: f32): void {
  if (beta == 1) return
  if (beta == 0) {
    memory.fill(c, 0, <usize>count << 2)
    return
  }
  const factor = f32x4.splat(beta)
  let index = 0
  for (; index + 4 <= count; index += 4) {
    const at = c + (<usize>index << 2)
    v128.store(at, f32x4.mul(v128.load(at), factor))
  }
  for (; index < count; index++) {
    const at = c + (<usize>index << 2)
    store<f32>(at, load<f32>(at) * beta)
  }
}
