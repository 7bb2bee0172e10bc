import { describe, expect, it } from 'vitest'
import { SharedMemoryAllocator } from './shared-memory-allocator.js'

describe('SharedMemoryAllocator', () => {
  it('allocates first fit, merges released neighbours and reports the high-water mark', () => {
    const memory = new SharedMemoryAllocator(100)
    expect(memory.allocate(30)).toBe(0)
    expect(memory.allocate(30)).toBe(30)
    expect(memory.allocate(30)).toBe(60)
    expect(memory.allocate(20)).toBeNull()
    memory.release(0, 30)
    memory.release(30, 30)
    expect(memory.allocate(50)).toBe(0)
    expect(memory.allocate(10)).toBe(50)
    expect(memory.allocate(10)).toBe(90)
    expect(memory.wordsUsed).toBe(100)
  })
})
