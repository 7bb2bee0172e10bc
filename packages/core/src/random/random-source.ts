/** Serialisable state of a random stream; `createRandomSourceFromState` resumes it exactly. @since 0.1.0 */
export interface RandomState {
  readonly algorithm: 'xoshiro128**'
  /** The stream's 64-bit key as 16 hex digits: fixes the stream and all its children. */
  readonly key: string
  /** The four 32-bit state words. */
  readonly words: readonly [number, number, number, number]
  /** A second Box–Muller normal waiting to be returned, if any. */
  readonly spareNormal: number | null
}

/**
 * The seeded random source every stochastic model draws from (never the unseeded global generator).
 *
 * Streams are derived, not consumed: `stream('array', 3)` depends only on this stream's key and the
 * labels, never on how many numbers were drawn before, so a Monte Carlo trial or an array reproduces
 * in any order and in any worker.
 * @since 0.1.0
 */
export interface RandomSource {
  readonly algorithm: 'xoshiro128**'
  /** Next raw 32-bit output, as an unsigned integer. */
  nextUint32(): number
  /** Uniform double in [0, 1) with 53 random bits. */
  nextUniform(): number
  /** Standard normal (Box–Muller on 53-bit uniforms). */
  nextNormal(): number
  /** Fills `out` with uniform values in [min, max). */
  fillUniform(out: Float32Array | Float64Array, min?: number, max?: number): void
  /** Fills `out` with N(mean, std²) values. */
  fillNormal(out: Float32Array | Float64Array, mean?: number, std?: number): void
  /** An independent child stream named by labels, e.g. `stream('trial', 2, 'array', 17)`. */
  stream(...labels: readonly (string | number)[]): RandomSource
  /** The state, for checkpoints and for handing a stream to a worker. */
  getState(): RandomState
}
