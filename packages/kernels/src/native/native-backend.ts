import type { ComputeBackendV1, ConvertAccumulateParamsV1, ConvertScaleIntoParamsV1, EncodeUniformParamsV1, GemmParamsV1, Im2colParamsV1, PreparedGemmParamsV1, PreparedMatrixV1 } from '@cimkit/core'
import { InvalidArgumentError } from '@cimkit/core'
import { BackendUnavailableError } from '../errors.js'
import { checkConvertAccumulateShape, checkConvertScaleIntoShape } from '../shared/convert-accumulate-shape.js'
import { checkEncodeUniformShape } from '../shared/encode-uniform-shape.js'
import { checkScaleIntoShape } from '../shared/scale-into-shape.js'
import { checkGemmShape } from '../shared/gemm-shape.js'
import { checkPreparedGemmShape, checkPrepareMatrixShape } from '../shared/prepared-gemm-shape.js'
import { im2colGeometry } from '../shared/im2col-geometry.js'
import { loadNativeAddon, nativeIsaCodes } from './load-native-addon.js'
import type { NativeIsa } from './load-native-addon.js'
import { nativeBackendOptionsSchema } from './native-backend-options.js'
import type { NativeBackendOptions } from './native-backend-options.js'

const noUnits = new Float64Array(0)
const noFlips = new Uint8Array(0)

/** Largest m, n or k the addon takes (C int). */
const maxDimension = 2 ** 31 - 1

/**
 * The native backend: C++ GEMM with AVX-512 / AVX2+FMA / scalar micro-kernels chosen at run time,
 * rows (or columns) of C split over a persistent thread pool; operands are used in place (no
 * copies). Its name records the instruction set, e.g. `native-avx2`. Throws
 * `BackendUnavailableError` if the addon was not built or the requested ISA is unsupported.
 * @example createNativeBackend({ isa: 'scalar', threads: 1 }).name // returns 'native-scalar'
 * @since 0.1.0
 */
export function createNativeBackend(options: NativeBackendOptions = {}): ComputeBackendV1 {
  const { isa: requested, threads: requestedThreads } = nativeBackendOptionsSchema.parse(options)
  const loaded = loadNativeAddon()
  if ('error' in loaded) {
    throw new BackendUnavailableError('native', `the addon was not built (${loaded.error.message.split('\n')[0]}); run "pnpm --filter @cimkit/kernels build:native" to see why`, { cause: loaded.error })
  }
  const { addon } = loaded
  const info = addon.cpuInfo()
  const isa: NativeIsa = requested === 'auto' ? (info.isas[0] ?? 'scalar') : requested
  if (!info.isas.includes(isa)) throw new BackendUnavailableError(`native-${isa}`, `this CPU or build supports only ${info.isas.join(', ')}`)
  const isaCode = nativeIsaCodes[isa]
  const threads = Math.min(requestedThreads ?? info.threads, info.threads)
  const preparedStrips = new WeakMap<PreparedMatrixV1, Float32Array>()
  return {
    specificationVersion: 'v1',
    name: `native-${isa}`,
    gemm(params: GemmParamsV1): void {
      const { m, n, k, alpha, beta, transposeA, transposeB } = checkGemmShape(params)
      if (Math.max(m, n, k) > maxDimension) throw new InvalidArgumentError('gemm', `dimensions above ${maxDimension} are not supported by the native backend`)
      addon.gemm(params.a, params.b, params.c, m, n, k, alpha, beta, transposeA, transposeB, isaCode, threads)
    },
    im2col(params: Im2colParamsV1): Float32Array {
      const geometry = im2colGeometry(params)
      const out = new Float32Array(geometry.outputLength)
      addon.im2col(params.input, out, geometry.values)
      return out
    },
    quantize(values: Float32Array, step: number, min: number, max: number, out: Float32Array): void {
      addon.quantize(values, out, step, min, max)
    },
    // NOTE: an addon built before this kernel existed (a stale build directory) lacks it; the engine
    // then converts through the converter instead of failing.
    ...(typeof addon.convertAccumulate === 'function' ? { convertAccumulate } : {}),
    ...(typeof addon.gemmPrepared === 'function' ? { prepareMatrix, gemmPrepared } : {}),
    ...(typeof addon.encodeUniform === 'function' ? { encodeUniform } : {}),
    ...(typeof addon.scaleInto === 'function' ? { scaleInto } : {}),
    ...(typeof addon.convertScaleInto === 'function' ? { convertScaleInto } : {}),
  }

  function scaleInto(values: Float64Array, factor: number, out: Float32Array): void {
    checkScaleIntoShape(values, out)
    addon.scaleInto(values, factor, out)
  }

  function encodeUniform(params: EncodeUniformParamsV1): boolean {
    checkEncodeUniformShape(params)
    const { low, scale, minCode, maxCode, divisor, rounding } = params.levels
    return addon.encodeUniform(params.inputs, params.planes, Float64Array.of(params.inputScale, low, scale, minCode, maxCode, divisor, rounding === 'half-away-from-zero' ? 1 : 0), isaCode)
  }

  // B packed once into the micro-kernel's strips (native/src/prepared-gemm.h), held by JavaScript
  // (garbage-collected with the prepared operand); only this backend's ISA can read it.
  function prepareMatrix(b: Float32Array, k: number, n: number, options: { readonly transposeB?: boolean } = {}): PreparedMatrixV1 {
    checkPrepareMatrixShape(b, k, n)
    if (Math.max(k, n) > maxDimension) throw new InvalidArgumentError('prepareMatrix', `dimensions above ${maxDimension} are not supported by the native backend`)
    const packed = new Float32Array(addon.preparedLength(k, n, isaCode))
    addon.prepareB(b, packed, k, n, options.transposeB === true, isaCode)
    const prepared: PreparedMatrixV1 = Object.freeze({ backend: `native-${isa}`, k, n, bytes: packed.byteLength })
    preparedStrips.set(prepared, packed)
    return prepared
  }

  function gemmPrepared(params: PreparedGemmParamsV1): void {
    const packed = preparedStrips.get(params.b)
    if (packed === undefined) throw new InvalidArgumentError('gemmPrepared', `b was not prepared by backend "native-${isa}"`)
    const { m, n, k, alpha, beta, transposeA } = checkPreparedGemmShape(params, `native-${isa}`, packed.length)
    if (m > maxDimension) throw new InvalidArgumentError('gemmPrepared', `dimensions above ${maxDimension} are not supported by the native backend`)
    addon.gemmPrepared(params.a, packed, params.c, m, n, k, alpha, beta, transposeA, isaCode, threads)
  }

  function convertAccumulate(params: ConvertAccumulateParamsV1): void {
    checkConvertAccumulateShape(params)
    const { digitalOffset } = params
    addon.convertAccumulate(params.values, params.rangeMin, params.rangeSpan, params.rowSums, params.factors, digitalOffset?.units ?? noUnits, digitalOffset?.flipped ?? noFlips, params.output, convertShape(params, params.outputColumns, params.outputStart), isaCode)
  }

  function convertScaleInto(params: ConvertScaleIntoParamsV1): void {
    checkConvertScaleIntoShape(params)
    const { digitalOffset } = params
    const shape = convertShape(params, params.outputCount, 0, params.scale, params.resultColumns, params.resultStart)
    addon.convertScaleInto(params.values, params.rangeMin, params.rangeSpan, params.rowSums, params.factors, digitalOffset?.units ?? noUnits, digitalOffset?.flipped ?? noFlips, params.result, shape, isaCode)
  }

}

/** The scalar parameters of a conversion call as the addon reads them (13 numbers, then `extra`). */
function convertShape(params: Omit<ConvertAccumulateParamsV1, 'output' | 'outputColumns' | 'outputStart'>, outputColumns: number, outputStart: number, ...extra: number[]): Float64Array {
  const { digitalOffset } = params
  return Float64Array.of(
    params.stride,
    params.offset,
    params.batch,
    params.planes,
    params.outputCount,
    outputColumns,
    outputStart,
    params.steps,
    params.idleVectors ? 1 : 0,
    digitalOffset === null ? 0 : 1,
    digitalOffset?.offsetDigits ?? 0,
    digitalOffset?.bias ?? 0,
    digitalOffset?.maxDigit ?? 0,
    ...extra,
  )
}
