import type { RandomSource } from '@cimkit/core'

/**
 * Uniform initialization in [−limit, limit]: He (limit = √(6/fanIn), He et al. 2015) for ReLU
 * layers, Glorot (limit = √(6/(fanIn + fanOut)), Glorot & Bengio 2010) otherwise.
 * @since 0.1.0
 */
export function initializeUniform(size: number, fanIn: number, fanOut: number, scheme: 'he' | 'glorot', random: RandomSource): Float32Array {
  const limit = scheme === 'he' ? Math.sqrt(6 / fanIn) : Math.sqrt(6 / (fanIn + fanOut))
  const values = new Float32Array(size)
  random.fillUniform(values, -limit, limit)
  return values
}
