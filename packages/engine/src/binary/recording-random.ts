import type { RandomSource, RandomState } from '@cimkit/core'

/** A random source that remembers whether anything was drawn from it. @since 0.1.0 */
export interface RecordingRandom {
  readonly random: RandomSource
  /** True once any value was drawn directly (child streams are not draws). */
  drew(): boolean
}

/**
 * Wraps `source` and records direct draws. With the engine's converter convention (direct draws are
 * per-call noise, named child streams are per-converter mismatch; `converterRandom`), a converter
 * that makes no direct draw while converting a set of values gave a deterministic function of them.
 * @example const probe = recordingRandom(random); converter.convert(v, c, range, converterRandom(fixed, probe.random), out); probe.drew()
 * @since 0.1.0
 */
export function recordingRandom(source: RandomSource): RecordingRandom {
  let drew = false
  const mark = (): void => {
    drew = true
  }
  const random: RandomSource = {
    algorithm: source.algorithm,
    nextUint32: () => (mark(), source.nextUint32()),
    nextUniform: () => (mark(), source.nextUniform()),
    nextNormal: () => (mark(), source.nextNormal()),
    fillUniform: (out, min, max) => (mark(), source.fillUniform(out, min, max)),
    fillNormal: (out, mean, std) => (mark(), source.fillNormal(out, mean, std)),
    stream: (...labels) => source.stream(...labels),
    getState: (): RandomState => source.getState(),
  }
  return { random, drew: () => drew }
}
