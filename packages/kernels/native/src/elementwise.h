#ifndef CIMKIT_ELEMENTWISE_H_
#define CIMKIT_ELEMENTWISE_H_

#include <cstddef>
#include <cstdint>

namespace cimkit {

// Clip to [min, max], then round to a multiple of step (half away from zero; step <= 0 only
// clips), all in double and narrowed once: bit-identical to the TypeScript reference, whose
// numbers are doubles and whose Float32Array store rounds to nearest even like this cast.
void quantize(const float* values, float* out, std::size_t count, double step, double min, double max);

// im2col with the reference layout; geometry = batch, channels, height, width, kernelHeight,
// kernelWidth, strideHeight, strideWidth, padTop, padLeft, dilationHeight, dilationWidth,
// outputHeight, outputWidth. Every output cell is written (padding as zero).
void im2col(const float* input, float* out, const std::int32_t* geometry);

// The scalar parameters of convert_accumulate (see ConvertAccumulateParamsV1 in @cimkit/core).
struct ConvertAccumulateShape {
  std::size_t stride, offset, batch, planes, output_count, output_columns, output_start;
  double steps;
  bool idle_vectors, digital_offset;
  double offset_digits, bias, max_digit;
};

// One weight slice's per-plane ideal-uniform conversions, digital offset removal, flip decoding and
// shift-and-add into output, in float64 with the reference's operation order (compiled without
// floating-point contraction): bit-identical to the TypeScript oracle. units/flipped may be null.
// allow_avx2: the AVX2 loop where the CPU has it (false: the portable loop, as a scalar backend).
void convert_accumulate(const ConvertAccumulateShape& shape, const float* values, const double* range_min, const double* range_span,
                        const double* row_sums, const double* factors, const double* units, const std::uint8_t* flipped, double* output,
                        bool allow_avx2);

// The engine's input normalization (x / input_scale clipped to [-1, 1], narrowed to float32) and an
// encoder's uniform levels (UniformLevelsV1 in @cimkit/core) in one pass, in float64 with
// JavaScript's Math.max / Math.min / Math.sign / Math.round semantics (signed zeros and NaN
// included): bit-identical to the TypeScript oracle. Returns whether a normalized value was < 0.
bool encode_uniform(const float* inputs, float* planes, std::size_t count, double input_scale, double low, double scale, double min_code,
                    double max_code, double divisor, bool half_away, bool allow_avx2);

// convert_accumulate into a zeroed float64 row per vector, then result[v * result_columns +
// result_start + c] = float32(row[c] * scale): the same values as convert_accumulate into a zeroed
// output followed by scale_into, without the output in memory.
void convert_scale_into(const ConvertAccumulateShape& shape, const float* values, const double* range_min, const double* range_span,
                        const double* row_sums, const double* factors, const double* units, const std::uint8_t* flipped, double scale, float* result,
                        std::size_t result_columns, std::size_t result_start, bool allow_avx2);

// out[i] = float32(values[i] * factor), split over the thread pool for large inputs (the first
// touch of a freshly allocated result is then shared by the cores).
void scale_into(const double* values, std::size_t count, double factor, float* out);

}  // namespace cimkit

#endif  // CIMKIT_ELEMENTWISE_H_
