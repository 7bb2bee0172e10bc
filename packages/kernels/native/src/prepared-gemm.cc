// GEMM against a prepared B (see prepared-gemm.h). Loop nest per claimed group of B strips:
// pc (kc panel) -> ic (mc rows of A) -> jr (strip of B, kc x nr, stays in L1) -> ir (mr rows).
// Full strips of row-major (or column-major) A are read in place by the direct micro-kernel; only
// a partial last strip (or a generally strided A) is packed, once for every panel.
#include "prepared-gemm.h"

#include <algorithm>
#include <vector>

#include "gemm-parts.h"
#include "thread-pool.h"

namespace cimkit {
namespace {

// Pieces per thread: a thread that the OS runs late (a shared machine) holds up at most one small
// piece while the others take the rest; more pieces re-read the A panel more often.
constexpr int kPiecesPerThread = 4;

thread_local std::vector<float> packed_tail_storage;

}  // namespace

std::size_t prepared_length(const KernelSpec& spec, int k, int n) {
  const std::size_t padded_n = (static_cast<std::size_t>(n) + spec.nr - 1) / spec.nr * spec.nr;
  return static_cast<std::size_t>(k) * padded_n;
}

void prepare_b(const KernelSpec& spec, MatrixView b, int k, int n, float* out) {
  const std::ptrdiff_t padded_n = (static_cast<std::ptrdiff_t>(n) + spec.nr - 1) / spec.nr * spec.nr;
  for (int p0 = 0; p0 < k; p0 += spec.kc) pack_b(spec, b, p0, 0, std::min(spec.kc, k - p0), n, out + p0 * padded_n);
}

void gemm_prepared(const KernelSpec& spec, int m, int n, int k, float alpha, MatrixView a, const float* prepared_b, float beta, float* c,
                   std::ptrdiff_t ldc, int threads) {
  if (m == 0 || n == 0) return;
  if (k == 0 || alpha == 0.0f) {
    scale_c(m, n, beta, c, ldc);
    return;
  }
  const int mr = spec.mr, nr = spec.nr;
  const bool row_major_a = a.column_stride == 1;
  const bool direct = row_major_a || a.row_stride == 1;
  const DirectKernelFn direct_kernel = row_major_a ? spec.direct_row_major : spec.direct_column_major;
  const std::ptrdiff_t direct_stride = row_major_a ? a.row_stride : a.column_stride;
  const int full_rows = direct ? m - m % mr : 0;
  const int tail_rows = m - full_rows;
  const std::ptrdiff_t tail_padded = (tail_rows + mr - 1) / mr * mr;
  const std::ptrdiff_t padded_n = (static_cast<std::ptrdiff_t>(n) + nr - 1) / nr * nr;
  // Rows not read in place, packed once for all panels: panel p0 at p0 * tail_padded floats.
  if (packed_tail_storage.size() < static_cast<std::size_t>(tail_padded * k)) packed_tail_storage.resize(tail_padded * k);
  float* tail = packed_tail_storage.data();
  if (tail_rows > 0) {
    for (int p0 = 0; p0 < k; p0 += spec.kc) pack_a(spec, a, full_rows, p0, tail_rows, std::min(spec.kc, k - p0), alpha, tail + p0 * tail_padded);
  }
  const int strips = static_cast<int>(padded_n / nr);
  auto run_strips = [&](int first, int last) {
    const int j0 = first * nr, j1 = std::min(n, last * nr);
    scale_c(m, j1 - j0, beta, c + j0, ldc);
    for (int p0 = 0; p0 < k; p0 += spec.kc) {
      const int depth = std::min(spec.kc, k - p0);
      const float* panel = prepared_b + p0 * padded_n;
      const float* tail_panel = tail + p0 * tail_padded;
      for (int i0 = 0; i0 < m; i0 += spec.mc) {
        const int rows_end = std::min(m, i0 + spec.mc);
        for (int strip = first; strip < last; ++strip) {
          const float* strip_b = panel + static_cast<std::ptrdiff_t>(strip) * nr * depth;
          const int live_columns = std::min(nr, n - strip * nr);
          for (int ir = i0; ir < rows_end; ir += mr) {
            float* tile = c + ir * ldc + strip * nr;
            const int live_rows = std::min(mr, m - ir);
            if (ir < full_rows) {
              const float* source = a.data + ir * a.row_stride + p0 * a.column_stride;
              run_tile(spec, live_rows, live_columns, tile, ldc, [&](float* target, std::ptrdiff_t stride) {
                direct_kernel(depth, source, direct_stride, strip_b, target, stride, alpha);
              });
            } else {
              const float* strip_a = tail_panel + static_cast<std::ptrdiff_t>(ir - full_rows) * depth;
              run_tile(spec, live_rows, live_columns, tile, ldc, [&](float* target, std::ptrdiff_t stride) { spec.kernel(depth, strip_a, strip_b, target, stride); });
            }
          }
        }
      }
    }
  };
  ThreadPool& pool = shared_thread_pool();
  const double flops = 2.0 * m * n * k;
  const int by_work = static_cast<int>(std::max(1.0, flops / kMinFlopsPerThread));
  const int parts = std::max(1, std::min({threads, pool.capacity(), by_work}));
  const int pieces = parts <= 1 ? 1 : std::min({strips, parts * kPiecesPerThread, 65535});
  if (pieces <= 1) {
    run_strips(0, strips);
    return;
  }
  pool.run(pieces, [&](int piece) {
    run_strips(static_cast<int>(static_cast<std::ptrdiff_t>(strips) * piece / pieces), static_cast<int>(static_cast<std::ptrdiff_t>(strips) * (piece + 1) / pieces));
  });
}

}  // namespace cimkit
