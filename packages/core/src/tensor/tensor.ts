import { InvalidArgumentError } from '../errors/invalid-argument-error.js'

/**
 * A dense float32 tensor in row-major order. Plain data, so it crosses worker boundaries and
 * serialises without a class.
 * @since 0.1.0
 */
export interface Tensor {
  readonly shape: readonly number[]
  readonly data: Float32Array
}

/** Number of elements a shape holds. @since 0.1.0 */
export function shapeSize(shape: readonly number[]): number {
  let size = 1
  for (const extent of shape) size *= extent
  return size
}

/**
 * Makes a tensor, checking that data and shape agree.
 * @example createTensor([2, 2], new Float32Array([1, 2, 3, 4])).shape // [2, 2]
 * @since 0.1.0
 */
export function createTensor(shape: readonly number[], data?: Float32Array): Tensor {
  for (const extent of shape) {
    if (!Number.isInteger(extent) || extent < 0) {
      throw new InvalidArgumentError('shape', `extents must be non-negative integers, got [${shape.join(', ')}]`)
    }
  }
  const size = shapeSize(shape)
  const values = data ?? new Float32Array(size)
  if (values.length !== size) {
    throw new InvalidArgumentError('data', `shape [${shape.join(', ')}] holds ${size} values, data has ${values.length}`)
  }
  return { shape: [...shape], data: values }
}
