import type { ComputeBackendV1 } from '@cimkit/core'
import { copiedPreparedMatrices } from '../shared/copied-prepared-matrices.js'
import { referenceEncodeUniform } from './reference-encode-uniform.js'
import { referenceScaleInto } from './reference-scale-into.js'
import { referenceConvertScaleInto } from './reference-convert-scale-into.js'
import { referenceConvertAccumulate } from './reference-convert-accumulate.js'
import { referenceGemm } from './reference-gemm.js'
import { referenceIm2col } from './reference-im2col.js'
import { referenceQuantize } from './reference-quantize.js'

/**
 * The plain-TypeScript backend: always available, the oracle for the fast ones.
 * @since 0.1.0
 */
export const referenceBackend: ComputeBackendV1 = {
  specificationVersion: 'v1',
  name: 'reference',
  gemm: referenceGemm,
  im2col: referenceIm2col,
  quantize: referenceQuantize,
  convertAccumulate: referenceConvertAccumulate,
  encodeUniform: referenceEncodeUniform,
  scaleInto: referenceScaleInto,
  convertScaleInto: referenceConvertScaleInto,
  // A prepared operand is a copy of B: the oracle of every backend's `gemmPrepared`.
  ...copiedPreparedMatrices('reference', referenceGemm),
}
