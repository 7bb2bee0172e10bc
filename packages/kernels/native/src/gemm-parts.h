// Pieces of the cache-blocked GEMM shared by the plain driver (gemm.cc) and the driver for a
// prepared right-hand operand (prepared-gemm.cc).
#ifndef CIMKIT_GEMM_PARTS_H_
#define CIMKIT_GEMM_PARTS_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "gemm.h"
#include "kernel-spec.h"

namespace cimkit {

// Below this many floating-point operations per thread one thread is faster than sharing: a
// 2 MFLOP GEMM takes ~40 us on one AVX2 core (~50 GFLOP/s measured), a futex wake-up 5-50 us.
constexpr double kMinFlopsPerThread = 2e6;

// A 64-byte-aligned run of `floats` floats inside `storage` (grown on demand): vector loads then
// never straddle cache lines (malloc aligns to 16 bytes only).
inline float* aligned_floats(std::vector<float>& storage, std::size_t floats) {
  if (storage.size() < floats + 16) storage.resize(floats + 16);
  const auto address = reinterpret_cast<std::uintptr_t>(storage.data());
  return storage.data() + ((64 - address % 64) % 64) / sizeof(float);
}

// Packs alpha * A[i0.., p0..] (rows x depth) as ceil(rows / mr) strips of depth x mr, zero-padded.
void pack_a(const KernelSpec& spec, MatrixView a, int i0, int p0, int rows, int depth, float alpha, float* out);

// Packs B[p0.., j0..] (depth x columns) as ceil(columns / nr) strips of depth x nr, zero-padded.
void pack_b(const KernelSpec& spec, MatrixView b, int p0, int j0, int depth, int columns, float* out);

// C <- beta * C on m x n (beta == 0 writes zeros, NaNs included).
void scale_c(int m, int n, float beta, float* c, std::ptrdiff_t ldc);

// One micro-tile: full tiles straight into C, edge tiles through scratch (only the live part is added).
template <class Compute>
inline void run_tile(const KernelSpec& spec, int live_rows, int live_columns, float* tile, std::ptrdiff_t ldc, Compute compute) {
  if (live_rows == spec.mr && live_columns == spec.nr) {
    compute(tile, ldc);
    return;
  }
  alignas(64) float edge[32 * 32];  // >= mr x nr of every kernel spec
  std::fill(edge, edge + spec.mr * spec.nr, 0.0f);
  compute(edge, static_cast<std::ptrdiff_t>(spec.nr));
  for (int r = 0; r < live_rows; ++r) {
    for (int j = 0; j < live_columns; ++j) tile[r * ldc + j] += edge[r * spec.nr + j];
  }
}

}  // namespace cimkit

#endif  // CIMKIT_GEMM_PARTS_H_
