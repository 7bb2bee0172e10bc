import { definePlugin } from '@cimkit/core'
import type { CimkitPluginV1 } from '@cimkit/core'
import { z } from 'zod'
import { createNativeBackend } from './native/native-backend.js'
import { nativeBackendOptionsSchema } from './native/native-backend-options.js'
import { referenceBackend } from './reference/reference-backend.js'
import { selectBackend } from './select/select-backend.js'
import { VERSION } from './version.js'

export { benchmarkGemm } from './bench/benchmark-gemm.js'
export type { GemmBenchmarkOptions, GemmBenchmarkResult } from './bench/benchmark-gemm.js'
export { BackendUnavailableError } from './errors.js'
export type { NativeIsa } from './native/load-native-addon.js'
export { createNativeBackend } from './native/native-backend.js'
export { nativeBackendOptionsSchema } from './native/native-backend-options.js'
export type { NativeBackendOptions } from './native/native-backend-options.js'
export { referenceBackend } from './reference/reference-backend.js'
export { referenceGemm } from './reference/reference-gemm.js'
export { convolutionOutputSize, referenceIm2col } from './reference/reference-im2col.js'
export { referenceQuantize } from './reference/reference-quantize.js'
export { referenceConvertAccumulate } from './reference/reference-convert-accumulate.js'
export { referenceEncodeUniform } from './reference/reference-encode-uniform.js'
export { referenceScaleInto } from './reference/reference-scale-into.js'
export { referenceConvertScaleInto } from './reference/reference-convert-scale-into.js'
export { backendNames, listBackends } from './select/backend-availability.js'
export type { BackendAvailability, BackendName } from './select/backend-availability.js'
export { backendEnvironmentVariable, getBackendStatus, selectBackend } from './select/select-backend.js'
export type { BackendStatus } from './select/select-backend.js'
export { createWasmBackend } from './wasm/wasm-backend.js'

/**
 * Compute backends for cimkit: `reference` (TypeScript, the oracle), `wasm-simd` (WebAssembly
 * SIMD) and `native` (C++ addon, AVX-512/AVX2/scalar, multi-threaded). All three types are always
 * registered, so configs and the package manifest agree on every machine; creating one that
 * cannot load here throws `BackendUnavailableError` naming the reason. `run.backend: auto` is
 * resolved by `selectBackend`, not by the registry.
 * @since 0.1.0
 */
export function createKernelsPlugin(): CimkitPluginV1 {
  return definePlugin({
    meta: { name: '@cimkit/kernels', version: VERSION },
    specificationVersion: 'v1',
    register(registrar) {
      registrar.backend('reference', {
        description: 'Plain TypeScript kernels (the oracle)',
        optionsSchema: z.strictObject({}),
        create: () => referenceBackend,
      })
      registrar.backend('wasm-simd', {
        description: 'WebAssembly SIMD kernels (AssemblyScript, single thread, portable)',
        optionsSchema: z.strictObject({}),
        create: () => selectBackend('wasm-simd', {}),
      })
      registrar.backend('native', {
        description: 'C++ addon: AVX-512 / AVX2 / scalar GEMM on every core (built at install)',
        optionsSchema: nativeBackendOptionsSchema,
        create: (options) => createNativeBackend(options),
      })
    },
  })
}

export default createKernelsPlugin()
