/**
 * First-fit allocation of one tile's shared memory (ranges are never released; see `planMemory`).
 * Tracks the high-water mark (words the tile needs).
 * @since 0.1.0
 */
export class SharedMemoryAllocator {
  /** Free ranges, sorted by start. */
  private free: { start: number; size: number }[]
  private highWater = 0

  constructor(readonly capacity: number) {
    this.free = [{ start: 0, size: capacity }]
  }

  /** First address of `size` free words, or null when no free range is large enough. */
  allocate(size: number): number | null {
    const index = this.free.findIndex((range) => range.size >= size)
    if (index < 0) return null
    const range = this.free[index] as { start: number; size: number }
    const start = range.start
    if (range.size === size) this.free.splice(index, 1)
    else this.free[index] = { start: start + size, size: range.size - size }
    this.highWater = Math.max(this.highWater, start + size)
    return start
  }

  /** Words used at the peak. */
  get wordsUsed(): number {
    return this.highWater
  }
}
