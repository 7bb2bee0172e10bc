// AVX-512F micro-kernel, 12 x 32 (24 zmm accumulators); same template as the AVX2 kernel.
#include "kernel-blocking.h"
#include "kernel-spec.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>

namespace cimkit {
namespace {

#define CIMKIT_TARGET __attribute__((target("avx512f,avx2,fma")))
struct Avx512Isa {
  using V = __m512;
  static constexpr int kWidth = 16;
  CIMKIT_TARGET static V set1(float x) { return _mm512_set1_ps(x); }
  CIMKIT_TARGET static V zero() { return _mm512_setzero_ps(); }
  CIMKIT_TARGET static V load(const float* p) { return _mm512_loadu_ps(p); }
  CIMKIT_TARGET static V broadcast(const float* p) { return _mm512_set1_ps(*p); }
  CIMKIT_TARGET static V fma(V a, V b, V c) { return _mm512_fmadd_ps(a, b, c); }
  CIMKIT_TARGET static V add(V a, V b) { return _mm512_add_ps(a, b); }
  CIMKIT_TARGET static void store(float* p, V v) { _mm512_storeu_ps(p, v); }
};
#include "micro-kernel.h"
#undef CIMKIT_TARGET

}  // namespace

const KernelSpec& avx512_kernel_spec() {
  using B = Avx512Blocking;
  static_assert(B::kNr == 2 * Avx512Isa::kWidth, "two zmm vectors per row of the tile");
  static const KernelSpec spec{"avx512", B::kMr, B::kNr, B::kMc, B::kKc, B::kNc, &micro_kernel<Avx512Isa, B::kMr, 2>,
                               &micro_kernel_direct<Avx512Isa, B::kMr, 2, true>, &micro_kernel_direct<Avx512Isa, B::kMr, 2, false>, row_edge_kernels<Avx512Isa, B::kMr, 2>()};
  return spec;
}

}  // namespace cimkit
#endif
