// AVX2 column loop of convert_accumulate (see convert-row.h), compiled with a function-level target
// attribute like the AVX2 GEMM kernel so that the rest of the addon stays baseline x86-64.
#include "convert-row.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>

#include <cstring>

namespace cimkit {

__attribute__((target("avx2"))) void convert_row_avx2(const ConvertRow& row) {
  const __m256d min = _mm256_set1_pd(row.min), per_unit = _mm256_set1_pd(row.per_unit), step = _mm256_set1_pd(row.step);
  const __m256d steps = _mm256_set1_pd(row.steps), factor = _mm256_set1_pd(row.factor), half = _mm256_set1_pd(0.5), zero = _mm256_setzero_pd();
  const __m256d subtract = _mm256_set1_pd(row.subtract), flipped_term = _mm256_set1_pd(row.flipped_term), bias_term = _mm256_set1_pd(row.bias_term);
  const __m256i one = _mm256_set1_epi64x(1);
  std::size_t column = 0;
  for (; column + 4 <= row.count; column += 4) {
    const __m256d x = _mm256_cvtps_pd(_mm_loadu_ps(row.in + column));
    __m256d level = x;
    if (row.quantizes) {
      const __m256d position = _mm256_add_pd(_mm256_mul_pd(_mm256_sub_pd(x, min), per_unit), half);
      // max_pd returns its second operand (0) when position is not above 0, as `position > 0 ? position : 0`;
      // min_pd returns steps unless low < steps, as `low < steps ? low : steps`.
      const __m256d clamped = _mm256_min_pd(_mm256_max_pd(position, zero), steps);
      // Truncation of a value in [0, steps], steps < 2^31: the int32 conversion is the floor.
      const __m256d code = _mm256_cvtepi32_pd(_mm256_cvttpd_epi32(clamped));
      level = _mm256_cvtps_pd(_mm256_cvtpd_ps(_mm256_add_pd(min, _mm256_mul_pd(code, step))));
      // A NaN column value stays NaN, as in the scalar loop and the oracle.
      level = _mm256_blendv_pd(level, position, _mm256_cmp_pd(position, position, _CMP_UNORD_Q));
    }
    __m256d term = level;
    if (row.digital_offset) {
      const __m256d value = _mm256_sub_pd(level, subtract);
      __m256d decoded = value;
      if (row.flipped != nullptr) {
        std::int32_t bytes;
        std::memcpy(&bytes, row.flipped + column, sizeof bytes);
        const __m256i flags = _mm256_cvtepu8_epi64(_mm_cvtsi32_si128(bytes));
        const __m256d mask = _mm256_castsi256_pd(_mm256_cmpeq_epi64(flags, one));
        decoded = _mm256_blendv_pd(value, _mm256_sub_pd(flipped_term, value), mask);
      }
      term = _mm256_sub_pd(decoded, bias_term);
    }
    double* out = row.out + column;
    _mm256_storeu_pd(out, _mm256_add_pd(_mm256_loadu_pd(out), _mm256_mul_pd(factor, term)));
  }
  convert_row_scalar(row, column);
}

}  // namespace cimkit
#endif
