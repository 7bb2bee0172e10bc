import type { RandomSource, RandomState } from '@cimkit/core'

/**
 * The random source a converter receives on each conversion: direct draws (`nextNormal`,
 * `fillNormal`, …) come from a stream fresh on every call, so noise is redrawn per conversion;
 * named child streams (`stream('mismatch', …)`) come from a stream fixed per physical converter, so
 * static mismatch drawn from them (comparator offsets, capacitor mismatch) stays the same across
 * calls, as a manufactured converter's does.
 * NOTE: `OutputConverterV1.convert` receives a single RandomSource; this split is the engine's
 * convention for telling per-call noise from per-instance mismatch.
 * @since 0.1.0
 */
export function converterRandom(fixedPerConverter: RandomSource, freshPerCall: RandomSource): RandomSource {
  return {
    algorithm: freshPerCall.algorithm,
    nextUint32: () => freshPerCall.nextUint32(),
    nextUniform: () => freshPerCall.nextUniform(),
    nextNormal: () => freshPerCall.nextNormal(),
    fillUniform: (out, min, max) => freshPerCall.fillUniform(out, min, max),
    fillNormal: (out, mean, std) => freshPerCall.fillNormal(out, mean, std),
    stream: (...labels) => fixedPerConverter.stream(...labels),
    getState: (): RandomState => freshPerCall.getState(),
  }
}
