// The 4×8 register-blocked micro-kernel: C[0..4, 0..8] += Apanel · Bpanel over `depth` steps.
// 8 f32x4 accumulators + 2 B vectors + 1 broadcast = 11 of the 16 XMM registers V8 allocates
// on x64 (a 6×8 tile needs 15 and spills). WebAssembly SIMD has no fused multiply-add outside
// the relaxed-SIMD proposal, so each step is a multiply then an add.

import { MR, NR } from './pack'

/**
 * Adds the product of one packed A strip (depth×MR) and one packed B strip (depth×NR) into the
 * tile of C at `c` (row stride `ldc` floats). `rows`/`columns` < MR/NR mark an edge tile, which
 * goes through the `edge` scratch (MR·NR floats) so no store leaves the matrix.
 */
export function microKernel4x8(depth: i32, packedA: usize, packedB: usize, c: usize, ldc: i32, rows: i32, columns: i32, edge: usize): void {
  let c00 = f32x4.splat(0)
  let c01 = f32x4.splat(0)
  let c10 = f32x4.splat(0)
  let c11 = f32x4.splat(0)
  let c20 = f32x4.splat(0)
  let c21 = f32x4.splat(0)
  let c30 = f32x4.splat(0)
  let c31 = f32x4.splat(0)
  let pa = packedA
  let pb = packedB
  for (let p = 0; p < depth; p++) {
    const b0 = v128.load(pb)
    const b1 = v128.load(pb, 16)
    let a = v128.load32_splat(pa)
    c00 = f32x4.add(c00, f32x4.mul(a, b0))
    c01 = f32x4.add(c01, f32x4.mul(a, b1))
    a = v128.load32_splat(pa, 4)
    c10 = f32x4.add(c10, f32x4.mul(a, b0))
    c11 = f32x4.add(c11, f32x4.mul(a, b1))
    a = v128.load32_splat(pa, 8)
    c20 = f32x4.add(c20, f32x4.mul(a, b0))
    c21 = f32x4.add(c21, f32x4.mul(a, b1))
    a = v128.load32_splat(pa, 12)
    c30 = f32x4.add(c30, f32x4.mul(a, b0))
    c31 = f32x4.add(c31, f32x4.mul(a, b1))
    pa += <usize>(MR << 2)
    pb += <usize>(NR << 2)
  }
  const full = rows == MR && columns == NR
  const target = full ? c : edge
  const stride: usize = full ? <usize>ldc << 2 : <usize>NR << 2
  addRow(target, c00, c01, full)
  addRow(target + stride, c10, c11, full)
  addRow(target + 2 * stride, c20, c21, full)
  addRow(target + 3 * stride, c30, c31, full)
  if (full) return
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < columns; j++) {
      const cell = c + (<usize>(r * ldc + j) << 2)
      store<f32>(cell, load<f32>(cell) + load<f32>(edge + (<usize>(r * NR + j) << 2)))
    }
  }
}

// @ts-ignore: decorator
@inline
function addRow(row: usize, low: v128, high: v128, accumulate: bool): void {
  if (accumulate) {
    v128.store(row, f32x4.add(v128.load(row), low))
    v128.store(row, f32x4.add(v128.load(row, 16), high), 16)
  } else {
    v128.store(row, low)
    v128.store(row, high, 16)
  }
}
