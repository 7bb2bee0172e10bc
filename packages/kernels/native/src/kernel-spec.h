#ifndef CIMKIT_KERNEL_SPEC_H_
#define CIMKIT_KERNEL_SPEC_H_

#include <cstddef>
#include <utility>

namespace cimkit {

// A full-tile micro-kernel: C[0..mr, 0..nr] += packed A strip (depth x mr, p-major) times packed
// B strip (depth x nr, p-major); c has row stride ldc floats.
using MicroKernelFn = void (*)(int depth, const float* packed_a, const float* packed_b, float* c, std::ptrdiff_t ldc);

// The same product reading A in place (row-major: A(r, p) = a[r * stride + p]; column-major:
// a[p * stride + r]), C += alpha * tile; for skinny C where packing A does not pay.
using DirectKernelFn = void (*)(int depth, const float* a, std::ptrdiff_t stride, const float* packed_b, float* c, std::ptrdiff_t ldc, float alpha);

// Register tile and cache blocking of one ISA's GEMM.
struct KernelSpec {
  const char* name;
  int mr;  // rows of C per micro-tile
  int nr;  // columns of C per micro-tile
  int mc;  // rows of A packed per block (multiple of mr; block mc x kc stays in L2)
  int kc;  // depth of a packed panel (B strip kc x nr stays in L1)
  int nc;  // columns of B packed per panel (multiple of nr)
  MicroKernelFn kernel;
  DirectKernelFn direct_row_major;
  DirectKernelFn direct_column_major;
  // row_edge[r], r = 1 .. mr - 1: the full-width tile product for the first r rows of a packed
  // (zero-padded) A strip, accumulated into C in place.
  const MicroKernelFn* row_edge;
};

enum class Isa { kScalar = 0, kAvx2 = 1, kAvx512 = 2 };

const KernelSpec& scalar_kernel_spec();
// These two exist only when compiled for x86-64 with GCC or Clang (see cpu-features.cc).
const KernelSpec& avx2_kernel_spec();
const KernelSpec& avx512_kernel_spec();

// True when this build contains the ISA's kernel and the CPU and OS support it.
bool isa_supported(Isa isa);
const KernelSpec& kernel_spec(Isa isa);

}  // namespace cimkit

#endif  // CIMKIT_KERNEL_SPEC_H_
