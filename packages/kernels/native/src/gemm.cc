// Cache-blocked GEMM (Goto & van de Geijn, "Anatomy of high-performance matrix multiplication",
// ACM TOMS 34(3), 2008): loop nest jc (nc) -> pc (kc, pack B) -> ic (mc, pack A) -> jr (nr) ->
// ir (mr) -> micro-kernel. Packing makes both transposes one code path and zero-pads edges; for
// skinny C (n <= kDirectMaxColumns) full strips of A are read in place instead of packed.
#include "gemm.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <utility>
#include <vector>

#include "gemm-parts.h"
#include "strip-gemm.h"
#include "thread-pool.h"

namespace cimkit {
namespace {

// Per-thread packing buffers, 64-byte aligned, grown on demand and reused across calls.
struct Workspace {
  std::vector<float> storage_a, storage_b;
};

thread_local Workspace workspace;

// Skinny C: with at most this many columns each element of A feeds at most 512 / nr micro-tiles,
// and reading A in place beats packing it (single-core CPU time on AVX2, 1024 x 1024 times
// 1024 x 64: ~50 GFLOP/s packed vs ~55-70 direct; transposed A 22 vs 53).
constexpr int kDirectMaxColumns = 512;

void gemm_serial(const KernelSpec& spec, int m, int n, int k, float alpha, MatrixView a, MatrixView b, float beta, float* c, std::ptrdiff_t ldc) {
  scale_c(m, n, beta, c, ldc);
  if (m == 0 || n == 0 || k == 0 || alpha == 0.0f) return;
  const int mr = spec.mr, nr = spec.nr;
  const bool row_major_a = a.column_stride == 1;
  const bool direct = n <= kDirectMaxColumns && (row_major_a || a.row_stride == 1);
  const DirectKernelFn direct_kernel = row_major_a ? spec.direct_row_major : spec.direct_column_major;
  const std::ptrdiff_t direct_stride = row_major_a ? a.row_stride : a.column_stride;
  float* packed_a = aligned_floats(workspace.storage_a, static_cast<std::size_t>(spec.mc) * spec.kc);
  float* packed_b = aligned_floats(workspace.storage_b, static_cast<std::size_t>(spec.kc) * spec.nc);
  for (int j0 = 0; j0 < n; j0 += spec.nc) {
    const int columns = std::min(spec.nc, n - j0);
    for (int p0 = 0; p0 < k; p0 += spec.kc) {
      const int depth = std::min(spec.kc, k - p0);
      pack_b(spec, b, p0, j0, depth, columns, packed_b);
      for (int i0 = 0; i0 < m; i0 += spec.mc) {
        const int rows = std::min(spec.mc, m - i0);
        // Direct mode packs only a partial last strip (reading past A's last row is not allowed).
        const int full_rows = direct ? rows - rows % mr : 0;
        if (rows > full_rows) pack_a(spec, a, i0 + full_rows, p0, rows - full_rows, depth, alpha, packed_a);
        for (int jr = 0; jr < columns; jr += nr) {
          const float* strip_b = packed_b + static_cast<std::ptrdiff_t>(jr) * depth;
          const int live_columns = std::min(nr, columns - jr);
          for (int ir = 0; ir < rows; ir += mr) {
            float* tile = c + (i0 + ir) * ldc + j0 + jr;
            const int live_rows = std::min(mr, rows - ir);
            if (ir < full_rows) {
              const float* source = a.data + (i0 + ir) * a.row_stride + p0 * a.column_stride;
              run_tile(spec, live_rows, live_columns, tile, ldc, [&](float* target, std::ptrdiff_t stride) {
                direct_kernel(depth, source, direct_stride, strip_b, target, stride, alpha);
              });
            } else {
              const float* strip_a = packed_a + static_cast<std::ptrdiff_t>(ir - full_rows) * depth;
              run_tile(spec, live_rows, live_columns, tile, ldc, [&](float* target, std::ptrdiff_t stride) {
                spec.kernel(depth, strip_a, strip_b, target, stride);
              });
            }
          }
        }
      }
    }
  }
}

}  // namespace

// Packs alpha * A[i0.., p0..] (rows x depth) as ceil(rows / mr) strips of depth x mr, zero-padded.
// Reads follow A's contiguous direction (along p for row-major A, along rows for transposed A).
void pack_a(const KernelSpec& spec, MatrixView a, int i0, int p0, int rows, int depth, float alpha, float* out) {
  const int mr = spec.mr;
  for (int strip = 0; strip < rows; strip += mr) {
    const int live = std::min(mr, rows - strip);
    float* target = out + static_cast<std::ptrdiff_t>(strip) * depth;
    const float* source = a.data + (i0 + strip) * a.row_stride + p0 * a.column_stride;
    if (a.row_stride == 1) {
      for (int p = 0; p < depth; ++p) {
        const float* column = source + p * a.column_stride;
        for (int r = 0; r < mr; ++r) target[p * mr + r] = r < live ? alpha * column[r] : 0.0f;
      }
      continue;
    }
    for (int r = 0; r < mr; ++r) {
      const float* row = source + r * a.row_stride;
      for (int p = 0; p < depth; ++p) target[p * mr + r] = r < live ? alpha * row[p * a.column_stride] : 0.0f;
    }
  }
}

// Packs B[p0.., j0..] (depth x columns) as ceil(columns / nr) strips of depth x nr, zero-padded.
void pack_b(const KernelSpec& spec, MatrixView b, int p0, int j0, int depth, int columns, float* out) {
  const int nr = spec.nr;
  if (b.column_stride == 1) {
    // Row by row: each row of B is read as one contiguous run (strip-major order would read one
    // nr-wide piece of every row per strip, rows n floats apart, which the prefetchers do not follow).
    for (int p = 0; p < depth; ++p) {
      const float* source = b.data + (p0 + p) * b.row_stride + j0;
      for (int strip = 0; strip < columns; strip += nr) {
        const int live = std::min(nr, columns - strip);
        float* row = out + static_cast<std::ptrdiff_t>(strip) * depth + p * nr;
        std::memcpy(row, source + strip, sizeof(float) * live);
        for (int j = live; j < nr; ++j) row[j] = 0.0f;
      }
    }
    return;
  }
  for (int strip = 0; strip < columns; strip += nr) {
    const int live = std::min(nr, columns - strip);
    float* target = out + static_cast<std::ptrdiff_t>(strip) * depth;
    for (int p = 0; p < depth; ++p) {
      const float* source = b.data + (p0 + p) * b.row_stride + (j0 + strip) * b.column_stride;
      float* row = target + p * nr;
      for (int j = 0; j < live; ++j) row[j] = source[j * b.column_stride];
      for (int j = live; j < nr; ++j) row[j] = 0.0f;
    }
  }
}

void scale_c(int m, int n, float beta, float* c, std::ptrdiff_t ldc) {
  if (beta == 1.0f) return;
  for (int i = 0; i < m; ++i) {
    float* row = c + i * ldc;
    if (beta == 0.0f) std::fill(row, row + n, 0.0f);
    else for (int j = 0; j < n; ++j) row[j] *= beta;
  }
}

std::vector<float>& strip_gemm_packed_a() {
  thread_local std::vector<float> storage;
  return storage;
}

namespace {

// B strips packed on the fly by the thread that uses them: a group's strips of one panel at once
// (rows of B read as contiguous runs of the group's width, which the prefetchers follow; one
// strip at a time reads one 64-byte piece of each 4 KiB-apart row and waits on every one).
struct StripsPackedOnUse {
  const KernelSpec& spec;
  MatrixView b;
  int n;
  static std::vector<float>& buffer() {
    thread_local std::vector<float> storage;
    return storage;
  }
  void load(int first, int last, int p0, int depth) const {
    const std::size_t floats = static_cast<std::size_t>(last - first) * spec.nr * depth;
    float* strips = aligned_floats(buffer(), floats);
    pack_b(spec, b, p0, first * spec.nr, depth, std::min(n, last * spec.nr) - first * spec.nr, strips);
    loaded() = {strips, first};
  }
  const float* operator()(int strip, int, int depth) const { return loaded().first + static_cast<std::ptrdiff_t>(strip - loaded().second) * spec.nr * depth; }
  const char* next(int, int, int) const { return nullptr; }
  // Per thread, as the buffer: threads load different groups at the same time (strips, first strip).
  static std::pair<float*, int>& loaded() {
    thread_local std::pair<float*, int> strips{nullptr, 0};
    return strips;
  }
};

}  // namespace

void gemm(const KernelSpec& spec, int m, int n, int k, float alpha, MatrixView a, MatrixView b, float beta, float* c, std::ptrdiff_t ldc, int threads) {
  // A batch of vectors times a wide B (the engine's drive times weights): B is read once, one
  // strip at a time by the thread that uses it, instead of packing kc x nc panels that spill L2.
  if (m <= spec.mc && n >= 2 * spec.nr) {
    gemm_strips(spec, m, n, k, alpha, a, beta, c, ldc, threads, StripsPackedOnUse{spec, b, n});
    return;
  }
  ThreadPool& pool = shared_thread_pool();
  const double flops = 2.0 * m * n * k;
  const int by_work = static_cast<int>(std::max(1.0, flops / kMinFlopsPerThread));
  int parts = std::max(1, std::min({threads, pool.capacity(), by_work}));
  // Split the larger of m and n: each part packs its own copy of B (row split) or reads all of A
  // (column split), so splitting the larger dimension keeps that duplicated traffic small.
  const bool split_rows = m >= n;
  const int extent = split_rows ? m : n;
  const int unit = split_rows ? spec.mr : spec.nr;
  const int units = (extent + unit - 1) / unit;
  parts = std::min(parts, units);
  if (parts <= 1) {
    gemm_serial(spec, m, n, k, alpha, a, b, beta, c, ldc);
    return;
  }
  pool.run(parts, [&](int part) {
    const int first = static_cast<int>(static_cast<std::ptrdiff_t>(units) * part / parts) * unit;
    const int last = std::min(extent, static_cast<int>(static_cast<std::ptrdiff_t>(units) * (part + 1) / parts) * unit);
    if (first >= last) return;
    if (split_rows) {
      MatrixView rows_of_a{a.data + first * a.row_stride, a.row_stride, a.column_stride};
      gemm_serial(spec, last - first, n, k, alpha, rows_of_a, b, beta, c + first * ldc, ldc);
    } else {
      MatrixView columns_of_b{b.data + first * b.column_stride, b.row_stride, b.column_stride};
      gemm_serial(spec, m, last - first, k, alpha, a, columns_of_b, beta, c + first, ldc);
    }
  });
}

}  // namespace cimkit
