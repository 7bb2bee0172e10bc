import { definePlugin } from '@cimkit/core'
import type { CimkitPluginV1 } from '@cimkit/core'
import { InputSplittingArchitecture } from './architecture/input-splitting-architecture.js'
import { inputSplittingOptionsSchema } from './architecture/input-splitting-options.js'
import { rram2bit128Preset, rram2bit256Preset, rram2bit64Preset } from './presets/multilevel-presets.js'
import { xnorConventional1v2Preset, xnorSplit0v8With12kPreset, xnorSplit0v8With24kPreset, xnorSplit1v2With6kPreset } from './presets/xnor-presets.js'
import { VggLikeCifarWorkload, vggLikeCifarWorkloadOptionsSchema } from './network/vgg-like-cifar-workload.js'
import { VERSION } from './version.js'

export { batchNormSign } from './functional/binary-batch-norm.js'
export type { BinaryBatchNorm } from './functional/binary-batch-norm.js'
export { conventionalBinaryLayer, PRE_BINARIZATION_SCALE, splitBinaryLayer } from './functional/binary-layers.js'
export type { BinaryLayerData, BinaryLayerReadout, BinaryLayerResult } from './functional/binary-layers.js'
export { groupPartialSums } from './functional/group-partial-sums.js'
export { convInputGroups, splitInputGroups } from './functional/input-groups.js'
export { readPartialSums } from './functional/read-partial-sums.js'
export { InputSplittingArchitecture } from './architecture/input-splitting-architecture.js'
export { inputSplittingOptionsSchema } from './architecture/input-splitting-options.js'
export type { InputSplittingOptions, ResolvedInputSplittingOptions } from './architecture/input-splitting-options.js'
export { buildMultilevelArray, conversionEnergyJ, costMultilevelNetwork, mapMultilevel, multilevelPeak, multilevelStep } from './multilevel/multilevel-design.js'
export type { MultilevelStep } from './multilevel/multilevel-design.js'
export { multilevelOptionsSchema } from './multilevel/multilevel-options.js'
export type { MultilevelOptions, ResolvedMultilevelOptions } from './multilevel/multilevel-options.js'
export { networkMacs, vggLikeCifarNetwork } from './network/vgg-like-cifar.js'
export type { VggLikeCifarOptions } from './network/vgg-like-cifar.js'
export { VggLikeCifarWorkload, vggLikeCifarWorkloadOptionsSchema } from './network/vgg-like-cifar-workload.js'
export type { VggLikeCifarWorkloadOptions } from './network/vgg-like-cifar-workload.js'
export { rram2bit128Preset, rram2bit256Preset, rram2bit64Preset } from './presets/multilevel-presets.js'
export { xnorConventional1v2Preset, xnorSplit0v8With12kPreset, xnorSplit0v8With24kPreset, xnorSplit1v2With6kPreset } from './presets/xnor-presets.js'
export { cellAreaMm2, checkConverterSupply, convertEnergyJ, convertLatencyS, requireConverter, requireDevice } from './xnor/hardware-parts.js'
export { bitlineVoltageV, designBitlineLoadOhm, expectedColumnReadPowerW, xnorColumnConductanceS } from './xnor/xnor-column.js'
export type { BitlineDesignPoint, XnorColumnDevices } from './xnor/xnor-column.js'
export { buildXnorMacro, xnorArrayCost } from './xnor/xnor-macro.js'
export type { XnorMacro } from './xnor/xnor-macro.js'
export { xnorMacroOptionsSchema } from './xnor/xnor-macro-options.js'
export type { ResolvedXnorMacroOptions, XnorMacroOptions } from './xnor/xnor-macro-options.js'
export { costXnorNetwork, mapOnXnorMacros, xnorRowBlocks } from './xnor/xnor-network-cost.js'
export { VERSION } from './version.js'

/**
 * Paper 002's XNOR-RRAM input-splitting macro and 2-bit design for cimkit: registers architecture
 * `input-splitting` and presets `xnor-conventional-1v2`, `xnor-split-0v8-12k`, `xnor-split-0v8-24k`,
 * `xnor-split-1v2-6k`, `rram-2bit-64`, `rram-2bit-128`, `rram-2bit-256`, and the shape-only
 * workload `vgg-like-cifar10` (Table 1's network, for chip area and FPS through `cimkit run`).
 * @since 0.1.0
 */
export function createInputSplittingPlugin(): CimkitPluginV1 {
  return definePlugin({
    meta: { name: '@cimkit/arch-input-splitting', version: VERSION },
    specificationVersion: 'v1',
    register(registrar) {
      registrar.architecture('input-splitting', {
        optionsSchema: inputSplittingOptionsSchema,
        description: 'Yin et al. 2019 (paper 002): XNOR-RRAM macro with flash ADCs or input splitting with one-reference SAs; 2-bit-cell design of Table 1',
        create: (options) => new InputSplittingArchitecture(options),
      })
      registrar.workload('vgg-like-cifar10', {
        optionsSchema: vggLikeCifarWorkloadOptionsSchema,
        description: 'Paper 002 Table 1 VGG-like CIFAR-10 network as layer shapes only (no weights or dataset): PPA without accuracy',
        create: (options) => new VggLikeCifarWorkload(options),
      })
    },
    presets: {
      'xnor-conventional-1v2': xnorConventional1v2Preset,
      'xnor-split-0v8-12k': xnorSplit0v8With12kPreset,
      'xnor-split-0v8-24k': xnorSplit0v8With24kPreset,
      'xnor-split-1v2-6k': xnorSplit1v2With6kPreset,
      'rram-2bit-64': rram2bit64Preset,
      'rram-2bit-128': rram2bit128Preset,
      'rram-2bit-256': rram2bit256Preset,
    },
  })
}

export default createInputSplittingPlugin()
