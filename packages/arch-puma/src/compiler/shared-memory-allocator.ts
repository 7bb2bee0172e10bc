/**
 * First-fit allocation of one tile's shared memory, with release: a freed range merges with its
 * neighbours. Tracks the high-water mark (words the tile needs).
 * @since 0.1.0
 */
export class SharedMemoryAllocator {
  /** Free ranges, sorted by start, never adjacent. */
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

  release(start: number, size: number): void {
    const index = this.free.findIndex((range) => range.start > start)
    const at = index < 0 ? this.free.length : index
    this.free.splice(at, 0, { start, size })
    // Merge with the next and the previous range when they touch.
    const next = this.free[at + 1]
    if (next !== undefined && start + size === next.start) {
      this.free[at] = { start, size: size + next.size }
      this.free.splice(at + 1, 1)
    }
    const previous = this.free[at - 1]
    const current = this.free[at] as { start: number; size: number }
    if (previous !== undefined && previous.start + previous.size === current.start) {
      this.free[at - 1] = { start: previous.start, size: previous.size + current.size }
      this.free.splice(at, 1)
    }
  }

  /** Words used at the peak. */
  get wordsUsed(): number {
    return this.highWater
  }
}
