// N-API entry points (plain C Node-API, ABI-stable across Node versions; no node-addon-api
// dependency). The JavaScript wrapper (src/native/native-backend.ts) validates shapes first;
// these functions re-check buffer sizes so a wrong call throws instead of corrupting memory.
#include <node_api.h>

#include <cstdint>
#include <cstdio>
#include <thread>

#include "elementwise.h"
#include "gemm.h"
#include "kernel-spec.h"
#include "prepared-gemm.h"
#include "thread-pool.h"

namespace {

using cimkit::Isa;

bool fail(napi_env env, const char* message) {
  napi_throw_error(env, "ERR_CIMKIT_NATIVE", message);
  return false;
}

bool get_typed_array(napi_env env, napi_value value, napi_typedarray_type expected, void** data, std::size_t* length) {
  bool is_typed_array = false;
  napi_is_typedarray(env, value, &is_typed_array);
  if (!is_typed_array) return fail(env, "expected a typed array");
  napi_typedarray_type type;
  napi_value buffer;
  std::size_t offset;
  napi_get_typedarray_info(env, value, &type, length, data, &buffer, &offset);
  if (type != expected) {
    return fail(env, expected == napi_float32_array   ? "expected a Float32Array"
                     : expected == napi_float64_array ? "expected a Float64Array"
                     : expected == napi_uint8_array   ? "expected a Uint8Array"
                                                      : "expected an Int32Array");
  }
  return true;
}

bool get_int(napi_env env, napi_value value, int* out) {
  if (napi_get_value_int32(env, value, out) != napi_ok || *out < 0) return fail(env, "expected a non-negative integer");
  return true;
}

bool get_double(napi_env env, napi_value value, double* out) {
  if (napi_get_value_double(env, value, out) != napi_ok) return fail(env, "expected a number");
  return true;
}

bool get_bool(napi_env env, napi_value value, bool* out) {
  if (napi_get_value_bool(env, value, out) != napi_ok) return fail(env, "expected a boolean");
  return true;
}

// Fetches exactly `count` arguments (at most 16) into args, or throws naming the function.
bool get_args(napi_env env, napi_callback_info info, std::size_t count, napi_value* args, const char* name) {
  std::size_t argc = count;
  napi_get_cb_info(env, info, &argc, args, nullptr, nullptr);
  if (argc == count) return true;
  char message[96];
  std::snprintf(message, sizeof message, "%s expects %zu arguments", name, count);
  return fail(env, message);
}

// An instruction-set code (Isa) that this build and CPU support, or throws naming the function.
bool get_isa(napi_env env, napi_value value, int* isa, const char* name) {
  if (!get_int(env, value, isa)) return false;
  if (*isa <= 2 && cimkit::isa_supported(static_cast<Isa>(*isa))) return true;
  char message[96];
  std::snprintf(message, sizeof message, "%s: instruction set not supported here", name);
  return fail(env, message);
}

// gemm(a, b, c, m, n, k, alpha, beta, transposeA, transposeB, isa, threads)
napi_value Gemm(napi_env env, napi_callback_info info) {
  napi_value args[12];
  if (!get_args(env, info, 12, args, "gemm")) return nullptr;
  void *a, *b, *c;
  std::size_t a_length, b_length, c_length;
  int m, n, k, isa, threads;
  double alpha, beta;
  bool transpose_a, transpose_b;
  if (!get_typed_array(env, args[0], napi_float32_array, &a, &a_length) || !get_typed_array(env, args[1], napi_float32_array, &b, &b_length) ||
      !get_typed_array(env, args[2], napi_float32_array, &c, &c_length) || !get_int(env, args[3], &m) || !get_int(env, args[4], &n) ||
      !get_int(env, args[5], &k) || !get_double(env, args[6], &alpha) || !get_double(env, args[7], &beta) ||
      !get_bool(env, args[8], &transpose_a) || !get_bool(env, args[9], &transpose_b) || !get_isa(env, args[10], &isa, "gemm") ||
      !get_int(env, args[11], &threads)) {
    return nullptr;
  }
  const auto mm = static_cast<std::size_t>(m), nn = static_cast<std::size_t>(n), kk = static_cast<std::size_t>(k);
  if (a_length < mm * kk || b_length < kk * nn || c_length < mm * nn) return fail(env, "gemm: buffers too small for the shape"), nullptr;
  const cimkit::MatrixView view_a = transpose_a ? cimkit::MatrixView{static_cast<float*>(a), 1, m} : cimkit::MatrixView{static_cast<float*>(a), k, 1};
  const cimkit::MatrixView view_b = transpose_b ? cimkit::MatrixView{static_cast<float*>(b), 1, k} : cimkit::MatrixView{static_cast<float*>(b), n, 1};
  cimkit::gemm(cimkit::kernel_spec(static_cast<Isa>(isa)), m, n, k, static_cast<float>(alpha), view_a, view_b, static_cast<float>(beta),
               static_cast<float*>(c), n, threads < 1 ? 1 : threads);
  return nullptr;
}

// preparedLength(k, n, isa) -> floats of a prepared B for that ISA's kernel.
napi_value PreparedLength(napi_env env, napi_callback_info info) {
  napi_value args[3];
  if (!get_args(env, info, 3, args, "preparedLength")) return nullptr;
  int k, n, isa;
  if (!get_int(env, args[0], &k) || !get_int(env, args[1], &n) || !get_isa(env, args[2], &isa, "preparedLength")) return nullptr;
  napi_value result;
  napi_create_double(env, static_cast<double>(cimkit::prepared_length(cimkit::kernel_spec(static_cast<Isa>(isa)), k, n)), &result);
  return result;
}

// prepareB(b, out, k, n, transposeB, isa): packs B (k x n, or n x k transposed) into out.
napi_value PrepareB(napi_env env, napi_callback_info info) {
  napi_value args[6];
  if (!get_args(env, info, 6, args, "prepareB")) return nullptr;
  void *b, *out;
  std::size_t b_length, out_length;
  int k, n, isa;
  bool transpose_b;
  if (!get_typed_array(env, args[0], napi_float32_array, &b, &b_length) || !get_typed_array(env, args[1], napi_float32_array, &out, &out_length) ||
      !get_int(env, args[2], &k) || !get_int(env, args[3], &n) || !get_bool(env, args[4], &transpose_b) || !get_isa(env, args[5], &isa, "prepareB")) {
    return nullptr;
  }
  const cimkit::KernelSpec& spec = cimkit::kernel_spec(static_cast<Isa>(isa));
  if (b_length < static_cast<std::size_t>(k) * n || out_length < cimkit::prepared_length(spec, k, n)) return fail(env, "prepareB: buffers too small for the shape"), nullptr;
  const cimkit::MatrixView view_b = transpose_b ? cimkit::MatrixView{static_cast<float*>(b), 1, k} : cimkit::MatrixView{static_cast<float*>(b), n, 1};
  cimkit::prepare_b(spec, view_b, k, n, static_cast<float*>(out));
  return nullptr;
}

// gemmPrepared(a, prepared, c, m, n, k, alpha, beta, transposeA, isa, threads)
napi_value GemmPrepared(napi_env env, napi_callback_info info) {
  napi_value args[11];
  if (!get_args(env, info, 11, args, "gemmPrepared")) return nullptr;
  void *a, *b, *c;
  std::size_t a_length, b_length, c_length;
  int m, n, k, isa, threads;
  double alpha, beta;
  bool transpose_a;
  if (!get_typed_array(env, args[0], napi_float32_array, &a, &a_length) || !get_typed_array(env, args[1], napi_float32_array, &b, &b_length) ||
      !get_typed_array(env, args[2], napi_float32_array, &c, &c_length) || !get_int(env, args[3], &m) || !get_int(env, args[4], &n) ||
      !get_int(env, args[5], &k) || !get_double(env, args[6], &alpha) || !get_double(env, args[7], &beta) || !get_bool(env, args[8], &transpose_a) ||
      !get_isa(env, args[9], &isa, "gemmPrepared") || !get_int(env, args[10], &threads)) {
    return nullptr;
  }
  const cimkit::KernelSpec& spec = cimkit::kernel_spec(static_cast<Isa>(isa));
  const auto mm = static_cast<std::size_t>(m), nn = static_cast<std::size_t>(n), kk = static_cast<std::size_t>(k);
  if (a_length < mm * kk || b_length < cimkit::prepared_length(spec, k, n) || c_length < mm * nn) return fail(env, "gemmPrepared: buffers too small for the shape"), nullptr;
  const cimkit::MatrixView view_a = transpose_a ? cimkit::MatrixView{static_cast<float*>(a), 1, m} : cimkit::MatrixView{static_cast<float*>(a), k, 1};
  cimkit::gemm_prepared(spec, m, n, k, static_cast<float>(alpha), view_a, static_cast<float*>(b), static_cast<float>(beta), static_cast<float*>(c), n,
                        threads < 1 ? 1 : threads);
  return nullptr;
}

// quantize(values, out, step, min, max)
napi_value Quantize(napi_env env, napi_callback_info info) {
  napi_value args[5];
  if (!get_args(env, info, 5, args, "quantize")) return nullptr;
  void *values, *out;
  std::size_t values_length, out_length;
  double step, min, max;
  if (!get_typed_array(env, args[0], napi_float32_array, &values, &values_length) ||
      !get_typed_array(env, args[1], napi_float32_array, &out, &out_length) || !get_double(env, args[2], &step) ||
      !get_double(env, args[3], &min) || !get_double(env, args[4], &max)) {
    return nullptr;
  }
  cimkit::quantize(static_cast<float*>(values), static_cast<float*>(out), values_length < out_length ? values_length : out_length, step, min, max);
  return nullptr;
}

// im2col(input, out, geometry: Int32Array(14)); buffer sizes are re-checked against the geometry.
napi_value Im2col(napi_env env, napi_callback_info info) {
  napi_value args[3];
  if (!get_args(env, info, 3, args, "im2col")) return nullptr;
  void *input, *out, *geometry;
  std::size_t input_length, out_length, geometry_length;
  if (!get_typed_array(env, args[0], napi_float32_array, &input, &input_length) ||
      !get_typed_array(env, args[1], napi_float32_array, &out, &out_length) ||
      !get_typed_array(env, args[2], napi_int32_array, &geometry, &geometry_length)) {
    return nullptr;
  }
  const auto* g = static_cast<const std::int32_t*>(geometry);
  if (geometry_length != 14) return fail(env, "im2col: geometry needs 14 values"), nullptr;
  for (std::size_t index = 0; index < 14; ++index) {
    if (g[index] < 0) return fail(env, "im2col: negative geometry"), nullptr;
  }
  const std::size_t needed_input = static_cast<std::size_t>(g[0]) * g[1] * g[2] * g[3];
  const std::size_t needed_output = static_cast<std::size_t>(g[1]) * g[4] * g[5] * g[0] * g[12] * g[13];
  if (input_length < needed_input || out_length < needed_output) return fail(env, "im2col: buffers too small for the geometry"), nullptr;
  cimkit::im2col(static_cast<const float*>(input), static_cast<float*>(out), g);
  return nullptr;
}

// encodeUniform(inputs, planes, params: Float64Array(7) = inputScale, low, scale, minCode, maxCode,
// divisor, halfAway, isa) -> whether a normalized value was negative. The backend's ISA chooses
// the loop (scalar: the portable one), so the scalar backend's tests exercise it.
napi_value EncodeUniform(napi_env env, napi_callback_info info) {
  napi_value args[4];
  if (!get_args(env, info, 4, args, "encodeUniform")) return nullptr;
  void *inputs, *planes, *params;
  int isa;
  std::size_t inputs_length, planes_length, params_length;
  if (!get_typed_array(env, args[0], napi_float32_array, &inputs, &inputs_length) ||
      !get_typed_array(env, args[1], napi_float32_array, &planes, &planes_length) ||
      !get_typed_array(env, args[2], napi_float64_array, &params, &params_length) || !get_isa(env, args[3], &isa, "encodeUniform")) {
    return nullptr;
  }
  if (params_length != 7) return fail(env, "encodeUniform: params must hold 7 numbers"), nullptr;
  if (planes_length < inputs_length) return fail(env, "encodeUniform: planes is smaller than the inputs"), nullptr;
  const double* p = static_cast<double*>(params);
  const bool negative = cimkit::encode_uniform(static_cast<float*>(inputs), static_cast<float*>(planes), inputs_length, p[0], p[1], p[2], p[3], p[4], p[5], p[6] != 0,
                                               isa >= static_cast<int>(Isa::kAvx2));
  napi_value result;
  napi_get_boolean(env, negative, &result);
  return result;
}

// scaleInto(values: Float64Array, factor, out: Float32Array)
napi_value ScaleInto(napi_env env, napi_callback_info info) {
  napi_value args[3];
  if (!get_args(env, info, 3, args, "scaleInto")) return nullptr;
  void *values, *out;
  std::size_t values_length, out_length;
  double factor;
  if (!get_typed_array(env, args[0], napi_float64_array, &values, &values_length) || !get_double(env, args[1], &factor) ||
      !get_typed_array(env, args[2], napi_float32_array, &out, &out_length)) {
    return nullptr;
  }
  if (out_length < values_length) return fail(env, "scaleInto: out is smaller than the values"), nullptr;
  cimkit::scale_into(static_cast<double*>(values), values_length, factor, static_cast<float*>(out));
  return nullptr;
}

// cpuInfo() -> { isas: ['avx512' | 'avx2' | 'scalar' supported here, best first], threads }
napi_value CpuInfo(napi_env env, napi_callback_info) {
  napi_value result, isas, name, threads;
  napi_create_object(env, &result);
  napi_create_array(env, &isas);
  uint32_t count = 0;
  for (int isa = 2; isa >= 0; --isa) {
    if (!cimkit::isa_supported(static_cast<Isa>(isa))) continue;
    napi_create_string_utf8(env, cimkit::kernel_spec(static_cast<Isa>(isa)).name, NAPI_AUTO_LENGTH, &name);
    napi_set_element(env, isas, count++, name);
  }
  napi_set_named_property(env, result, "isas", isas);
  napi_create_int32(env, cimkit::shared_thread_pool().capacity(), &threads);
  napi_set_named_property(env, result, "threads", threads);
  return result;
}

// The arguments convertAccumulate and convertScaleInto share: values, rangeMin, rangeSpan, rowSums,
// factors, units, flipped at 0..6, a Float64Array shape at 8 (13 numbers, then the extra ones),
// the ISA at 9. Buffers are re-checked against the shape (the wrapper checked too).
struct ConvertArgs {
  cimkit::ConvertAccumulateShape shape;
  float* values;
  double *range_min, *range_span, *row_sums, *factors, *units;
  const double* extra;
  std::uint8_t* flipped;
  bool empty, allow_avx2;
};

bool get_convert_args(napi_env env, napi_value* args, std::size_t shape_numbers, const char* name, ConvertArgs* out) {
  void *values, *range_min, *range_span, *row_sums, *factors, *units, *flipped, *shape_values;
  std::size_t values_length, range_min_length, range_span_length, row_sums_length, factors_length, units_length, flipped_length, shape_length;
  int isa;
  if (!get_typed_array(env, args[0], napi_float32_array, &values, &values_length) ||
      !get_typed_array(env, args[1], napi_float64_array, &range_min, &range_min_length) ||
      !get_typed_array(env, args[2], napi_float64_array, &range_span, &range_span_length) ||
      !get_typed_array(env, args[3], napi_float64_array, &row_sums, &row_sums_length) ||
      !get_typed_array(env, args[4], napi_float64_array, &factors, &factors_length) ||
      !get_typed_array(env, args[5], napi_float64_array, &units, &units_length) ||
      !get_typed_array(env, args[6], napi_uint8_array, &flipped, &flipped_length) ||
      !get_typed_array(env, args[8], napi_float64_array, &shape_values, &shape_length) || !get_isa(env, args[9], &isa, name)) {
    return false;
  }
  char message[128];
  if (shape_length != shape_numbers) {
    std::snprintf(message, sizeof message, "%s: shape must hold %zu numbers", name, shape_numbers);
    return fail(env, message);
  }
  const double* s = static_cast<double*>(shape_values);
  for (int index = 0; index < 7; ++index) {
    if (!(s[index] >= 0) || s[index] != static_cast<double>(static_cast<std::size_t>(s[index]))) {
      std::snprintf(message, sizeof message, "%s: sizes must be non-negative integers", name);
      return fail(env, message);
    }
  }
  out->shape = cimkit::ConvertAccumulateShape{static_cast<std::size_t>(s[0]), static_cast<std::size_t>(s[1]), static_cast<std::size_t>(s[2]),
                                              static_cast<std::size_t>(s[3]), static_cast<std::size_t>(s[4]), static_cast<std::size_t>(s[5]),
                                              static_cast<std::size_t>(s[6]), s[7], s[8] != 0, s[9] != 0, s[10], s[11], s[12]};
  const cimkit::ConvertAccumulateShape& shape = out->shape;
  const std::size_t rows = shape.planes * shape.batch;
  out->empty = rows == 0 || shape.output_count == 0;
  if (range_min_length < shape.planes || range_span_length < shape.planes || factors_length < shape.planes || row_sums_length < rows ||
      (!out->empty && values_length < (rows - 1) * shape.stride + shape.offset + shape.output_count) ||
      (shape.digital_offset && units_length < shape.planes) || (flipped_length != 0 && flipped_length < shape.output_count)) {
    std::snprintf(message, sizeof message, "%s: a buffer is smaller than the shape", name);
    return fail(env, message);
  }
  out->values = static_cast<float*>(values);
  out->range_min = static_cast<double*>(range_min);
  out->range_span = static_cast<double*>(range_span);
  out->row_sums = static_cast<double*>(row_sums);
  out->factors = static_cast<double*>(factors);
  out->units = shape.digital_offset ? static_cast<double*>(units) : nullptr;
  out->flipped = flipped_length == 0 ? nullptr : static_cast<std::uint8_t*>(flipped);
  out->extra = s + 13;
  out->allow_avx2 = isa >= static_cast<int>(Isa::kAvx2);
  return true;
}

// convertAccumulate(values, rangeMin, rangeSpan, rowSums, factors, units, flipped, output: Float64Array, shape: Float64Array(13), isa).
// shape = stride, offset, batch, planes, outputCount, outputColumns, outputStart, steps, idleVectors,
// digitalOffset, offsetDigits, bias, maxDigit; units/flipped may be empty (no digital offset / no flips).
napi_value ConvertAccumulate(napi_env env, napi_callback_info info) {
  napi_value args[10];
  ConvertArgs a;
  if (!get_args(env, info, 10, args, "convertAccumulate") || !get_convert_args(env, args, 13, "convertAccumulate", &a)) return nullptr;
  void* output;
  std::size_t output_length;
  if (!get_typed_array(env, args[7], napi_float64_array, &output, &output_length)) return nullptr;
  const cimkit::ConvertAccumulateShape& shape = a.shape;
  if (!a.empty && output_length < (shape.batch - 1) * shape.output_columns + shape.output_start + shape.output_count) {
    return fail(env, "convertAccumulate: a buffer is smaller than the shape"), nullptr;
  }
  if (a.empty) return nullptr;
  cimkit::convert_accumulate(shape, a.values, a.range_min, a.range_span, a.row_sums, a.factors, a.units, a.flipped, static_cast<double*>(output), a.allow_avx2);
  return nullptr;
}

// convertScaleInto(values, rangeMin, rangeSpan, rowSums, factors, units, flipped, result: Float32Array,
// shape: Float64Array(16) = convertAccumulate's 13 (outputColumns, outputStart unused) + scale, resultColumns, resultStart, isa).
napi_value ConvertScaleInto(napi_env env, napi_callback_info info) {
  napi_value args[10];
  ConvertArgs a;
  if (!get_args(env, info, 10, args, "convertScaleInto") || !get_convert_args(env, args, 16, "convertScaleInto", &a)) return nullptr;
  void* result;
  std::size_t result_length;
  if (!get_typed_array(env, args[7], napi_float32_array, &result, &result_length)) return nullptr;
  const double scale = a.extra[0], columns = a.extra[1], start = a.extra[2];
  if (!(columns >= 0) || !(start >= 0) || columns != static_cast<double>(static_cast<std::size_t>(columns)) || start != static_cast<double>(static_cast<std::size_t>(start))) {
    return fail(env, "convertScaleInto: sizes must be non-negative integers"), nullptr;
  }
  const auto result_columns = static_cast<std::size_t>(columns), result_start = static_cast<std::size_t>(start);
  const cimkit::ConvertAccumulateShape& shape = a.shape;
  if (!a.empty && result_length < (shape.batch - 1) * result_columns + result_start + shape.output_count) {
    return fail(env, "convertScaleInto: a buffer is smaller than the shape"), nullptr;
  }
  if (a.empty) return nullptr;
  cimkit::convert_scale_into(shape, a.values, a.range_min, a.range_span, a.row_sums, a.factors, a.units, a.flipped, scale, static_cast<float*>(result),
                             result_columns, result_start, a.allow_avx2);
  return nullptr;
}

}  // namespace

NAPI_MODULE_INIT() {
  const napi_property_descriptor properties[] = {
      {"gemm", nullptr, Gemm, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"preparedLength", nullptr, PreparedLength, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"prepareB", nullptr, PrepareB, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"gemmPrepared", nullptr, GemmPrepared, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"quantize", nullptr, Quantize, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"im2col", nullptr, Im2col, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"convertAccumulate", nullptr, ConvertAccumulate, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"convertScaleInto", nullptr, ConvertScaleInto, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"encodeUniform", nullptr, EncodeUniform, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"scaleInto", nullptr, ScaleInto, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"cpuInfo", nullptr, CpuInfo, nullptr, nullptr, nullptr, napi_default, nullptr},
  };
  napi_define_properties(env, exports, sizeof(properties) / sizeof(properties[0]), properties);
  return exports;
}
