import type { ActivityV1, LayerMappingV1, LayerWorkloadV1 } from '@cimkit/core'
import type { ArrayGeometry } from '../mapping/array-geometry.js'

/** Counts of actions by role and action, for one layer and one inference. @since 0.1.0 */
export type RoleCounts = Record<string, Record<string, number>>

/** What deriving counts from a mapping needs to know. @since 0.1.0 */
export interface CountSettings {
  readonly geometry: ArrayGeometry
  /** Read cycles per MVM (input bit planes: 16 for ISAAC's 1-bit-per-cycle inputs). */
  readonly inputCycles: number
  /** Bytes of one activation in buffers and on the network (2 for 16-bit). */
  readonly bytesPerActivation: number
  /**
   * Read cycles whose column outputs are converted one by one: `inputCycles` (the default) when
   * every input plane is converted; 1 when the converter integrates all planes first (an
   * integrate-and-fire counter).
   */
  readonly conversionCycles?: number
}

function splitDigitalOps(layer: LayerWorkloadV1, mvms: number): { digital: number; pooling: number } {
  const ops = layer.digitalOpsPerInference
  if (ops === undefined) return { digital: mvms * layer.outputs, pooling: 0 }
  let digital = 0
  let pooling = 0
  for (const [kind, count] of Object.entries(ops)) {
    if (kind.toLowerCase().includes('pool')) pooling += count
    else digital += count
  }
  return { digital, pooling }
}

/**
 * Counts of every role's actions in one inference of `layer`, derived from its mapping when no
 * functional run measured them. Per MVM and input cycle: each of the layer's arrays of one copy is
 * read once (`array.mvm`) and its weight cells read (`array.cellRead`); every used row of those
 * arrays is driven (`dac.drive`); every used column is sampled, converted and shift-added
 * (`sampleHold.sample`, `adc.convert`, `shiftAdd.add`) per conversion cycle. Per MVM: partial sums of row blocks are
 * merged (`partialSum.add`), the input vector is read from the buffer into the input register and
 * the outputs written back through the output register (`buffer.readBytes/writeBytes`,
 * `inputRegister.bytes`, `outputRegister.bytes`), outputs go over the network (`network.bytes`).
 * Digital ops come from the workload (kinds containing "pool" → `pooling.op`), else one activation
 * per output (`digital.op`).
 * @since 0.1.0
 */
export function deriveLayerCounts(layer: LayerWorkloadV1, mapping: LayerMappingV1, settings: CountSettings): RoleCounts {
  const { geometry, inputCycles, bytesPerActivation } = settings
  const mvms = layer.mvmsPerInference
  const reads = mvms * inputCycles
  const usedRows = layer.inputs * geometry.rowsPerInput
  const usedColumns = layer.outputs * geometry.columnsPerOutput
  const conversions = mvms * (settings.conversionCycles ?? inputCycles) * usedColumns * mapping.rowBlocks * geometry.arraysPerBlock
  const { digital, pooling } = splitDigitalOps(layer, mvms)
  return {
    array: { mvm: reads * mapping.arraysPerCopy, cellRead: reads * layer.inputs * layer.outputs * geometry.cellsPerWeight },
    dac: { drive: reads * usedRows * mapping.columnBlocks * geometry.arraysPerBlock },
    sampleHold: { sample: conversions },
    adc: { convert: conversions },
    shiftAdd: { add: conversions },
    partialSum: { add: mvms * layer.outputs * (mapping.rowBlocks - 1) },
    buffer: { readBytes: mvms * layer.inputs * bytesPerActivation, writeBytes: mvms * layer.outputs * bytesPerActivation },
    inputRegister: { bytes: mvms * layer.inputs * bytesPerActivation },
    outputRegister: { bytes: mvms * layer.outputs * bytesPerActivation },
    network: { bytes: mvms * layer.outputs * bytesPerActivation },
    digital: { op: digital },
    pooling: { op: pooling },
  }
}

/**
 * Replaces derived counts with the engine's measured ones where it measured a role (vocabulary of
 * contracts.md: `array`, `dac`, `adc`, `shiftAdd`, `sampleHold`, `buffer`, `digital`); roles it did
 * not measure (network, registers, partial sums) keep their derived counts.
 * @since 0.1.0
 */
export function mergeMeasuredActivity(derived: RoleCounts, activity: ActivityV1 | null, layer: string): RoleCounts {
  const measured = activity?.layers[layer]
  if (measured === undefined) return derived
  const merged: RoleCounts = { ...derived }
  for (const [role, actions] of Object.entries(measured)) merged[role] = { ...actions }
  return merged
}
