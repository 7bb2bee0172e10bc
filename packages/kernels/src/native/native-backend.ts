import type { ComputeBackendV1, ConvertAccumulateParamsV1, GemmParamsV1, Im2colParamsV1 } from '@cimkit/core'
import { InvalidArgumentError } from '@cimkit/core'
import { BackendUnavailableError } from '../errors.js'
import { checkConvertAccumulateShape } from '../shared/convert-accumulate-shape.js'
import { checkGemmShape } from '../shared/gemm-shape.js'
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
  }

  function convertAccumulate(params: ConvertAccumulateParamsV1): void {
    checkConvertAccumulateShape(params)
    const { digitalOffset } = params
    const shape = Float64Array.of(
      params.stride,
      params.offset,
      params.batch,
      params.planes,
      params.outputCount,
      params.outputColumns,
      params.outputStart,
      params.steps,
      params.idleVectors ? 1 : 0,
      digitalOffset === null ? 0 : 1,
      digitalOffset?.offsetDigits ?? 0,
      digitalOffset?.bias ?? 0,
      digitalOffset?.maxDigit ?? 0,
    )
    addon.convertAccumulate(
      params.values,
      params.rangeMin,
      params.rangeSpan,
      params.rowSums,
      params.factors,
      digitalOffset?.units ?? noUnits,
      digitalOffset?.flipped ?? noFlips,
      params.output,
      shape,
    )
  }
}
