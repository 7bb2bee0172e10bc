// GEMM against a prepared B (see prepared-gemm.h): the strip driver (strip-gemm.h) reading B's
// strips where prepare_b put them.
#include "prepared-gemm.h"

#include <algorithm>
#include <cstdint>

#include "gemm-parts.h"
#include "strip-gemm.h"

namespace cimkit {

std::size_t prepared_length(const KernelSpec& spec, int k, int n) {
  const std::size_t padded_n = (static_cast<std::size_t>(n) + spec.nr - 1) / spec.nr * spec.nr;
  return static_cast<std::size_t>(k) * padded_n + kAlignmentSlack;
}

std::size_t prepared_offset(const float* buffer) {
  const auto address = reinterpret_cast<std::uintptr_t>(buffer);
  return ((64 - address % 64) % 64) / sizeof(float);
}

void prepare_b(const KernelSpec& spec, MatrixView b, int k, int n, float* buffer) {
  float* out = buffer + prepared_offset(buffer);
  const std::ptrdiff_t padded_n = (static_cast<std::ptrdiff_t>(n) + spec.nr - 1) / spec.nr * spec.nr;
  for (int p0 = 0; p0 < k; p0 += spec.kc) pack_b(spec, b, p0, 0, std::min(spec.kc, k - p0), n, out + p0 * padded_n);
}

namespace {

struct PreparedStrips {
  const float* prepared;
  std::ptrdiff_t padded_n;
  int nr;
  void load(int, int, int, int) const {}
  const float* operator()(int strip, int p0, int depth) const { return prepared + p0 * padded_n + static_cast<std::ptrdiff_t>(strip) * nr * depth; }
  const char* next(int strip, int p0, int depth) const { return reinterpret_cast<const char*>((*this)(strip, p0, depth)); }
};

}  // namespace

void gemm_prepared(const KernelSpec& spec, int m, int n, int k, float alpha, MatrixView a, const float* prepared_b, float beta, float* c,
                   std::ptrdiff_t ldc, int threads) {
  const std::ptrdiff_t padded_n = (static_cast<std::ptrdiff_t>(n) + spec.nr - 1) / spec.nr * spec.nr;
  gemm_strips(spec, m, n, k, alpha, a, beta, c, ldc, threads, PreparedStrips{prepared_b + prepared_offset(prepared_b), padded_n, spec.nr});
}

}  // namespace cimkit
