// @cimkit/kernels/testing: the kernel suite any ComputeBackendV1 runs against itself.
export { gemmCases, gemmCasesForShape, gemmShapes, im2colCases, quantizeCases } from './backend-test-cases.js'
export { describeBackendConformance } from './describe-backend-conformance.js'
export type { BackendConformanceOptions } from './describe-backend-conformance.js'
export { checkGemmAgainstOracle, gemmErrorBound } from './gemm-oracle-check.js'
export type { GemmCase } from './gemm-oracle-check.js'
