import { definePlugin } from '@cimkit/core'
import type { CimkitPluginV1 } from '@cimkit/core'
import { createBnn2t2rArchitecture } from './bnn2t2r-architecture.js'
import { bnn2t2rOptionsSchema } from './bnn2t2r-options.js'
import { bnn2t2r130nmPreset } from './presets/bnn2t2r-130nm.js'
import { bnn2t2rAdvancedPreset } from './presets/bnn2t2r-advanced.js'
import { VERSION } from './version.js'

// Architecture
export { Bnn2t2rArchitecture, createBnn2t2rArchitecture } from './bnn2t2r-architecture.js'
export type { Bnn2t2rLayerReport, Bnn2t2rProgramming, Bnn2t2rReport } from './bnn2t2r-architecture.js'
export { bnn2t2rOptionsSchema } from './bnn2t2r-options.js'
export type { Bnn2t2rOptions, ResolvedBnn2t2rOptions } from './bnn2t2r-options.js'
export { layerBlockSchedule } from './block-schedule.js'
export type { LayerBlockSchedule } from './block-schedule.js'
export { buildBnn2t2rChip } from './build-bnn2t2r-chip.js'
export type { Bnn2t2rChip } from './build-bnn2t2r-chip.js'
export { adderCost } from './cost/adder-cost.js'
// Functional model
export { binaryLevels, senseComparisons } from './functional/binary-cells.js'
export type { BinaryLevels } from './functional/binary-cells.js'
export { programBinaryWeights, weightBitErrorRate } from './functional/binary-weight-store.js'
export type { BinaryStorageHardware, BinaryWeightStore, WeightStorage } from './functional/binary-weight-store.js'
export { BinarizedDenseLayer, programBinarizedDenseLayer } from './functional/binarized-dense-layer.js'
export type { BinarizedDenseLayerOptions, BinarizedDenseResult } from './functional/binarized-dense-layer.js'
export { foldBatchNormToThresholds } from './functional/fold-batch-norm.js'
export type { BatchNormParameters, IntegerThresholds } from './functional/fold-batch-norm.js'
// Bit errors and ECC
export { DecodeStatus, eccDataBitErrorRate, HammingCode } from './reliability/hamming-code.js'
export { idealDifferentialBitErrorRate, storageBitErrorRates } from './reliability/storage-bit-error-rates.js'
export type { LognormalState, StorageBitErrorRates } from './reliability/storage-bit-error-rates.js'
// Presets
export { bnn2t2r130nmPreset } from './presets/bnn2t2r-130nm.js'
export { bnn2t2rAdvancedPreset } from './presets/bnn2t2r-advanced.js'
export { VERSION } from './version.js'

/**
 * The 2T2R binarized-network system of paper 004 (Hirtzlin et al., Front. Neurosci. 2020) for
 * cimkit: registers architecture `bnn2t2r` and the presets `bnn2t2r-130nm` and `bnn2t2r-advanced`.
 * @since 0.1.0
 */
export function createBnn2t2rPlugin(): CimkitPluginV1 {
  return definePlugin({
    meta: { name: '@cimkit/arch-bnn2t2r', version: VERSION },
    specificationVersion: 'v1',
    register(registrar) {
      registrar.architecture('bnn2t2r', {
        optionsSchema: bnn2t2rOptionsSchema,
        description: 'Paper 004 digital in-memory BNN: 2T2R kilobit blocks, XNOR precharge sense amplifiers, popcount tree, integer thresholds',
        create: (options) => createBnn2t2rArchitecture(options),
      })
    },
    presets: { 'bnn2t2r-130nm': bnn2t2r130nmPreset, 'bnn2t2r-advanced': bnn2t2rAdvancedPreset },
  })
}

export default createBnn2t2rPlugin()
