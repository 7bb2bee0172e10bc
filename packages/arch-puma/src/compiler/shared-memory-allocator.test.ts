import { describe, expect, it } from 'vitest'
import { SharedMemoryAllocator } from './shared-memory-allocator.js'

describe('SharedMemoryAllocator', () => {
  it('allocates first fit, refuses what does not fit and reports the high-water mark', () => {
    const memory = new SharedMemoryAllocator(100)
    expect(memory.allocate(30)).toBe(0)
    expect(memory.allocate(30)).toBe(30)
    expect(memory.wordsUsed).toBe(60)
    expect(memory.allocate(50)).toBeNull()
    expect(memory.allocate(40)).toBe(60)
    expect(memory.wordsUsed).toBe(100)
    expect(memory.allocate(1)).toBeNull()
  })
})
