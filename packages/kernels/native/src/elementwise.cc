#include "elementwise.h"

#include <algorithm>
#include <cmath>

namespace cimkit {

void quantize(const float* values, float* out, std::size_t count, double step, double min, double max) {
  for (std::size_t index = 0; index < count; ++index) {
    double value = values[index];
    value = value < min ? min : value > max ? max : value;
    // std::round rounds half away from zero, exactly (no x + 0.5 double rounding).
    if (step > 0) value = std::round(value / step) * step;
    out[index] = static_cast<float>(value);
  }
}

void im2col(const float* input, float* out, const std::int32_t* geometry) {
  const std::ptrdiff_t batch = geometry[0], channels = geometry[1], height = geometry[2], width = geometry[3];
  const std::ptrdiff_t kernel_height = geometry[4], kernel_width = geometry[5];
  const std::ptrdiff_t stride_height = geometry[6], stride_width = geometry[7];
  const std::ptrdiff_t pad_top = geometry[8], pad_left = geometry[9];
  const std::ptrdiff_t dilation_height = geometry[10], dilation_width = geometry[11];
  const std::ptrdiff_t output_height = geometry[12], output_width = geometry[13];
  const std::ptrdiff_t positions = batch * output_height * output_width;
  for (std::ptrdiff_t channel = 0; channel < channels; ++channel) {
    for (std::ptrdiff_t ky = 0; ky < kernel_height; ++ky) {
      for (std::ptrdiff_t kx = 0; kx < kernel_width; ++kx) {
        const std::ptrdiff_t row_offset = ((channel * kernel_height + ky) * kernel_width + kx) * positions;
        for (std::ptrdiff_t image = 0; image < batch; ++image) {
          const float* plane = input + (image * channels + channel) * height * width;
          for (std::ptrdiff_t oy = 0; oy < output_height; ++oy) {
            const std::ptrdiff_t y = oy * stride_height - pad_top + ky * dilation_height;
            float* target = out + row_offset + (image * output_height + oy) * output_width;
            if (y < 0 || y >= height) {
              std::fill(target, target + output_width, 0.0f);
              continue;
            }
            const float* source = plane + y * width;
            for (std::ptrdiff_t ox = 0; ox < output_width; ++ox) {
              const std::ptrdiff_t x = ox * stride_width - pad_left + kx * dilation_width;
              target[ox] = x >= 0 && x < width ? source[x] : 0.0f;
            }
          }
        }
      }
    }
  }
}

}  // namespace cimkit
