#include "elementwise.h"

#include "convert-row.h"
#include "encode-uniform.h"
#include "thread-pool.h"
#include "kernel-spec.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <vector>

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

namespace {

// floor by truncating conversion (cvttsd2si, baseline SSE2; std::floor without SSE4.1 is a libm
// call), exact for |x| < 2^63, which offsets and codes are far below.
double floor_fast(double x) {
  const double truncated = static_cast<double>(static_cast<std::int64_t>(x));
  return truncated > x ? truncated - 1.0 : truncated;
}

// ECMAScript Math.round: the nearest integer, ties toward +infinity (x - floor(x) is exact here).
double round_half_up(double x) {
  const double floor_x = floor_fast(x);
  return x - floor_x >= 0.5 ? floor_x + 1.0 : floor_x;
}

double quantize_ideal(double value, double min, double per_unit, double step, double steps) {
  const double position = (value - min) * per_unit + 0.5;
  // A NaN column value stays NaN, as in the oracle (its code is trunc(NaN)).
  if (position != position) return position;
  // Clamped to [0, steps] without branches (min/max), then truncated: the floor of a non-negative
  // number, equal to the oracle's code (0 below 1, steps at or above it).
  const double low_clamped = position > 0.0 ? position : 0.0;
  const double clamped = low_clamped < steps ? low_clamped : steps;
  const double code = static_cast<double>(static_cast<std::int64_t>(clamped));
  return static_cast<double>(static_cast<float>(min + code * step));
}

// ECMAScript Math.round: NaN and infinities unchanged, ties toward +infinity, -0 for [-0.5, -0].
double js_round(double x) {
  if (!(x - x == 0.0)) return x;  // NaN or an infinity
  if (x >= 4503599627370496.0 || x <= -4503599627370496.0) return x;  // already an integer (|x| >= 2^52)
  const double floor_x = floor_fast(x);
  const double rounded = x - floor_x >= 0.5 ? floor_x + 1.0 : floor_x;
  return rounded == 0.0 && std::signbit(x) ? -0.0 : rounded;
}

// ECMAScript Math.max(low, v): NaN if either is NaN, +0 for zeros of both signs.
double js_max(double low, double v) {
  if (v != v || low != low) return v != v ? v : low;
  if (v == low) return v == 0.0 && std::signbit(v) != std::signbit(low) ? 0.0 : v;
  return v > low ? v : low;
}

}  // namespace

bool encode_uniform_serial(const float* inputs, float* planes, std::size_t count, double input_scale, double low, double scale, double min_code,
                    double max_code, double divisor, bool half_away, bool allow_avx2) {
  bool saw_negative = false;
  std::size_t first = 0;
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
  static const bool avx2 = isa_supported(Isa::kAvx2);
  if (avx2 && allow_avx2) first = encode_uniform_avx2(inputs, planes, count, UniformEncoding{input_scale, low, scale, min_code, max_code, divisor, half_away}, &saw_negative);
#endif
  for (std::size_t index = first; index < count; ++index) {
    const double value = static_cast<double>(inputs[index]) / input_scale;
    const double v = static_cast<double>(static_cast<float>(value > 1.0 ? 1.0 : value < -1.0 ? -1.0 : value));
    saw_negative = saw_negative || v < 0.0;
    double clipped = js_max(low, v);
    clipped = clipped >= 1.0 ? 1.0 : clipped;  // Math.min(1, clipped): NaN stays NaN
    const double scaled = clipped * scale;
    double code;
    if (half_away) {
      const double sign = clipped > 0.0 ? 1.0 : clipped < 0.0 ? -1.0 : clipped;  // Math.sign
      code = sign * js_round(std::fabs(scaled));
    } else {
      code = js_round(scaled) + 0.0;
    }
    code = code < min_code ? min_code : code > max_code ? max_code : code;
    planes[index] = static_cast<float>(code / divisor);
  }
  return saw_negative;
}

bool encode_uniform(const float* inputs, float* planes, std::size_t count, double input_scale, double low, double scale, double min_code,
                    double max_code, double divisor, bool half_away, bool allow_avx2) {
  // Split over the pool above a few thousand values: besides halving the time, it wakes the pool's
  // workers just before the GEMM that follows an encode, so they are spinning, not asleep, when it
  // starts (a sleeping worker joins a 256 x 256 x 64 GEMM tens of microseconds late).
  constexpr std::size_t kMinValuesPerPiece = 4096;
  ThreadPool& pool = shared_thread_pool();
  const int pieces = static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(pool.capacity()), count / kMinValuesPerPiece));
  if (pieces <= 1) return encode_uniform_serial(inputs, planes, count, input_scale, low, scale, min_code, max_code, divisor, half_away, allow_avx2);
  std::atomic<bool> saw_negative{false};
  pool.run(pieces, [&](int piece) {
    // Piece boundaries on multiples of 4 keep every piece's vector loop whole.
    const std::size_t first = count * piece / pieces / 4 * 4, last = piece + 1 == pieces ? count : count * (piece + 1) / pieces / 4 * 4;
    if (encode_uniform_serial(inputs + first, planes + first, last - first, input_scale, low, scale, min_code, max_code, divisor, half_away, allow_avx2)) saw_negative = true;
  });
  return saw_negative;
}

void scale_into(const double* values, std::size_t count, double factor, float* out) {
  constexpr std::size_t kMinValuesPerPiece = 8192;
  ThreadPool& pool = shared_thread_pool();
  const int pieces = static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(pool.capacity()), count / kMinValuesPerPiece));
  auto scale_range = [&](std::size_t first, std::size_t last) {
    for (std::size_t index = first; index < last; ++index) out[index] = static_cast<float>(values[index] * factor);
  };
  if (pieces <= 1) {
    scale_range(0, count);
    return;
  }
  pool.run(pieces, [&](int piece) { scale_range(count * piece / pieces, count * (piece + 1) / pieces); });
}

void convert_row_scalar(const ConvertRow& row, std::size_t first) {
  for (std::size_t column = first; column < row.count; ++column) {
    const double x = row.in[column];
    const double level = row.quantizes ? quantize_ideal(x, row.min, row.per_unit, row.step, row.steps) : x;
    if (!row.digital_offset) {
      row.out[column] += row.factor * level;
      continue;
    }
    const double value = level - row.subtract;
    row.out[column] += row.factor * ((row.flipped != nullptr && row.flipped[column] == 1 ? row.flipped_term - value : value) - row.bias_term);
  }
}

namespace {

// A plane's converter and digital constants, computed once per call.
struct PlaneConstants {
  double min, per_unit, step, factor, unit, zero_level;
};

std::vector<PlaneConstants> plane_constants(const ConvertAccumulateShape& shape, const double* range_min, const double* range_span, const double* factors,
                                            const double* units) {
  std::vector<PlaneConstants> constants(shape.planes);
  for (std::size_t plane = 0; plane < shape.planes; ++plane) {
    const double min = range_min[plane], span = range_span[plane];
    const double per_unit = shape.steps / span, step = span / shape.steps;
    constants[plane] = {min, per_unit, step, factors[plane], shape.digital_offset ? units[plane] : 0.0,
                        shape.steps > 0 ? quantize_ideal(0.0, min, per_unit, step, shape.steps) : 0.0};
  }
  return constants;
}

// One plane of one vector: its column values converted, offsets removed and added into out.
void convert_one(const ConvertAccumulateShape& shape, const PlaneConstants& k, std::size_t plane, std::size_t vector, const float* values,
                 const double* row_sums, const std::uint8_t* flipped, double* out, bool vector_rows) {
  const std::size_t row = plane * shape.batch + vector;
  const double row_sum = row_sums[row];
  double subtract = 0, flipped_term = 0, bias_term = 0;
  if (shape.digital_offset) {
    const double offset_exact = shape.offset_digits * row_sum;
    subtract = k.unit > 0 ? round_half_up(offset_exact / k.unit) * k.unit : offset_exact;
    flipped_term = shape.max_digit * row_sum;
    bias_term = shape.bias * row_sum;
  }
  if (shape.idle_vectors && row_sum == 0) {
    if (!shape.digital_offset) {
      for (std::size_t column = 0; column < shape.output_count; ++column) out[column] += k.factor * k.zero_level;
      return;
    }
    const double value = k.zero_level - subtract;
    const double direct = k.factor * (value - bias_term);
    const double inverted = k.factor * (flipped_term - value - bias_term);
    for (std::size_t column = 0; column < shape.output_count; ++column) out[column] += flipped != nullptr && flipped[column] == 1 ? inverted : direct;
    return;
  }
  const ConvertRow columns{values + row * shape.stride + shape.offset, out, shape.output_count, shape.steps > 0, k.min, k.per_unit, k.step, shape.steps, k.factor,
                           shape.digital_offset, subtract, flipped_term, bias_term, flipped};
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
  if (vector_rows) {
    convert_row_avx2(columns);
    return;
  }
#else
  (void)vector_rows;
#endif
  convert_row_scalar(columns, 0);
}

bool use_vector_rows(const ConvertAccumulateShape& shape, bool allow_avx2) {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
  static const bool avx2 = isa_supported(Isa::kAvx2);
  return avx2 && allow_avx2 && shape.steps < 2147483648.0;
#else
  (void)shape;
  (void)allow_avx2;
  return false;
#endif
}

// Runs task(first_vector, last_vector) over the batch, split over the pool when the call is large
// (each vector writes its own output rows, planes in the same order: the split changes no value).
template <class Task>
void over_vectors(const ConvertAccumulateShape& shape, const Task& task) {
  constexpr std::size_t kMinConversionsPerPiece = 8192;
  ThreadPool& pool = shared_thread_pool();
  const std::size_t conversions = shape.planes * shape.batch * shape.output_count;
  const int pieces = static_cast<int>(std::min<std::size_t>({static_cast<std::size_t>(pool.capacity()), conversions / kMinConversionsPerPiece, shape.batch}));
  if (pieces <= 1) {
    task(0, shape.batch);
    return;
  }
  pool.run(pieces, [&](int piece) { task(shape.batch * piece / pieces, shape.batch * (piece + 1) / pieces); });
}

}  // namespace

void convert_accumulate(const ConvertAccumulateShape& shape, const float* values, const double* range_min, const double* range_span,
                        const double* row_sums, const double* factors, const double* units, const std::uint8_t* flipped, double* output, bool allow_avx2) {
  const std::vector<PlaneConstants> constants = plane_constants(shape, range_min, range_span, factors, units);
  const bool vector_rows = use_vector_rows(shape, allow_avx2);
  over_vectors(shape, [&](std::size_t first, std::size_t last) {
    for (std::size_t plane = 0; plane < shape.planes; ++plane) {
      for (std::size_t vector = first; vector < last; ++vector) {
        convert_one(shape, constants[plane], plane, vector, values, row_sums, flipped, output + vector * shape.output_columns + shape.output_start, vector_rows);
      }
    }
  });
}

void convert_scale_into(const ConvertAccumulateShape& shape, const float* values, const double* range_min, const double* range_span,
                        const double* row_sums, const double* factors, const double* units, const std::uint8_t* flipped, double scale, float* result,
                        std::size_t result_columns, std::size_t result_start, bool allow_avx2) {
  const std::vector<PlaneConstants> constants = plane_constants(shape, range_min, range_span, factors, units);
  const bool vector_rows = use_vector_rows(shape, allow_avx2);
  over_vectors(shape, [&](std::size_t first, std::size_t last) {
    // One vector's sums in an L1-sized row: zero, then every plane in order, then narrowed.
    thread_local std::vector<double> row;
    if (row.size() < shape.output_count) row.resize(shape.output_count);
    for (std::size_t vector = first; vector < last; ++vector) {
      std::fill(row.begin(), row.begin() + static_cast<std::ptrdiff_t>(shape.output_count), 0.0);
      for (std::size_t plane = 0; plane < shape.planes; ++plane) convert_one(shape, constants[plane], plane, vector, values, row_sums, flipped, row.data(), vector_rows);
      float* out = result + vector * result_columns + result_start;
      for (std::size_t column = 0; column < shape.output_count; ++column) out[column] = static_cast<float>(row[column] * scale);
    }
  });
}

}  // namespace cimkit
