import { definePlugin } from '@cimkit/core'
import type { CimkitPluginV1 } from '@cimkit/core'
import { createAlternatingPolarity } from './alternating-polarity/alternating-polarity.js'
import { alternatingPolarityOptionsSchema } from './alternating-polarity/alternating-polarity-options.js'
import { createDriftCompensation } from './drift-compensation/drift-compensation.js'
import { driftCompensationOptionsSchema } from './drift-compensation/drift-compensation-options.js'
import { eccOptionsSchema } from './ecc/ecc-options.js'
import { createErrorCorrectingCode } from './ecc/error-correcting-code.js'
import { createFaultAwareRemap } from './fault-aware-remap/fault-aware-remap.js'
import { faultAwareRemapOptionsSchema } from './fault-aware-remap/fault-aware-remap-options.js'
import { createNoiseInjectionTraining } from './noise-injection-training/noise-injection-training.js'
import { noiseInjectionTrainingOptionsSchema } from './noise-injection-training/noise-injection-training-options.js'
import { createRefresh } from './refresh/refresh.js'
import { refreshOptionsSchema } from './refresh/refresh-options.js'
import { createSpareColumns } from './spare-columns/spare-columns.js'
import { spareColumnsOptionsSchema } from './spare-columns/spare-columns-options.js'
import { VERSION } from './version.js'
import { createWeightBitErrors } from './weight-bit-errors/weight-bit-errors.js'
import { weightBitErrorsOptionsSchema } from './weight-bit-errors/weight-bit-errors-options.js'
import { createWriteVerify } from './write-verify/write-verify.js'
import { writeVerifyOptionsSchema } from './write-verify/write-verify-options.js'

export { AlternatingPolarity, createAlternatingPolarity, PAPER_000_STABILITY_GAIN } from './alternating-polarity/alternating-polarity.js'
export { alternatingPolarityOptionsSchema } from './alternating-polarity/alternating-polarity-options.js'
export type { AlternatingPolarityOptions } from './alternating-polarity/alternating-polarity-options.js'
export { arrayKeyOf } from './host/array-key.js'
export { GATE_45NM, HOROWITZ_45NM } from './cost/horowitz-45nm.js'
export type { AddedComponent } from './cost/technique-cost.js'
export { createDriftCompensation, DriftCompensation } from './drift-compensation/drift-compensation.js'
export { driftCompensationOptionsSchema } from './drift-compensation/drift-compensation-options.js'
export type { DriftCompensationOptions } from './drift-compensation/drift-compensation-options.js'
export { exactResidualBitErrorRate, residualBitErrorRate, twoTransistorTwoResistorBitErrorRate } from './ecc/bit-error-rates.js'
export { eccOptionsSchema } from './ecc/ecc-options.js'
export type { EccOptions } from './ecc/ecc-options.js'
export { createErrorCorrectingCode, ErrorCorrectingCode } from './ecc/error-correcting-code.js'
export type { EccStatistics } from './ecc/error-correcting-code.js'
export { HammingCode } from './ecc/hamming-code.js'
export type { DecodeStatus } from './ecc/hamming-code.js'
export { detectStuckCells } from './fault-aware-remap/detect-stuck-cells.js'
export type { DetectedFaults } from './fault-aware-remap/detect-stuck-cells.js'
export { createFaultAwareRemap, FaultAwareRemap } from './fault-aware-remap/fault-aware-remap.js'
export { faultAwareRemapOptionsSchema } from './fault-aware-remap/fault-aware-remap-options.js'
export type { FaultAwareRemapOptions } from './fault-aware-remap/fault-aware-remap-options.js'
export { minimumCostAssignment } from './fault-aware-remap/minimum-cost-assignment.js'
export { binomialCoefficient, binomialProbability } from './math/binomial.js'
export { createNoiseInjectionTraining, NoiseInjectionTraining } from './noise-injection-training/noise-injection-training.js'
export type { HardwareAwareTrainingHook } from './noise-injection-training/noise-injection-training.js'
export { noiseInjectionTrainingOptionsSchema } from './noise-injection-training/noise-injection-training-options.js'
export type { NoiseInjectionTrainingOptions } from './noise-injection-training/noise-injection-training-options.js'
export { createRefresh, Refresh } from './refresh/refresh.js'
export { refreshOptionsSchema } from './refresh/refresh-options.js'
export type { RefreshOptions } from './refresh/refresh-options.js'
export { effectiveTimeS, isTimeAware } from './host/time-aware-middleware.js'
export type { TimeAwareMiddleware } from './host/time-aware-middleware.js'
export { reliabilityReport } from './report/reliability-report.js'
export type { ActionCounts, AddedComponentReport, TechniqueReport } from './report/reliability-report.js'
export { createSpareColumns, SpareColumns } from './spare-columns/spare-columns.js'
export { spareColumnsOptionsSchema } from './spare-columns/spare-columns-options.js'
export type { SpareColumnsOptions } from './spare-columns/spare-columns-options.js'
export { attemptMissProbability, PAPER_002_WRITE_VERIFY, programmingStdOverTolerance } from './write-verify/paper-002-write-verify.js'
export { createWriteVerify, WriteVerify } from './write-verify/write-verify.js'
export type { WriteVerifyStatistics } from './write-verify/write-verify.js'
export { writeVerifyOptionsSchema } from './write-verify/write-verify-options.js'
export type { WriteVerifyOptions } from './write-verify/write-verify-options.js'
export { createWeightBitErrors, WeightBitErrors } from './weight-bit-errors/weight-bit-errors.js'
export type { WeightBitErrorStatistics } from './weight-bit-errors/weight-bit-errors.js'
export { weightBitErrorsOptionsSchema } from './weight-bit-errors/weight-bit-errors-options.js'
export type { WeightBitErrorsOptions } from './weight-bit-errors/weight-bit-errors-options.js'

/**
 * Reliability techniques for cimkit, each a `ReliabilityMiddlewareV1` applied in declared order
 * (first = outermost): write-verify, fault-aware-remap, spare-columns, drift-compensation,
 * alternating-polarity, ecc, refresh, noise-injection-training, weight-bit-errors. package.json's `cimkit.provides`
 * lists exactly these types.
 * @since 0.1.0
 */
export function createReliabilityPlugin(): CimkitPluginV1 {
  return definePlugin({
    meta: { name: '@cimkit/reliability', version: VERSION },
    specificationVersion: 'v1',
    register(registrar) {
      registrar
        .reliability('write-verify', { optionsSchema: writeVerifyOptionsSchema, create: (options) => createWriteVerify(options), description: 'Program, verify and re-pulse until within tolerance or N_max (paper 000 §5, paper 002)' })
        .reliability('fault-aware-remap', { optionsSchema: faultAwareRemapOptionsSchema, create: (options) => createFaultAwareRemap(options), description: 'Test-read stuck cells, exchange rows/columns to move significant weights off them (paper 000 §5)' })
        .reliability('spare-columns', { optionsSchema: spareColumnsOptionsSchema, create: (options) => createSpareColumns(options), description: 'Redundant columns replace the worst faulty columns (paper 003 §VIII)' })
        .reliability('drift-compensation', { optionsSchema: driftCompensationOptionsSchema, create: (options) => createDriftCompensation(options), description: 'Global or per-column output scale from a reference read (aihwkit)' })
        .reliability('alternating-polarity', { optionsSchema: alternatingPolarityOptionsSchema, create: (options) => createAlternatingPolarity(options), description: 'Alternate the read polarity against read disturb (paper 000 §5: 14.9× stability)' })
        .reliability('ecc', { optionsSchema: eccOptionsSchema, create: (options) => createErrorCorrectingCode(options), description: 'SEC/SECDED for digitally stored binary weights (paper 004 Fig. 8)' })
        .reliability('refresh', { optionsSchema: refreshOptionsSchema, create: (options) => createRefresh(options), description: 'Periodic or drift-threshold reprogramming (paper 003 §VIII)' })
        .reliability('noise-injection-training', { optionsSchema: noiseInjectionTrainingOptionsSchema, create: (options) => createNoiseInjectionTraining(options), description: 'Hardware-aware training: weight noise and clipping (aihwkit, paper 003 §VIII)' })
        .reliability('weight-bit-errors', { optionsSchema: weightBitErrorsOptionsSchema, create: (options) => createWeightBitErrors(options), description: 'Stored binary weights read flipped at a given bit error rate (paper 004 Fig. 9)' })
    },
  })
}

export default createReliabilityPlugin()
