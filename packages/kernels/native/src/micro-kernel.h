// One register-blocked micro-kernel template shared by every ISA, so the AVX-512 instantiation is
// the same code as the AVX2 one that the test suite exercises on any AVX2 machine; only the
// vector traits (load, broadcast, fused multiply-add) differ. Include this header inside an
// anonymous namespace after defining CIMKIT_TARGET for the translation unit's ISA.
//
// C[0..MR, 0..NR] += sum_p Apanel[p][r] * Bpanel[p][j] (Goto & van de Geijn, ACM TOMS 2008).
// Accumulators: MR x NV vectors, kept in registers (AVX2 6x16: 12 of 16 ymm; AVX-512 12x32:
// 24 of 32 zmm), plus NV vectors of B and one broadcast of A.

// A_STRIDE: floats per step of the packed A strip (the spec's mr; larger than MR for the kernels of
// a partial last strip, which read the first MR rows of a zero-padded full-height strip).
template <class Isa, int MR, int NV, int A_STRIDE = MR>
CIMKIT_TARGET void micro_kernel(int depth, const float* packed_a, const float* packed_b, float* c, std::ptrdiff_t ldc) {
  using V = typename Isa::V;
  constexpr int W = Isa::kWidth;
  constexpr int NR = NV * W;
  V acc[MR][NV];
#pragma GCC unroll 32
  for (int r = 0; r < MR; ++r) {
#pragma GCC unroll 4
    for (int v = 0; v < NV; ++v) acc[r][v] = Isa::zero();
  }
  for (int p = 0; p < depth; ++p) {
    V b[NV];
#pragma GCC unroll 4
    for (int v = 0; v < NV; ++v) b[v] = Isa::load(packed_b + v * W);
#pragma GCC unroll 32
    for (int r = 0; r < MR; ++r) {
      const V a = Isa::broadcast(packed_a + r);
#pragma GCC unroll 4
      for (int v = 0; v < NV; ++v) acc[r][v] = Isa::fma(a, b[v], acc[r][v]);
    }
    packed_a += A_STRIDE;
    packed_b += NR;
  }
#pragma GCC unroll 32
  for (int r = 0; r < MR; ++r) {
    float* row = c + r * ldc;
#pragma GCC unroll 4
    for (int v = 0; v < NV; ++v) Isa::store(row + v * W, Isa::add(Isa::load(row + v * W), acc[r][v]));
  }
}

// Kernels for a partial last strip of R = 1 .. MR - 1 live rows (index R; entry 0 unused), writing
// C in place: a batch of 64 vectors leaves 4 rows over 6-row tiles, which through a scratch tile
// cost a fifth of a single-threaded GEMM.
template <class Isa, int MR, int NV, int... R>
const cimkit::MicroKernelFn* row_edge_kernels_of(std::integer_sequence<int, R...>) {
  static const cimkit::MicroKernelFn kernels[] = {nullptr, &micro_kernel<Isa, R + 1, NV, MR>...};
  return kernels;
}

template <class Isa, int MR, int NV>
const cimkit::MicroKernelFn* row_edge_kernels() {
  return row_edge_kernels_of<Isa, MR, NV>(std::make_integer_sequence<int, MR - 1>{});
}

// The same tile product reading A in place instead of from a packed strip, for skinny C (few
// columns) where each element of A is used by only n / NR tiles and packing it would cost as much
// as the arithmetic. kRowMajor: A(r, p) = a[r * stride + p] (MR contiguous row streams);
// otherwise A(r, p) = a[p * stride + r] (MR adjacent floats per step). C += alpha * tile.
template <class Isa, int MR, int NV, bool kRowMajor>
CIMKIT_TARGET void micro_kernel_direct(int depth, const float* a, std::ptrdiff_t stride, const float* packed_b, float* c, std::ptrdiff_t ldc, float alpha) {
  using V = typename Isa::V;
  constexpr int W = Isa::kWidth;
  constexpr int NR = NV * W;
  V acc[MR][NV];
#pragma GCC unroll 32
  for (int r = 0; r < MR; ++r) {
#pragma GCC unroll 4
    for (int v = 0; v < NV; ++v) acc[r][v] = Isa::zero();
  }
  for (int p = 0; p < depth; ++p) {
    V b[NV];
#pragma GCC unroll 4
    for (int v = 0; v < NV; ++v) b[v] = Isa::load(packed_b + v * W);
#pragma GCC unroll 32
    for (int r = 0; r < MR; ++r) {
      const V value = Isa::broadcast(kRowMajor ? a + r * stride + p : a + p * stride + r);
#pragma GCC unroll 4
      for (int v = 0; v < NV; ++v) acc[r][v] = Isa::fma(value, b[v], acc[r][v]);
    }
    packed_b += NR;
  }
  const V scale = Isa::set1(alpha);
#pragma GCC unroll 32
  for (int r = 0; r < MR; ++r) {
    float* row = c + r * ldc;
#pragma GCC unroll 4
    for (int v = 0; v < NV; ++v) Isa::store(row + v * W, Isa::fma(scale, acc[r][v], Isa::load(row + v * W)));
  }
}
