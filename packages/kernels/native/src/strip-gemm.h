// The GEMM driver for a small A (a batch of drive vectors) and a wide B: A is packed once per call
// into strips of mr rows and shared; B is walked one kc x nr strip at a time (L1-sized), each strip
// used by every row tile before the next. Groups of strips are claimed dynamically by the pool's
// threads, so a thread the OS runs late holds up at most one small group. B strips come from a
// `StripSource`: read from a prepared operand (prepared-gemm.cc), or packed on the fly by the
// thread that uses them (gemm.cc, for a B that is read once).
//
// Loop nest per group: pc (kc panel) -> ic (mc rows of A) -> jr (strip of B) -> ir (mr rows).
#ifndef CIMKIT_STRIP_GEMM_H_
#define CIMKIT_STRIP_GEMM_H_

#include <algorithm>
#include <cstddef>
#include <vector>

#include "gemm-parts.h"
#include "thread-pool.h"

namespace cimkit {

// Strips per thread: more re-read the packed A more often, fewer balance worse on a busy machine.
constexpr int kStripGroupsPerThread = 4;
constexpr std::ptrdiff_t kCacheLine = 64;

// A packed per call, grown on demand; the caller's (workers only read it during the call).
std::vector<float>& strip_gemm_packed_a();

// StripSource: `void load(int first, int last, int p0, int depth)` readies strips [first, last) of
// the panel at row p0 of B (called by the thread that then uses them); `const float*
// operator()(int strip, int p0, int depth)` returns one of them, depth x nr floats (p-major, zero
// past column n), valid until the next load on the same thread; `const char* next(...)` the
// address to prefetch for a strip (or null).
template <class StripSource>
void gemm_strips(const KernelSpec& spec, int m, int n, int k, float alpha, MatrixView a, float beta, float* c, std::ptrdiff_t ldc, int threads,
                 const StripSource& source) {
  if (m == 0 || n == 0) return;
  if (k == 0 || alpha == 0.0f) {
    scale_c(m, n, beta, c, ldc);
    return;
  }
  const int mr = spec.mr, nr = spec.nr;
  // A packed into mr-row strips (panel p0 at p0 * padded_m floats): contiguous broadcasts, and no
  // 4 KiB-apart row streams (six rows of a 1024-wide row-major A share one L1 set).
  const std::ptrdiff_t padded_m = (static_cast<std::ptrdiff_t>(m) + mr - 1) / mr * mr;
  float* packed_a = aligned_floats(strip_gemm_packed_a(), static_cast<std::size_t>(padded_m) * k);
  for (int p0 = 0; p0 < k; p0 += spec.kc) pack_a(spec, a, 0, p0, m, std::min(spec.kc, k - p0), alpha, packed_a + p0 * padded_m);
  const int strips = (n + nr - 1) / nr;
  auto run_strips = [&](int first, int last) {
    const int j0 = first * nr, j1 = std::min(n, last * nr);
    scale_c(m, j1 - j0, beta, c + j0, ldc);
    for (int p0 = 0; p0 < k; p0 += spec.kc) {
      const int depth = std::min(spec.kc, k - p0);
      const float* panel_a = packed_a + p0 * padded_m;
      const std::ptrdiff_t strip_bytes = static_cast<std::ptrdiff_t>(nr) * depth * sizeof(float);
      source.load(first, last, p0, depth);
      for (int i0 = 0; i0 < m; i0 += spec.mc) {
        const int rows_end = std::min(m, i0 + spec.mc);
        const int tiles = (rows_end - i0 + mr - 1) / mr;
        // The next strip is fetched a share per tile while this one is in L1: otherwise the first
        // tile of each strip waits on memory (a large B is evicted from the shared L3 between calls).
        const std::ptrdiff_t share = (strip_bytes / kCacheLine + tiles - 1) / tiles * kCacheLine;
        for (int strip = first; strip < last; ++strip) {
          const float* strip_b = source(strip, p0, depth);
          const char* next_b = strip + 1 < last ? source.next(strip + 1, p0, depth) : nullptr;
          const int live_columns = std::min(nr, n - strip * nr);
          std::ptrdiff_t fetched = 0;
          for (int ir = i0; ir < rows_end; ir += mr) {
            if (next_b != nullptr) {
              for (const std::ptrdiff_t end = std::min(strip_bytes, fetched + share); fetched < end; fetched += kCacheLine) __builtin_prefetch(next_b + fetched, 0, 3);
            }
            const float* strip_a = panel_a + static_cast<std::ptrdiff_t>(ir) * depth;
            const int live_rows = std::min(mr, m - ir);
            float* tile = c + ir * ldc + strip * nr;
            if (live_rows < mr && live_columns == nr) {
              spec.row_edge[live_rows](depth, strip_a, strip_b, tile, ldc);
              continue;
            }
            run_tile(spec, live_rows, live_columns, tile, ldc, [&](float* target, std::ptrdiff_t stride) { spec.kernel(depth, strip_a, strip_b, target, stride); });
          }
        }
      }
    }
  };
  ThreadPool& pool = shared_thread_pool();
  const double flops = 2.0 * m * n * k;
  const int by_work = static_cast<int>(std::max(1.0, flops / kMinFlopsPerThread));
  const int parts = std::max(1, std::min({threads, pool.capacity(), by_work}));
  const int groups = parts <= 1 ? 1 : std::min({strips, parts * kStripGroupsPerThread, 65535});
  if (groups <= 1) {
    run_strips(0, strips);
    return;
  }
  pool.run(groups, [&](int group) {
    run_strips(static_cast<int>(static_cast<std::ptrdiff_t>(strips) * group / groups), static_cast<int>(static_cast<std::ptrdiff_t>(strips) * (group + 1) / groups));
  });
}

}  // namespace cimkit

#endif  // CIMKIT_STRIP_GEMM_H_
