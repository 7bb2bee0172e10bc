// Runs the AVX-512 kernel's exact geometry (kernel-blocking.h: 12 x 32 tiles, kc 192, mc 144)
// through the production driver (gemm.cc, thread-pool.cc) and micro-kernel templates, with the
// 16-float vector emulated by a GCC/Clang vector extension, so machines without AVX-512 (like
// the project's CI) still test every blocking edge of that path. Only the six intrinsic
// one-liners of Avx512Isa (kernel-avx512.cc) stay unexecuted there.
// Build and run: see src/native/avx512-geometry.test.ts. Prints "N passed, M failed".
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <vector>

#include "../src/gemm.h"
#include "../src/kernel-blocking.h"
#include "../src/kernel-spec.h"

namespace {

typedef float Vector16 __attribute__((vector_size(64)));

#define CIMKIT_TARGET
struct Emulated16Isa {
  using V = Vector16;
  static constexpr int kWidth = 16;
  static V set1(float x) { return V{} + x; }
  static V zero() { return V{}; }
  static V load(const float* p) {
    V v;
    std::memcpy(&v, p, sizeof v);
    return v;
  }
  static V broadcast(const float* p) { return V{} + *p; }
  static V fma(V a, V b, V c) { return c + a * b; }
  static V add(V a, V b) { return a + b; }
  static void store(float* p, V v) { std::memcpy(p, &v, sizeof v); }
};
#include "../src/micro-kernel.h"
#undef CIMKIT_TARGET

// Deterministic operands in [-1, 1) (64-bit LCG, Knuth MMIX constants).
struct Lcg {
  std::uint64_t state;
  float next() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<float>((state >> 40) * (1.0 / (1ULL << 24)) * 2.0 - 1.0);
  }
};

struct Case {
  int m, n, k;
  bool transpose_a, transpose_b;
  float alpha, beta;
  int threads;
};

// True when every element is within the float32 summation bound of the float64 product
// (Higham eq. 3.5, as in src/testing/gemm-oracle-check.ts) and nothing outside C was written.
bool check(const cimkit::KernelSpec& spec, const Case& test, std::uint64_t seed) {
  const int m = test.m, n = test.n, k = test.k;
  Lcg random{seed};
  std::vector<float> a(static_cast<std::size_t>(m) * k), b(static_cast<std::size_t>(k) * n), c(static_cast<std::size_t>(m) * n + 8, 7.0f);
  for (float& value : a) value = random.next();
  for (float& value : b) value = random.next();
  for (int index = 0; index < m * n; ++index) c[index] = random.next();
  const std::vector<float> initial(c);
  const cimkit::MatrixView view_a = test.transpose_a ? cimkit::MatrixView{a.data(), 1, m} : cimkit::MatrixView{a.data(), k, 1};
  const cimkit::MatrixView view_b = test.transpose_b ? cimkit::MatrixView{b.data(), 1, k} : cimkit::MatrixView{b.data(), n, 1};
  cimkit::gemm(spec, m, n, k, test.alpha, view_a, view_b, test.beta, c.data(), n, test.threads);
  const double u = std::ldexp(1.0, -24);
  for (int i = 0; i < m; ++i) {
    for (int j = 0; j < n; ++j) {
      double exact = 0, magnitude = 0;
      for (int p = 0; p < k; ++p) {
        const double product = static_cast<double>(view_a.data[i * view_a.row_stride + p * view_a.column_stride]) * view_b.data[p * view_b.row_stride + j * view_b.column_stride];
        exact += product;
        magnitude += std::fabs(product);
      }
      const double previous = test.beta == 0 ? 0 : static_cast<double>(test.beta) * initial[i * n + j];
      const double expected = test.alpha * exact + previous;
      const double bound = (k + 4) * u * 1.01 * (std::fabs(test.alpha) * magnitude + std::fabs(previous)) + 2 * u * std::fabs(expected) + 1e-30;
      if (!(std::fabs(c[i * n + j] - expected) <= bound)) {
        std::printf("FAIL m=%d n=%d k=%d tA=%d tB=%d threads=%d: C[%d][%d] = %.9g, expected %.9g (bound %.3g)\n", m, n, k, test.transpose_a, test.transpose_b, test.threads, i, j, c[i * n + j], expected, bound);
        return false;
      }
    }
  }
  for (int index = m * n; index < m * n + 8; ++index) {
    if (c[index] != 7.0f) {
      std::printf("FAIL m=%d n=%d k=%d: wrote past C\n", m, n, k);
      return false;
    }
  }
  return true;
}

}  // namespace

int main() {
  using B = cimkit::Avx512Blocking;
  static_assert(B::kNr == 2 * Emulated16Isa::kWidth, "same tile as the AVX-512 kernel");
  const cimkit::KernelSpec spec{"avx512-geometry", B::kMr, B::kNr, B::kMc, B::kKc, B::kNc, &micro_kernel<Emulated16Isa, B::kMr, 2>,
                                &micro_kernel_direct<Emulated16Isa, B::kMr, 2, true>, &micro_kernel_direct<Emulated16Isa, B::kMr, 2, false>,
                                row_edge_kernels<Emulated16Isa, B::kMr, 2>()};
  // Full and partial tiles, k across one and two kc panels, m across mc blocks, n across the
  // in-place-A limit (512) and one nc panel, and the threaded row and column splits.
  const int shapes[][3] = {{12, 32, 7}, {13, 33, 1}, {11, 31, 193}, {145, 40, 385}, {300, 70, 200}, {40, 520, 150}, {25, 1030, 9}, {1, 1, 1}};
  int passed = 0, failed = 0;
  std::uint64_t seed = 1;
  for (const auto& shape : shapes) {
    for (int transpose = 0; transpose < 4; ++transpose) {
      for (const int threads : {1, 2}) {
        const Case test{shape[0], shape[1], shape[2], (transpose & 1) != 0, (transpose & 2) != 0, transpose == 3 ? -1.5f : 1.0f, transpose == 2 ? 0.5f : 0.0f, threads};
        (check(spec, test, seed++) ? passed : failed) += 1;
      }
    }
  }
  std::printf("%d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
