import type { PumaInstruction } from './instruction.js'

/**
 * The machine a program was compiled for: node size and per-core resources. A program runs only on
 * a machine with at least these resources.
 * @since 0.1.0
 */
export interface PumaMachineShape {
  readonly tiles: number
  readonly coresPerTile: number
  readonly mvmusPerCore: number
  /** MVMU rows (inputs) and columns (outputs). */
  readonly rows: number
  readonly columns: number
  /** General-purpose register file size per core, 16-bit words (after the MVMU registers). */
  readonly registerWords: number
  /** Shared memory per tile, 16-bit words. */
  readonly sharedMemoryWords: number
  /** Fraction bits of the 16-bit fixed-point format. */
  readonly fractionBits: number
}

/** The weights one MVMU holds: `rows × columns` raw fixed-point words, row-major (row = input). @since 0.1.0 */
export interface PumaMatrix {
  readonly tile: number
  readonly core: number
  readonly mvmu: number
  readonly weights: Int16Array
}

/**
 * Where the host writes a network input: a region of one tile's shared memory, and how many reads
 * each word will see (its count attribute), run-length encoded as `[count, repeat, count, repeat…]`.
 * @since 0.1.0
 */
export interface PumaInputRegion {
  readonly name: string
  readonly tile: number
  readonly address: number
  readonly length: number
  /** Position of this region within the named input vector (a permuted input spans several regions). */
  readonly offset: number
  readonly countRuns: readonly number[]
}

/** Where the host reads a network output from when every agent has halted. @since 0.1.0 */
export interface PumaOutputRegion {
  readonly name: string
  readonly tile: number
  readonly address: number
  readonly length: number
  /** Position of this region within the named output vector. */
  readonly offset: number
}

/** One tile's programs: its control unit's (send/receive) and each core's. @since 0.1.0 */
export interface PumaTileProgram {
  readonly program: readonly PumaInstruction[]
  readonly cores: readonly (readonly PumaInstruction[])[]
  /** What each core computes (a layer name), for per-layer reports; '' for an idle core. */
  readonly coreLabels: readonly string[]
}

/**
 * A complete PUMA program: per-tile and per-core instruction streams, the MVMU weights, and where
 * inputs and outputs live. Assembled from text, decoded from binary, or produced by the compiler.
 * @since 0.1.0
 */
export interface PumaProgram {
  readonly machine: PumaMachineShape
  readonly tiles: readonly PumaTileProgram[]
  readonly matrices: readonly PumaMatrix[]
  readonly inputs: readonly PumaInputRegion[]
  readonly outputs: readonly PumaOutputRegion[]
}

/** Expands `[count, repeat, …]` runs into one count per word. @since 0.1.0 */
export function expandCountRuns(runs: readonly number[], length: number): Uint16Array {
  const counts = new Uint16Array(length)
  let position = 0
  for (let i = 0; i + 1 < runs.length; i += 2) {
    const count = runs[i] as number
    const repeat = runs[i + 1] as number
    counts.fill(count, position, Math.min(length, position + repeat))
    position += repeat
  }
  return counts
}

/** Compresses per-word counts into `[count, repeat, …]` runs. @since 0.1.0 */
export function compressCountRuns(counts: ArrayLike<number>): number[] {
  const runs: number[] = []
  let i = 0
  while (i < counts.length) {
    const value = counts[i] as number
    let j = i + 1
    while (j < counts.length && counts[j] === value) j++
    runs.push(value, j - i)
    i = j
  }
  return runs
}
