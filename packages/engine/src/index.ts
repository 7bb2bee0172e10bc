import { definePlugin } from '@cimkit/core'
import type { CimkitPluginV1 } from '@cimkit/core'
import { VERSION } from './version.js'
import { MatrixWorkload } from './workload/matrix-workload.js'
import { matrixWorkloadOptionsSchema } from './workload/matrix-workload-options.js'

export { cellLevels } from './array/cell-levels.js'
export { binaryStorage } from './binary/binary-storage.js'
export type { BinaryStorage } from './binary/binary-storage.js'
export { CELL_SENSING_MODES, cellSensingOf } from './binary/cell-sensing.js'
export type { CellSensing, SensingOrganization } from './binary/cell-sensing.js'
export { PerCellSensedMatrix } from './binary/per-cell-sensed-matrix.js'
export type { PerCellMatrixState } from './binary/per-cell-sensed-matrix.js'
export { programPerCellMatrix } from './binary/program-per-cell-matrix.js'
export { recordingRandom } from './binary/recording-random.js'
export type { RecordingRandom } from './binary/recording-random.js'
export { sliceFromCurrents, WireArrayReader, wireTransferMatrix } from './array/wire-array-reader.js'
export type { WireNetwork, WireSliceGeometry } from './array/wire-array-reader.js'
export { benchmarkHardware, DEFAULT_ENGINE_BENCHMARK_CASES, ENGINE_BENCHMARK_CASE_IDS, engineBenchmarkOptionsSchema } from './bench/benchmark-cases.js'
export type { BenchmarkHardware, EngineBenchmarkCase, EngineBenchmarkCaseId } from './bench/benchmark-cases.js'
export { crossSimReference } from './bench/crosssim-reference.js'
export { runEngineBenchmark } from './bench/engine-benchmark.js'
export type { EngineBenchmarkCaseResult, EngineBenchmarkGemmResult, EngineBenchmarkOptions, EngineBenchmarkResult } from './bench/engine-benchmark.js'
export { numpyGemm } from './bench/numpy-gemm.js'
export type { NumpyGemmTiming } from './bench/numpy-gemm.js'
export type { CellLevels } from './array/cell-levels.js'
export { solveCrossbarBatch } from './array/batched-crossbar-solver.js'
export type { BatchedCrossbarSolution } from './array/batched-crossbar-solver.js'
export { solveCrossbar } from './array/ir-drop-solver.js'
export type { CrossbarSolution } from './array/ir-drop-solver.js'
export { alignedRange, largestStageRange, percentileRange } from './conversion/conversion-range.js'
export type { StageBounds } from './conversion/conversion-range.js'
export { profileEncoder } from './encoding/encoder-profile.js'
export type { EncoderProfile } from './encoding/encoder-profile.js'
export { ActivityCounter, sumActivity } from './engine/activity-counter.js'
export type { ActivityCounts, AnalogMatrix, AnalogMatrixOptions, ProgrammedAnalogMatrix } from './engine/analog-matrix-options.js'
export { adcRangeSchema, engineOptionsSchema } from './engine/engine-options.js'
export type { AdcRangeOptions, EngineOptions, ResolvedEngineOptions } from './engine/engine-options.js'
export { monteCarlo, summarizeTrials } from './engine/monte-carlo.js'
export type { TrialSummary } from './engine/monte-carlo.js'
export { programAnalogMatrix } from './engine/program-analog-matrix.js'
export { convWeightsToMatrix, createArrayConv2dLayer } from './layers/array-conv2d-layer.js'
export type { ArrayConv2dLayer, Conv2dShape } from './layers/array-conv2d-layer.js'
export { appendBiasInput, createArrayDenseLayer, withBiasRow } from './layers/array-dense-layer.js'
export type { ArrayDenseLayer } from './layers/array-dense-layer.js'
export { digitalOps } from './layers/digital-ops.js'
export { arrayLayout } from './mapping/array-layout.js'
export type { ArrayLayout } from './mapping/array-layout.js'
export { absolutePercentile } from './conversion/nearest-rank.js'
export { quantizeWeights } from './mapping/quantize-weights.js'
export type { QuantizedWeights } from './mapping/quantize-weights.js'
export { largestDotProduct, requiredAdcBits } from './mapping/required-adc-bits.js'
export type { RequiredAdcBitsInput } from './mapping/required-adc-bits.js'
export { WEIGHT_MAPPINGS, weightEncoding } from './mapping/weight-encoding.js'
export type { WeightEncoding, WeightMappingName } from './mapping/weight-encoding.js'
export { VERSION } from './version.js'
export { MatrixWorkload } from './workload/matrix-workload.js'
export type { MvmErrorReport } from './workload/matrix-workload.js'
export { matrixWorkloadOptionsSchema } from './workload/matrix-workload-options.js'
export type { MatrixWorkloadOptions, ResolvedMatrixWorkloadOptions } from './workload/matrix-workload-options.js'
export { exactProduct, relativeError } from './workload/relative-error.js'

/**
 * The engine's workloads as a plugin: `workload: { type: matrix, ... }` (a random matrix and
 * vector batches; the report's `mvm.relativeError`).
 * @since 0.1.0
 */
export function createEngineWorkloadsPlugin(): CimkitPluginV1 {
  return definePlugin({
    meta: { name: '@cimkit/engine', version: VERSION },
    specificationVersion: 'v1',
    register(registrar) {
      registrar.workload('matrix', {
        description: 'Random N×M matrix and vector batches; reports the relative MVM error against float (CrossSim benchmark workload)',
        optionsSchema: matrixWorkloadOptionsSchema,
        create: (options) => new MatrixWorkload(options),
      })
    },
  })
}

export default createEngineWorkloadsPlugin()
