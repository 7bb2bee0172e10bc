import { createRequire } from 'node:module'

/** The arrays the two conversion entry points share, in their order. */
type ConversionArguments = [values: Float32Array, rangeMin: Float64Array, rangeSpan: Float64Array, rowSums: Float64Array, factors: Float64Array, units: Float64Array, flipped: Uint8Array]

/** The functions the C++ addon exports (native/src/addon.cc). @since 0.1.0 */
export interface NativeAddon {
  gemm(a: Float32Array, b: Float32Array, c: Float32Array, m: number, n: number, k: number, alpha: number, beta: number, transposeA: boolean, transposeB: boolean, isa: number, threads: number): void
  quantize(values: Float32Array, out: Float32Array, step: number, min: number, max: number): void
  convertAccumulate(...args: [...ConversionArguments, output: Float64Array, shape: Float64Array, isa: number]): void
  im2col(input: Float32Array, out: Float32Array, geometry: Int32Array): void
  encodeUniform(inputs: Float32Array, planes: Float32Array, params: Float64Array, isa: number): boolean
  scaleInto(values: Float64Array, factor: number, out: Float32Array): void
  convertScaleInto(...args: [...ConversionArguments, result: Float32Array, shape: Float64Array, isa: number]): void
  /** Floats of B (k × n) prepared for the ISA's micro-kernel. */
  preparedLength(k: number, n: number, isa: number): number
  prepareB(b: Float32Array, out: Float32Array, k: number, n: number, transposeB: boolean, isa: number): void
  gemmPrepared(a: Float32Array, prepared: Float32Array, c: Float32Array, m: number, n: number, k: number, alpha: number, beta: number, transposeA: boolean, isa: number, threads: number): void
  /** Instruction sets this build and CPU support, best first, and the threads a GEMM can use. */
  cpuInfo(): { readonly isas: readonly NativeIsa[]; readonly threads: number }
}

/** Instruction sets of the native GEMM micro-kernels. @since 0.1.0 */
export type NativeIsa = 'avx512' | 'avx2' | 'scalar'

/** The addon's numeric code for each instruction set (cimkit::Isa in native/src/kernel-spec.h). @since 0.1.0 */
export const nativeIsaCodes: Readonly<Record<NativeIsa, number>> = { scalar: 0, avx2: 1, avx512: 2 }

/** Built by node-gyp at install into build/Release, the same relative path from src/native and dist/native. */
const addonPath = '../../build/Release/cimkit_kernels.node'

let cached: { readonly addon: NativeAddon } | { readonly error: Error } | undefined

/**
 * Loads the native addon once; returns it, or the reason it cannot load (not built on this
 * machine: no compiler at install, or `CIMKIT_SKIP_NATIVE=1`).
 * @since 0.1.0
 */
export function loadNativeAddon(): { readonly addon: NativeAddon } | { readonly error: Error } {
  if (cached === undefined) {
    try {
      cached = { addon: createRequire(import.meta.url)(addonPath) as NativeAddon }
    } catch (error) {
      cached = { error: error instanceof Error ? error : new Error(String(error)) }
    }
  }
  return cached
}
