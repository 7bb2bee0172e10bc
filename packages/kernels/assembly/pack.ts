// Packing of GEMM operands into the contiguous micro-panels the 4×8 micro-kernel streams through
// (Goto & van de Geijn, "Anatomy of high-performance matrix multiplication", ACM TOMS 2008).
// op(A)(i, p) = A[i·rowStrideA + p·colStrideA] and op(B)(p, j) = B[p·rowStrideB + j·colStrideB]
// express both transposes with one code path. Pointers are byte addresses in linear memory.

/** Rows of C per micro-tile. */
export const MR: i32 = 4
/** Columns of C per micro-tile (two f32x4 vectors). */
export const NR: i32 = 8

/**
 * Packs alpha·op(A)[i0 .. i0+rows, p0 .. p0+depth] as ⌈rows/MR⌉ strips of depth×MR floats
 * (p-major), zero-padding the last strip so the micro-kernel never branches on the edge.
 */
export function packA(a: usize, rowStride: i32, colStride: i32, i0: i32, p0: i32, rows: i32, depth: i32, alpha: f32, out: usize): void {
  for (let strip = 0; strip < rows; strip += MR) {
    const live = min(MR, rows - strip)
    for (let p = 0; p < depth; p++) {
      const target = out + (<usize>(strip * depth + p * MR) << 2)
      for (let r = 0; r < MR; r++) {
        let value: f32 = 0
        if (r < live) value = alpha * load<f32>(a + (<usize>((i0 + strip + r) * rowStride + (p0 + p) * colStride) << 2))
        store<f32>(target + (<usize>r << 2), value)
      }
    }
  }
}

/**
 * Packs op(B)[p0 .. p0+depth, j0 .. j0+columns] as ⌈columns/NR⌉ strips of depth×NR floats
 * (p-major), zero-padding the last strip.
 */
export function packB(b: usize, rowStride: i32, colStride: i32, p0: i32, j0: i32, depth: i32, columns: i32, out: usize): void {
  for (let strip = 0; strip < columns; strip += NR) {
    const live = min(NR, columns - strip)
    const base = out + (<usize>(strip * depth) << 2)
    if (live == NR && colStride == 1) {
      // Contiguous rows of B (the common, non-transposed case): two vector copies per row.
      for (let p = 0; p < depth; p++) {
        const source = b + (<usize>((p0 + p) * rowStride + j0 + strip) << 2)
        const target = base + (<usize>(p * NR) << 2)
        v128.store(target, v128.load(source))
        v128.store(target, v128.load(source, 16), 16)
      }
      continue
    }
    for (let p = 0; p < depth; p++) {
      const target = base + (<usize>(p * NR) << 2)
      for (let j = 0; j < NR; j++) {
        let value: f32 = 0
        if (j < live) value = load<f32>(b + (<usize>((p0 + p) * rowStride + (j0 + strip + j) * colStride) << 2))
        store<f32>(target + (<usize>j << 2), value)
      }
    }
  }
}
