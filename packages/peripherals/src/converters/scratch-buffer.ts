/** A reusable Float32Array that grows on demand, so converters do not allocate per call. @since 0.1.0 */
export class ScratchBuffer {
  private buffer = new Float32Array(0)

  /** A view of exactly `length` values (contents unspecified). */
  take(length: number): Float32Array {
    if (this.buffer.length < length) this.buffer = new Float32Array(Math.max(length, this.buffer.length * 2))
    return this.buffer.subarray(0, length)
  }
}
