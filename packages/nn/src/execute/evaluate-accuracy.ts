import { datasetBatch } from '../datasets/dataset.js'
import type { ImageDataset } from '../datasets/dataset.js'
import type { LayerObserver, NetworkExecutor } from './network-executor.js'

/** Index of the largest value in each row of batch×classes. @since 0.1.0 */
export function argmaxRows(values: Float32Array, batch: number, classes: number): Int32Array {
  const result = new Int32Array(batch)
  for (let image = 0; image < batch; image++) {
    let best = 0
    for (let index = 1; index < classes; index++) if (values[image * classes + index]! > values[image * classes + best]!) best = index
    result[image] = best
  }
  return result
}

/**
 * Top-1 accuracy (fraction in [0, 1]) of an executor on the first `samples` images of a dataset.
 * @since 0.1.0
 */
export function evaluateAccuracy(
  executor: NetworkExecutor,
  dataset: ImageDataset,
  options: { samples?: number; batchSize?: number; observe?: LayerObserver; onBatch?: (imagesDone: number, samples: number) => void } = {},
): number {
  const samples = Math.min(options.samples ?? dataset.count, dataset.count)
  const batchSize = options.batchSize ?? 250
  const classes = executor.network.outputShape[0]!
  let correct = 0
  for (let start = 0; start < samples; start += batchSize) {
    const count = Math.min(batchSize, samples - start)
    const outputs = executor.run(datasetBatch(dataset, start, count), count, options.observe)
    const predicted = argmaxRows(outputs, count, classes)
    for (let image = 0; image < count; image++) if (predicted[image] === dataset.labels[start + image]) correct++
    options.onBatch?.(start + count, samples)
  }
  return correct / samples
}
