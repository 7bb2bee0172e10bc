import { deriveLayerCounts, layerBlocks } from '@cimkit/cost'
import type { ArrayGeometry, CountSettings, RoleCounts } from '@cimkit/cost'
import type { LayerMappingV1, LayerWorkloadV1 } from '@cimkit/core'

function add(into: RoleCounts, extra: RoleCounts): void {
  for (const [role, actions] of Object.entries(extra)) {
    const merged = into[role] ?? {}
    for (const [action, count] of Object.entries(actions)) merged[action] = (merged[action] ?? 0) + count
    into[role] = merged
  }
}

/** The transposed layer the backward pass runs on the Wᵀ copy: outputs in, inputs out, as many MVMs. @since 0.1.0 */
export function transposedLayer(layer: LayerWorkloadV1): LayerWorkloadV1 {
  return { name: `${layer.name}ᵀ`, kind: layer.kind, inputs: layer.outputs, outputs: layer.inputs, mvmsPerInference: layer.mvmsPerInference }
}

/**
 * Work one training example adds to a layer's forward counts (PipeLayer, survey §11.3–11.4):
 * - backward (every layer but the first): the error MVMs on the Wᵀ copy, counted like a forward
 *   pass of the transposed matrix (one digital op per error element: the f′ product);
 * - gradient: one parallel outer product per MVM position into each ΔW subarray of the layer
 *   (`deltaBuffer.outerProduct`), with x and δ read from the memory FIFOs;
 * - the batch-end update, amortised over the batch: ΔW cells read, old weights read, one 16-bit
 *   add per weight, every cell of every W and Wᵀ copy reprogrammed (`pulsesPerWrite` pulses).
 * @since 0.1.0
 */
export function trainingCountsPerExample(layer: LayerWorkloadV1, mapping: LayerMappingV1, index: number, settings: CountSettings & { readonly batch: number; readonly pulsesPerWrite: number }): RoleCounts {
  const geometry: ArrayGeometry = settings.geometry
  const counts: RoleCounts = {}
  if (index > 0) {
    const transposed = transposedLayer(layer)
    const blocks = layerBlocks(transposed, geometry)
    const transposedMapping: LayerMappingV1 = { layer: transposed.name, ...blocks, arraysPerCopy: blocks.rowBlocks * blocks.columnBlocks * geometry.arraysPerBlock, replication: mapping.replication, utilization: mapping.utilization }
    add(counts, deriveLayerCounts(transposed, transposedMapping, settings))
  }
  const mvms = layer.mvmsPerInference
  const weights = layer.inputs * layer.outputs
  const cells = weights * geometry.cellsPerWeight
  add(counts, {
    deltaBuffer: { outerProduct: mvms * mapping.arraysPerCopy, cellRead: cells / settings.batch },
    buffer: { readBytes: mvms * (layer.inputs + layer.outputs) * settings.bytesPerActivation },
    array: { cellRead: cells / settings.batch, cellWrite: (2 * mapping.replication * cells * settings.pulsesPerWrite) / settings.batch },
    update: { add: weights / settings.batch },
  })
  return counts
}
