import type { PumaInstruction } from '../isa/instruction.js'
import { PumaProgramError } from '../isa/puma-errors.js'
import type { PumaInputRegion, PumaOutputRegion } from '../isa/program.js'
import { compressCountRuns } from '../isa/program.js'
import type { CoreEntry } from './core-code.js'
import { SharedMemoryAllocator } from './shared-memory-allocator.js'

/** A tensor as memory planning sees it. @since 0.1.0 */
export interface MemoryTensor {
  readonly id: number
  readonly size: number
  /** Production order: transfers are issued in this order on every tile (deadlock freedom). */
  readonly order: number
  /** The host writes it on tile 0 (network input), with `logicalOfWord` giving each word's input index. */
  readonly hostInput?: { readonly name: string; readonly logicalOfWord: Int32Array }
  /** The host reads it when the run ends (network output). */
  readonly hostOutput?: { readonly name: string; readonly logicalOfWord: Int32Array }
}

/** One core's code after register allocation. @since 0.1.0 */
export interface AllocatedCore {
  readonly tile: number
  readonly core: number
  readonly entries: readonly CoreEntry[]
}

/** Instructions with addresses and counts resolved, tile programs, and I/O regions. @since 0.1.0 */
export interface PlannedMemory {
  readonly coreInstructions: Map<string, PumaInstruction[]>
  readonly tilePrograms: PumaInstruction[][]
  readonly inputs: PumaInputRegion[]
  readonly outputs: PumaOutputRegion[]
  /** Shared-memory words used per tile. */
  readonly wordsUsed: number[]
}

function regions<T>(tiles: Int32Array, addresses: Int32Array, logical: Int32Array, make: (tile: number, address: number, offset: number, from: number, length: number) => T): T[] {
  const out: T[] = []
  let i = 0
  while (i < tiles.length) {
    let j = i + 1
    while (j < tiles.length && tiles[j] === tiles[i] && addresses[j] === (addresses[i] as number) + (j - i) && logical[j] === (logical[i] as number) + (j - i)) j++
    out.push(make(tiles[i] as number, addresses[i] as number, logical[i] as number, i, j - i))
    i = j
  }
  return out
}

/**
 * Gives every tensor an address in each tile that produces or reads it, only for the span of words
 * that tile touches. Memory is never reused: a valid entry carries no tensor identity, so a reader of
 * a new tensor could consume an old one still waiting for its readers. Sets each word's count
 * attribute to its readers
 * (local loads, one send per remote reading tile, the host for outputs), splits stores into runs of
 * equal count, and turns every remote read into a send/receive pair. Transfers are listed on every
 * tile in one global order (by producing stage, then word), which with forward-only dataflow
 * leaves no cycle of waits.
 * @since 0.1.0
 */
export function planMemory(cores: readonly AllocatedCore[], tensors: readonly MemoryTensor[], tiles: number, sharedMemoryWords: number): PlannedMemory {
  const byId = new Map(tensors.map((tensor) => [tensor.id, tensor]))
  const producer = new Map<number, Int32Array>()
  const reads = new Map<number, Map<number, Uint16Array>>()
  for (const tensor of tensors) producer.set(tensor.id, new Int32Array(tensor.size).fill(tensor.hostInput === undefined ? -1 : 0))
  const readsOn = (tensor: number, tile: number): Uint16Array => {
    const perTile = reads.get(tensor) ?? new Map<number, Uint16Array>()
    reads.set(tensor, perTile)
    let counts = perTile.get(tile)
    if (counts === undefined) {
      counts = new Uint16Array((byId.get(tensor) as MemoryTensor).size)
      perTile.set(tile, counts)
    }
    return counts
  }
  for (const core of cores) {
    for (const entry of core.entries) {
      if (!('access' in entry)) continue
      const { kind, tensor, word, width } = entry.access
      if (kind === 'store') {
        const tiles = producer.get(tensor) as Int32Array
        for (let w = word; w < word + width; w++) {
          if (tiles[w] !== -1) throw new PumaProgramError(`tensor ${tensor} word ${w} is produced twice`)
          tiles[w] = core.tile
        }
      } else {
        const counts = readsOn(tensor, core.tile)
        for (let w = word; w < word + width; w++) {
          if (counts[w] === 65535) throw new PumaProgramError(`tensor ${tensor} word ${w} has more readers than a count attribute holds`)
          counts[w] = (counts[w] as number) + 1
        }
      }
    }
  }
  const allocators = Array.from({ length: tiles }, () => new SharedMemoryAllocator(sharedMemoryWords))
  const base = new Map<string, number>()
  const ordered = [...tensors].sort((a, b) => a.order - b.order)
  for (const tensor of ordered) {
    // Each tile holds only the span of words it produces or reads.
    const spans = new Map<number, { low: number; high: number }>()
    const touch = (tile: number, word: number): void => {
      const span = spans.get(tile)
      if (span === undefined) spans.set(tile, { low: word, high: word })
      else span.high = word
    }
    const tilesOf = producer.get(tensor.id) as Int32Array
    const readers = [...(reads.get(tensor.id) ?? new Map<number, Uint16Array>())]
    for (let w = 0; w < tensor.size; w++) {
      if ((tilesOf[w] as number) >= 0) touch(tilesOf[w] as number, w)
      for (const [tile, counts] of readers) if ((counts[w] as number) > 0) touch(tile, w)
    }
    for (const [tile, { low, high }] of [...spans].sort((a, b) => a[0] - b[0])) {
      const size = high - low + 1
      const start = (allocators[tile] as SharedMemoryAllocator).allocate(size)
      if (start === null) throw new PumaProgramError(`tile ${tile} needs more than its ${sharedMemoryWords}-word shared memory for ${size} more words`)
      base.set(`${tensor.id}/${tile}`, start - low)
    }
  }
  const address = (tensor: number, tile: number): number => base.get(`${tensor}/${tile}`) as number
  const producerCounts = new Map<number, Uint16Array>()
  const tilePrograms: PumaInstruction[][] = Array.from({ length: tiles }, () => [])
  for (const tensor of ordered) {
    const tilesOf = producer.get(tensor.id) as Int32Array
    const counts = new Uint16Array(tensor.size)
    const readers = reads.get(tensor.id) ?? new Map<number, Uint16Array>()
    for (let w = 0; w < tensor.size; w++) {
      const home = tilesOf[w] as number
      let count = tensor.hostOutput === undefined ? 0 : 1
      for (const [tile, local] of readers) if ((local[w] as number) > 0) count += tile === home ? (local[w] as number) : 1
      if (count > 0 && home === -1) throw new PumaProgramError(`tensor ${tensor.id} word ${w} is read but never produced`)
      counts[w] = count
    }
    producerCounts.set(tensor.id, counts)
    for (const [tile, local] of [...readers].sort((a, b) => a[0] - b[0])) {
      let w = 0
      while (w < tensor.size) {
        const home = tilesOf[w] as number
        if (home === tile || local[w] === 0) {
          w++
          continue
        }
        let end = w + 1
        while (end < tensor.size && tilesOf[end] === home && local[end] === local[w]) end++
        ;(tilePrograms[home] as PumaInstruction[]).push({ op: 'send', address: address(tensor.id, home) + w, width: end - w, tile })
        ;(tilePrograms[tile] as PumaInstruction[]).push({ op: 'receive', address: address(tensor.id, tile) + w, width: end - w, count: local[w] as number, tile: home })
        w = end
      }
    }
  }
  for (const program of tilePrograms) if (program.length > 0) program.push({ op: 'hlt' })
  const coreInstructions = new Map<string, PumaInstruction[]>()
  for (const core of cores) {
    const instructions: PumaInstruction[] = []
    for (const entry of core.entries) {
      if ('instruction' in entry) {
        instructions.push(entry.instruction)
        continue
      }
      const { kind, register, tensor, word, width } = entry.access
      const start = address(tensor, core.tile)
      if (kind === 'load') {
        instructions.push({ op: 'load', dest: register, address: { mode: 'immediate', value: start + word }, width })
        continue
      }
      const counts = producerCounts.get(tensor) as Uint16Array
      let w = word
      while (w < word + width) {
        let end = w + 1
        while (end < word + width && counts[end] === counts[w]) end++
        if ((counts[w] as number) > 0) instructions.push({ op: 'store', address: { mode: 'immediate', value: start + w }, src: register + (w - word), count: counts[w] as number, width: end - w })
        w = end
      }
    }
    coreInstructions.set(`${core.tile}/${core.core}`, instructions)
  }
  const inputs: PumaInputRegion[] = []
  const outputs: PumaOutputRegion[] = []
  for (const tensor of tensors) {
    const io = tensor.hostInput ?? tensor.hostOutput
    if (io === undefined) continue
    const tilesOf = tensor.hostInput === undefined ? (producer.get(tensor.id) as Int32Array) : new Int32Array(tensor.size)
    const addresses = Int32Array.from(tilesOf, (tile, w) => address(tensor.id, tile) + w)
    const counts = producerCounts.get(tensor.id) as Uint16Array
    if (tensor.hostInput !== undefined) {
      inputs.push(...regions(tilesOf, addresses, io.logicalOfWord, (tile, at, offset, from, length) => ({ name: io.name, tile, address: at, length, offset, countRuns: compressCountRuns(counts.subarray(from, from + length)) })))
    } else {
      outputs.push(...regions(tilesOf, addresses, io.logicalOfWord, (tile, at, offset, _from, length) => ({ name: io.name, tile, address: at, length, offset })))
    }
  }
  return { coreInstructions, tilePrograms, inputs, outputs, wordsUsed: allocators.map((allocator) => allocator.wordsUsed) }
}
