import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DatasetError } from '../errors/dataset-error.js'
import type { ImageDataset } from './dataset.js'

/** One record of the CIFAR-10 binary version: 1 label byte + 32×32×3 pixels, channel-major (Krizhevsky 2009). */
const recordSize = 1 + 3 * 32 * 32
const trainFiles = ['data_batch_1.bin', 'data_batch_2.bin', 'data_batch_3.bin', 'data_batch_4.bin', 'data_batch_5.bin']
const testFiles = ['test_batch.bin']

/** @since 0.1.0 */
export interface Cifar10Options {
  /** Keep only the first `limit` samples. */
  readonly limit?: number
}

/**
 * CIFAR-10 from a user-supplied copy of its binary version (`cifar-10-binary.tar.gz`, extracted):
 * `directory` is `cifar-10-batches-bin` or its parent. Training reads `data_batch_1..5.bin`, test
 * reads `test_batch.bin`; each file must be a whole number of 3,073-byte records.
 * @throws DatasetError naming the file when one is missing or of the wrong size.
 * @since 0.1.0
 */
export function loadCifar10(directory: string, split: 'train' | 'test', options: Cifar10Options = {}): ImageDataset {
  const base = existsSync(join(directory, 'cifar-10-batches-bin')) ? join(directory, 'cifar-10-batches-bin') : directory
  const chunks: Uint8Array[] = []
  let records = 0
  const limit = options.limit ?? Number.POSITIVE_INFINITY
  for (const file of split === 'train' ? trainFiles : testFiles) {
    if (records >= limit) break
    const path = join(base, file)
    let bytes: Uint8Array
    try {
      bytes = readFileSync(path)
    } catch (error) {
      throw new DatasetError(path, `cannot read the CIFAR-10 ${split} file (expected the binary version in ${base})`, { cause: error })
    }
    if (bytes.length === 0 || bytes.length % recordSize !== 0) {
      throw new DatasetError(path, `file has ${bytes.length} bytes, not a whole number of ${recordSize}-byte CIFAR-10 records (the standard file has 10000 records, ${10000 * recordSize} bytes)`)
    }
    chunks.push(bytes)
    records += bytes.length / recordSize
  }
  const count = Math.min(records, limit)
  const pixels = new Uint8Array(count * (recordSize - 1))
  const labels = new Uint8Array(count)
  let sample = 0
  for (const bytes of chunks) {
    for (let offset = 0; offset < bytes.length && sample < count; offset += recordSize) {
      const label = bytes[offset]!
      if (label > 9) throw new DatasetError(base, `record ${sample} has label ${label}, outside 0–9`)
      labels[sample] = label
      pixels.set(bytes.subarray(offset + 1, offset + recordSize), sample * (recordSize - 1))
      sample++
    }
  }
  return { name: `cifar10/${split}`, shape: [3, 32, 32], count, classes: 10, pixels, labels, source: `CIFAR-10 binary files in ${base}` }
}
