import { InvalidArgumentError } from '@cimkit/core'

/**
 * An image classification split held as 8-bit pixels (compact: 60k MNIST images are 47 MB).
 * Images are NCHW per sample; {@link datasetBatch} turns a range into float32 in [0, 1].
 * @since 0.1.0
 */
export interface ImageDataset {
  /** e.g. `mnist/test`. */
  readonly name: string
  /** Per-sample shape [channels, height, width]. */
  readonly shape: readonly [number, number, number]
  readonly count: number
  readonly classes: number
  /** count × C·H·W pixels, 0–255. */
  readonly pixels: Uint8Array
  /** count labels in [0, classes). */
  readonly labels: Uint8Array
  /** Where the data came from (package and files), for reports. */
  readonly source: string
}

/**
 * Copies samples [start, start + count) into float32 scaled to [0, 1] (pixel / 255).
 * @since 0.1.0
 */
export function datasetBatch(dataset: ImageDataset, start: number, count: number, out?: Float32Array): Float32Array {
  if (!Number.isInteger(start) || !Number.isInteger(count) || start < 0 || count < 0 || start + count > dataset.count) {
    throw new InvalidArgumentError('range', `samples [${start}, ${start + count}) are outside ${dataset.name} (${dataset.count} samples)`)
  }
  const sampleSize = dataset.shape[0] * dataset.shape[1] * dataset.shape[2]
  const output = out ?? new Float32Array(count * sampleSize)
  const pixels = dataset.pixels.subarray(start * sampleSize, (start + count) * sampleSize)
  for (let index = 0; index < pixels.length; index++) output[index] = pixels[index]! / 255
  return output
}

/**
 * Gathers the samples at `indices` (e.g. a shuffled minibatch) into float32 in [0, 1] and their labels.
 * @since 0.1.0
 */
export function gatherBatch(dataset: ImageDataset, indices: ArrayLike<number>, images: Float32Array, labels: Uint8Array): void {
  const sampleSize = dataset.shape[0] * dataset.shape[1] * dataset.shape[2]
  for (let position = 0; position < indices.length; position++) {
    const sample = indices[position]!
    const source = sample * sampleSize
    const target = position * sampleSize
    for (let index = 0; index < sampleSize; index++) images[target + index] = dataset.pixels[source + index]! / 255
    labels[position] = dataset.labels[sample]!
  }
}

/** The first `count` samples of a dataset (shares memory). @since 0.1.0 */
export function datasetHead(dataset: ImageDataset, count: number): ImageDataset {
  const taken = Math.min(count, dataset.count)
  const sampleSize = dataset.shape[0] * dataset.shape[1] * dataset.shape[2]
  return { ...dataset, count: taken, pixels: dataset.pixels.subarray(0, taken * sampleSize), labels: dataset.labels.subarray(0, taken) }
}
