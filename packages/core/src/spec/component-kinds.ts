import type { ArchitectureV1 } from './architecture/v1/architecture.js'
import type { ComputeBackendV1 } from './backend/v1/compute-backend.js'
import type { DeviceModelV1 } from './device/v1/device-model.js'
import type { InputEncoderV1 } from './peripheral/v1/input-encoder.js'
import type { OutputConverterV1 } from './peripheral/v1/output-converter.js'
import type { ReliabilityMiddlewareV1 } from './reliability/v1/reliability-middleware.js'
import type { WorkloadV1 } from './workload/v1/workload.js'

/**
 * Every kind of component a plugin can register, and the interface its factory returns.
 * Registry keys are `${kind}:${type}` (e.g. `device:rram`).
 * @since 0.1.0
 */
export interface ComponentKindsV1 {
  device: DeviceModelV1
  inputEncoder: InputEncoderV1
  outputConverter: OutputConverterV1
  architecture: ArchitectureV1
  reliability: ReliabilityMiddlewareV1
  backend: ComputeBackendV1
  workload: WorkloadV1
}

/** @since 0.1.0 */
export type ComponentKind = keyof ComponentKindsV1

/** The kinds, in the order a config's sections are resolved. @since 0.1.0 */
export const COMPONENT_KINDS: readonly ComponentKind[] = [
  'architecture',
  'device',
  'inputEncoder',
  'outputConverter',
  'reliability',
  'backend',
  'workload',
]
