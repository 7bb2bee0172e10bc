#ifndef CIMKIT_GEMM_H_
#define CIMKIT_GEMM_H_

#include "kernel-spec.h"

namespace cimkit {

// A strided view of a matrix operand: element (i, j) is data[i * row_stride + j * column_stride],
// so a transposed operand is the same memory with the strides swapped.
struct MatrixView {
  const float* data;
  std::ptrdiff_t row_stride;
  std::ptrdiff_t column_stride;
};

// C <- alpha * A * B + beta * C for A m x k, B k x n, C m x n with row stride ldc (BLAS sgemm
// semantics: beta == 0 overwrites C, NaNs included). Splits rows or columns of C over up to
// `threads` threads of the shared pool.
void gemm(const KernelSpec& spec, int m, int n, int k, float alpha, MatrixView a, MatrixView b, float beta, float* c, std::ptrdiff_t ldc, int threads);

}  // namespace cimkit

#endif  // CIMKIT_GEMM_H_
