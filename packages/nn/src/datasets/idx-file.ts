import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import { DatasetError } from '../errors/dataset-error.js'

/** An IDX file (LeCun's MNIST format) of unsigned bytes. @since 0.1.0 */
export interface IdxFile {
  readonly dimensions: readonly number[]
  /** The first `limit` items (or all), row-major. */
  readonly data: Uint8Array
}

/**
 * Reads an IDX file of unsigned bytes (type 0x08), checking the magic number, the number of
 * dimensions and that the file holds exactly the bytes its header promises. With `limit`, reads
 * only the first `limit` items (the size check still covers the whole file).
 * @throws DatasetError naming the file.
 * @since 0.1.0
 */
export function readIdxFile(path: string, expectedDimensions: number, limit?: number): IdxFile {
  let descriptor: number
  try {
    descriptor = openSync(path, 'r')
  } catch (error) {
    throw new DatasetError(path, 'cannot open the file', { cause: error })
  }
  try {
    const fileSize = fstatSync(descriptor).size
    const headerSize = 4 + 4 * expectedDimensions
    if (fileSize < headerSize) throw new DatasetError(path, `file has ${fileSize} bytes, too small for an IDX header of ${headerSize} bytes`)
    const header = Buffer.alloc(headerSize)
    readSync(descriptor, header, 0, headerSize, 0)
    const magic = header.readUInt32BE(0)
    if (magic >>> 8 !== 0x08 || (magic & 0xff) !== expectedDimensions) {
      throw new DatasetError(path, `magic number 0x${magic.toString(16).padStart(8, '0')} is not an unsigned-byte IDX file with ${expectedDimensions} dimension(s) (expected 0x${(0x800 + expectedDimensions).toString(16).padStart(8, '0')})`)
    }
    const dimensions = Array.from({ length: expectedDimensions }, (_, axis) => header.readUInt32BE(4 + 4 * axis))
    const itemSize = dimensions.slice(1).reduce((product, extent) => product * extent, 1)
    const expectedSize = headerSize + dimensions[0]! * itemSize
    if (fileSize !== expectedSize) {
      throw new DatasetError(path, `file has ${fileSize} bytes but its header [${dimensions.join(' × ')}] needs ${expectedSize} (truncated or corrupt)`)
    }
    const items = Math.min(limit ?? dimensions[0]!, dimensions[0]!)
    const data = new Uint8Array(items * itemSize)
    let offset = 0
    while (offset < data.length) {
      const read = readSync(descriptor, data, offset, data.length - offset, headerSize + offset)
      if (read === 0) throw new DatasetError(path, 'unexpected end of file')
      offset += read
    }
    return { dimensions, data }
  } finally {
    closeSync(descriptor)
  }
}
