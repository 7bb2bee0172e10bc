// Parameters of encode_uniform (elementwise.h) and its AVX2 loop.
#ifndef CIMKIT_ENCODE_UNIFORM_H_
#define CIMKIT_ENCODE_UNIFORM_H_

#include <cstddef>

namespace cimkit {

struct UniformEncoding {
  double input_scale, low, scale, min_code, max_code, divisor;
  bool half_away;
};

// Encodes values [0, n) for the largest n <= count that is a multiple of 4 and returns n; sets
// *saw_negative if a normalized value among them was < 0. x86-64 GCC/Clang builds only; call only
// when isa_supported(Isa::kAvx2).
std::size_t encode_uniform_avx2(const float* inputs, float* planes, std::size_t count, const UniformEncoding& encoding, bool* saw_negative);

}  // namespace cimkit

#endif  // CIMKIT_ENCODE_UNIFORM_H_
