import { describe, expect, it } from 'vitest'
import { balanceReplication } from './balance-replication.js'

describe('balanceReplication', () => {
  it('hand-computed: 1024 and 1 MVMs on 1 and 4 arrays per copy with 20 arrays → 16 and 1 copies (stage of 64 MVMs)', () => {
    expect(balanceReplication([{ mvms: 1024, arraysPerCopy: 1 }, { mvms: 1, arraysPerCopy: 4 }], 20)).toEqual([16, 1])
  })

  it('gives every layer one copy when the network does not fit', () => {
    expect(balanceReplication([{ mvms: 100, arraysPerCopy: 8 }, { mvms: 10, arraysPerCopy: 8 }], 10)).toEqual([1, 1])
  })

  it('never copies a layer more often than it has MVMs, and honours the cap', () => {
    expect(balanceReplication([{ mvms: 4, arraysPerCopy: 1 }, { mvms: 1, arraysPerCopy: 1 }], 1000)).toEqual([4, 1])
    expect(balanceReplication([{ mvms: 1000, arraysPerCopy: 1 }], 1000, 8)).toEqual([8])
  })

  it('more arrays never lengthen the slowest stage', () => {
    const layers = [{ mvms: 1024, arraysPerCopy: 2 }, { mvms: 256, arraysPerCopy: 9 }, { mvms: 64, arraysPerCopy: 18 }, { mvms: 1, arraysPerCopy: 64 }]
    let previous = Number.POSITIVE_INFINITY
    for (const arrays of [93, 120, 200, 400, 800, 1600]) {
      const copies = balanceReplication(layers, arrays)
      const used = copies.reduce((sum, copy, index) => sum + copy * layers[index]!.arraysPerCopy, 0)
      expect(used).toBeLessThanOrEqual(arrays)
      const stage = Math.max(...layers.map((layer, index) => Math.ceil(layer.mvms / copies[index]!)))
      expect(stage).toBeLessThanOrEqual(previous)
      previous = stage
    }
  })
})
