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

}  // namespace cimkit

#endif  // CIMKIT_ELEMENTWISE_H_
