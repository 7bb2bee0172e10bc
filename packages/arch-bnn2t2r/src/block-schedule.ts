import { InvalidArgumentError } from '@cimkit/core'
import type { LayerWorkloadV1 } from '@cimkit/core'

/** How one layer sits on basic cells and how many clock cycles it takes. @since 0.1.0 */
export interface LayerBlockSchedule {
  readonly layer: string
  readonly mode: 'parallel-to-sequential' | 'sequential-to-parallel'
  /** Basic cells in the layer's block grid (N_l × M_l, or neurons × cells per neuron). */
  readonly blocks: number
  /** Tile rows (input slices) and columns of the grid (parallel-to-sequential), or cells per neuron and neurons. */
  readonly tileRows: number
  readonly tileColumns: number
  /** Clock cycles per matrix-vector product. */
  readonly cyclesPerMvm: number
  /** Block row reads per inference (each reads n bits through n sense amplifiers). */
  readonly blockReads: number
  /** Synapses of the layer (inputs × outputs) and sense decisions per inference (padding included). */
  readonly synapses: number
  readonly decisions: number
  /** Adds of accumulatorBits width per inference: popcount-tree merges and loop-back accumulations. */
  readonly accumulations: number
  /** Threshold comparisons per inference (one per neuron evaluation). */
  readonly thresholds: number
}

/**
 * Places a layer of K inputs and J outputs on n × n basic cells (paper 004 §2.4; layouts of
 * research/seed-002-004.md B.1.5):
 * - parallel-to-sequential: N_l = ⌈K/n⌉ tile rows × M_l = ⌈J/n⌉ tile columns; memory row k of cell
 *   (r, c) holds neuron k·M_l + c's inputs r·n … r·n + n − 1; each cycle every cell reads one row,
 *   the tree adds the N_l partial counts of each column and M_l thresholds are applied, so the layer
 *   takes ⌈J/M_l⌉ ≤ n cycles;
 * - sequential-to-parallel: one neuron per cell (K ≤ n²), inputs presented n per cycle and the
 *   partial count looped back, ⌈K/n⌉ cycles. NOTE: a neuron with K > n² is spread over ⌈K/n²⌉
 *   cells whose counts the tree merges (an extension; the paper stops at n² inputs).
 * Layers used several times per inference (conv) repeat the schedule `mvmsPerInference` times.
 * @since 0.1.0
 */
export function layerBlockSchedule(layer: LayerWorkloadV1, blockSize: number, mode: LayerBlockSchedule['mode']): LayerBlockSchedule {
  const { inputs: k, outputs: j, mvmsPerInference: mvms } = layer
  if (!(k >= 1 && j >= 1 && mvms >= 1)) throw new InvalidArgumentError(`network.layers.${layer.name}`, `needs inputs, outputs and mvmsPerInference ≥ 1, got ${k}, ${j}, ${mvms}`)
  const n = blockSize
  const synapses = mvms * k * j
  if (mode === 'parallel-to-sequential') {
    const tileRows = Math.ceil(k / n)
    const tileColumns = Math.ceil(j / n)
    const cyclesPerMvm = Math.ceil(j / tileColumns)
    const blocks = tileRows * tileColumns
    const blockReads = mvms * cyclesPerMvm * blocks
    return {
      layer: layer.name,
      mode,
      blocks,
      tileRows,
      tileColumns,
      cyclesPerMvm,
      blockReads,
      synapses,
      decisions: blockReads * n,
      accumulations: mvms * cyclesPerMvm * tileColumns * (tileRows - 1),
      thresholds: mvms * j,
    }
  }
  const cellsPerNeuron = Math.ceil(k / (n * n))
  const cyclesPerMvm = Math.ceil(k / (n * cellsPerNeuron))
  const blocks = j * cellsPerNeuron
  const blockReads = mvms * cyclesPerMvm * blocks
  return {
    layer: layer.name,
    mode,
    blocks,
    tileRows: cellsPerNeuron,
    tileColumns: j,
    cyclesPerMvm,
    blockReads,
    synapses,
    decisions: blockReads * n,
    // every cycle each cell adds its row count into its looped-back accumulator; then the tree merges cells
    accumulations: blockReads + mvms * j * (cellsPerNeuron - 1),
    thresholds: mvms * j,
  }
}
