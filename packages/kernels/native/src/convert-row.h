// One row (vector) of convert_accumulate's column loop: the ideal quantizer, digital offset
// removal, flip decoding and shift-and-add, in float64 with the TypeScript oracle's operation order.
#ifndef CIMKIT_CONVERT_ROW_H_
#define CIMKIT_CONVERT_ROW_H_

#include <cstddef>
#include <cstdint>

namespace cimkit {

struct ConvertRow {
  const float* in;
  double* out;
  std::size_t count;
  bool quantizes;
  double min, per_unit, step, steps, factor;
  bool digital_offset;
  double subtract, flipped_term, bias_term;
  const std::uint8_t* flipped;  // null: no column is flipped
};

// Portable loop (any CPU), the definition of the row's arithmetic.
void convert_row_scalar(const ConvertRow& row, std::size_t first);

// AVX2 loop over four columns at a time, the same operations lane by lane (IEEE double add, mul,
// compare and conversions are exact per lane; no fused multiply-add), so bit-identical to the
// scalar loop; the remainder goes to it. Requires steps < 2^31 (codes convert through int32).
// Defined only for x86-64 GCC/Clang builds; call only when isa_supported(Isa::kAvx2).
void convert_row_avx2(const ConvertRow& row);

}  // namespace cimkit

#endif  // CIMKIT_CONVERT_ROW_H_
