// Portable fallback micro-kernel: plain C++ on float "vectors" of width 1, which compilers
// auto-vectorize to the baseline ISA (SSE2 on x86-64, NEON on arm64).
#include "kernel-spec.h"

namespace cimkit {
namespace {

#define CIMKIT_TARGET
struct ScalarIsa {
  using V = float;
  static constexpr int kWidth = 1;
  static V set1(float x) { return x; }
  static V zero() { return 0.0f; }
  static V load(const float* p) { return *p; }
  static V broadcast(const float* p) { return *p; }
  static V fma(V a, V b, V c) { return c + a * b; }
  static V add(V a, V b) { return a + b; }
  static void store(float* p, V v) { *p = v; }
};
#include "micro-kernel.h"
#undef CIMKIT_TARGET

}  // namespace

const KernelSpec& scalar_kernel_spec() {
  static const KernelSpec spec{"scalar", 4, 8, 128, 256, 1024, &micro_kernel<ScalarIsa, 4, 8>, &micro_kernel_direct<ScalarIsa, 4, 8, true>, &micro_kernel_direct<ScalarIsa, 4, 8, false>, row_edge_kernels<ScalarIsa, 4, 8>()};
  return spec;
}

}  // namespace cimkit
