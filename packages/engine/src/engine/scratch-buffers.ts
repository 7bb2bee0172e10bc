/**
 * Named buffers a programmed matrix reuses from call to call: allocating and zeroing arrays of a
 * batch's size on every call cost more than the work done on them. A buffer is handed out again
 * by the next call, so only values consumed within a call may live in one.
 * @since 0.2.0
 */
export class ScratchBuffers {
  private readonly buffers = new Map<string, Float32Array | Float64Array>()

  float32(name: string, length: number): Float32Array {
    let buffer = this.buffers.get(name)
    if (!(buffer instanceof Float32Array) || buffer.length !== length) this.buffers.set(name, (buffer = new Float32Array(length)))
    return buffer
  }

  float64(name: string, length: number): Float64Array {
    let buffer = this.buffers.get(name)
    if (!(buffer instanceof Float64Array) || buffer.length !== length) this.buffers.set(name, (buffer = new Float64Array(length)))
    return buffer
  }

  /** Zeros of a given length, kept (nothing writes into them). */
  zeros(length: number): Float64Array {
    return this.float64('zeros', length)
  }
}
