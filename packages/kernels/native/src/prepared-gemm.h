// A right-hand operand packed once in the micro-kernel's layout and kept (a crossbar's weights are
// programmed once and read by every GEMM after): each call then skips packing B, which for a
// batch of 64 vectors reads and writes all of B to do 64 multiply-adds per element of it.
//
// Layout for a kernel spec: B (k x n) in panels of kc rows (the last may be shorter); the panel
// starting at row p0 begins at p0 * padded_n floats and holds padded_n / nr strips of depth x nr
// floats (p-major), zero past column n; padded_n = ceil(n / nr) * nr. The strips start at the
// first 64-byte boundary of the buffer (prepared_offset), so vector loads never straddle lines;
// the buffer must not move between prepare_b and gemm_prepared (an ArrayBuffer's store does not).
#ifndef CIMKIT_PREPARED_GEMM_H_
#define CIMKIT_PREPARED_GEMM_H_

#include <cstddef>

#include "gemm.h"
#include "kernel-spec.h"

namespace cimkit {

// Floats of slack before the strips for their 64-byte alignment.
constexpr std::size_t kAlignmentSlack = 16;

// Floats of a buffer for B prepared for `spec`: k * padded_n + the alignment slack.
std::size_t prepared_length(const KernelSpec& spec, int k, int n);

// Floats from the start of a prepared buffer to its strips.
std::size_t prepared_offset(const float* buffer);

// Packs B (k x n) into `buffer` (prepared_length floats) in the layout above.
void prepare_b(const KernelSpec& spec, MatrixView b, int k, int n, float* buffer);

// C <- alpha * A * B + beta * C (BLAS sgemm semantics) with B prepared by prepare_b for the same
// spec, k and n. Strips of C's columns are claimed by up to `threads` threads of the shared pool.
void gemm_prepared(const KernelSpec& spec, int m, int n, int k, float alpha, MatrixView a, const float* prepared_b, float beta, float* c,
                   std::ptrdiff_t ldc, int threads);

}  // namespace cimkit

#endif  // CIMKIT_PREPARED_GEMM_H_
