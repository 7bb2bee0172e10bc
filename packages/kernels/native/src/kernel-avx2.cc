// AVX2 + FMA micro-kernel, 6 x 16 (12 ymm accumulators), compiled with a function-level target
// attribute so the rest of the addon stays baseline x86-64 and runs on any CPU.
#include "kernel-spec.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>

namespace cimkit {
namespace {

#define CIMKIT_TARGET __attribute__((target("avx2,fma")))
struct Avx2Isa {
  using V = __m256;
  static constexpr int kWidth = 8;
  CIMKIT_TARGET static V set1(float x) { return _mm256_set1_ps(x); }
  CIMKIT_TARGET static V zero() { return _mm256_setzero_ps(); }
  CIMKIT_TARGET static V load(const float* p) { return _mm256_loadu_ps(p); }
  CIMKIT_TARGET static V broadcast(const float* p) { return _mm256_broadcast_ss(p); }
  CIMKIT_TARGET static V fma(V a, V b, V c) { return _mm256_fmadd_ps(a, b, c); }
  CIMKIT_TARGET static V add(V a, V b) { return _mm256_add_ps(a, b); }
  CIMKIT_TARGET static void store(float* p, V v) { _mm256_storeu_ps(p, v); }
};
#include "micro-kernel.h"
#undef CIMKIT_TARGET

}  // namespace

// Blocking for Zen 3 / Skylake-class caches: A block 120 x 256 floats = 120 KiB (L2),
// B strip 256 x 16 floats = 16 KiB (L1d 32 KiB).
const KernelSpec& avx2_kernel_spec() {
  static const KernelSpec spec{"avx2", 6, 16, 120, 256, 1024, &micro_kernel<Avx2Isa, 6, 2>, &micro_kernel_direct<Avx2Isa, 6, 2, true>, &micro_kernel_direct<Avx2Isa, 6, 2, false>, row_edge_kernels<Avx2Isa, 6, 2>()};
  return spec;
}

}  // namespace cimkit
#endif
