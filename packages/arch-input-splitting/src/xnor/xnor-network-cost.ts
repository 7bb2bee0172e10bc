import type { ActivityV1, LayerMappingV1, LayerWorkloadV1, MappingV1, NetworkWorkloadV1, PeakPpaV1, PpaBreakdownEntryV1, PpaReportV1 } from '@cimkit/core'
import { hierarchyAreaMm2, isaacComponentCost } from '@cimkit/cost'
import type { XnorMacro } from './xnor-macro.js'
import type { ResolvedXnorMacroOptions } from './xnor-macro-options.js'

/**
 * Row groups of one layer on XNOR macros. Input splitting: conv fan-ins in groups of whole channels of at
 * most `convGroupInputs` inputs (63 = 7 channels × 3×3), dense fan-ins in groups of `denseGroupInputs`,
 * each group a small layer with its own 1-bit outputs. Conventional (paper 002
 * §"Input splitting"): input channels → rows in blocks of `rows`, each of the k·k kernel taps on its
 * own macro; dense layers in blocks of `rows`.
 * @since 0.1.0
 */
export function xnorRowBlocks(layer: LayerWorkloadV1, options: ResolvedXnorMacroOptions): number {
  if (layer.conv === undefined) return Math.ceil(layer.inputs / Math.min(options.rows, options.scheme === 'input-splitting' ? options.denseGroupInputs : options.rows))
  const taps = layer.conv.kernelHeight * layer.conv.kernelWidth
  if (options.scheme === 'conventional') return taps * Math.ceil(layer.conv.inputChannels / options.rows)
  // Whole channels per group (im2col order keeps a channel's taps together): 7 × 9 = 63 on 64 rows.
  const channelsPerGroup = Math.max(1, Math.floor(Math.min(options.rows, options.convGroupInputs) / taps))
  return Math.ceil(layer.conv.inputChannels / channelsPerGroup)
}

/** Places every layer on its own macros (all weights resident), one copy each. @since 0.1.0 */
export function mapOnXnorMacros(network: NetworkWorkloadV1, options: ResolvedXnorMacroOptions): MappingV1 {
  const layers: LayerMappingV1[] = network.layers.map((layer) => {
    const rowBlocks = xnorRowBlocks(layer, options)
    const columnBlocks = Math.ceil(layer.outputs / options.columns)
    const arrays = rowBlocks * columnBlocks
    return {
      layer: layer.name,
      rowBlocks,
      columnBlocks,
      arraysPerCopy: arrays,
      replication: 1,
      utilization: (layer.inputs * layer.outputs) / (arrays * options.rows * options.columns),
      placement: { scheme: options.scheme, inputsPerRowBlock: Math.ceil(layer.inputs / rowBlocks) },
    }
  })
  const arraysUsed = layers.reduce((sum, layer) => sum + layer.arraysPerCopy, 0)
  return { architecture: 'input-splitting', layers, arraysUsed, arraysAvailable: arraysUsed }
}

/**
 * Energy, latency and area of `network` on XNOR macros, layer by layer with every layer's weights
 * resident. Per inference and layer: evaluations = MVMs × macros (array energy in proportion to the
 * used columns), one conversion per used column per row block, one word-line drive per input, and
 * digital merge adds ((row blocks − 1) per output per MVM, plus one batch-norm/sign op per output;
 * ISAAC Table 6's shift-and-add scaled to the node and supply). Measured activity, where given,
 * replaces the derived `array.mvm`, `adc.convert` and `dac.drive` counts.
 * @since 0.1.0
 */
export function costXnorNetwork(
  network: NetworkWorkloadV1,
  mapping: MappingV1,
  activity: ActivityV1 | null,
  macro: XnorMacro,
  options: ResolvedXnorMacroOptions,
  peak: PeakPpaV1,
  technologyNodeNm: number,
): PpaReportV1 {
  const adder = isaacComponentCost('imaShiftAdd', { technology: { nodeNm: technologyNodeNm, supplyV: options.supplyV } })
  const converterEnergyJ = macro.energyPerMvmJ.converter / options.columns
  const driveEnergyJ = options.rows > 0 ? macro.energyPerMvmJ.driver / options.rows : 0
  const macroAreaMm2 = hierarchyAreaMm2(macro.components)
  const breakdown: PpaBreakdownEntryV1[] = []
  let energyJ = 0
  let latencyS = 0
  let macs = 0
  network.layers.forEach((layer, index) => {
    const placed = mapping.layers[index]!
    const measured = activity?.layers[layer.name]
    const usedFraction = layer.outputs / (placed.columnBlocks * options.columns)
    const evaluations = measured?.array?.mvm ?? layer.mvmsPerInference * placed.arraysPerCopy
    const conversions = measured?.adc?.convert ?? layer.mvmsPerInference * placed.rowBlocks * layer.outputs
    const drives = measured?.dac?.drive ?? layer.mvmsPerInference * layer.inputs * placed.columnBlocks
    const adds = layer.mvmsPerInference * layer.outputs * placed.rowBlocks
    const layerS = layer.mvmsPerInference * macro.mvmTimeS
    const areaMm2 = placed.arraysPerCopy * macroAreaMm2
    const parts: [string, number][] = [
      ['xnor-array', evaluations * usedFraction * (macro.energyPerMvmJ.array)],
      ['converter', conversions * converterEnergyJ],
      ['word-line-driver', drives * driveEnergyJ],
      ['merge-adder', adds * (adder.energyPerActionJ.add ?? 0)],
    ]
    for (const [component, partJ] of parts) {
      if (partJ === 0) continue
      energyJ += partJ
      breakdown.push({ layer: layer.name, component, energyJ: partJ, areaMm2: component === 'xnor-array' ? areaMm2 : 0, latencyS: layerS })
    }
    latencyS += layerS
    macs += layer.inputs * layer.outputs * layer.mvmsPerInference
  })
  const areaMm2 = mapping.arraysUsed * macroAreaMm2
  const operations = options.opsPerMac * macs
  const throughputFps = latencyS > 0 ? 1 / latencyS : 0
  const tops = (operations * throughputFps) / 1e12
  return {
    areaMm2,
    energyPerInferenceJ: energyJ,
    latencyS,
    throughputFps,
    tops,
    topsPerW: energyJ > 0 ? operations / energyJ / 1e12 : 0,
    topsPerMm2: areaMm2 > 0 ? tops / areaMm2 : 0,
    peak,
    breakdown,
  }
}
