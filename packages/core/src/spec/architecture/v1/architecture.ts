import type { ActivityV1 } from '../../workload/v1/activity.js'
import type { HardwareV1 } from '../../workload/v1/workload.js'
import type { NetworkWorkloadV1 } from '../../workload/v1/network-workload.js'
import type { ArrayOrganizationV1 } from './array-organization.js'
import type { ComponentNodeV1 } from './component-node.js'
import type { MappingV1 } from './mapping.js'
import type { PeakPpaV1, PpaReportV1 } from './ppa-report.js'

/**
 * An accelerator design: its hierarchy of costed components, how it organises arrays, how it
 * places a network, and what the result costs.
 * @since 0.1.0
 */
export interface ArchitectureV1 {
  readonly specificationVersion: 'v1'
  readonly type: string
  /** The chip as a tree of components with counts, costed with the configured hardware. */
  hierarchy(hardware: HardwareV1): ComponentNodeV1
  /** What the engine simulates for accuracy. */
  readonly arrays: ArrayOrganizationV1
  /** Places each layer's weight matrix on arrays (blocks, slices, replication). */
  map(network: NetworkWorkloadV1): MappingV1
  /**
   * Area, energy, latency and throughput of running `network` as mapped. `activity` is measured by
   * the engine when a functional run happened; otherwise the architecture derives counts from the
   * mapping.
   */
  cost(network: NetworkWorkloadV1, mapping: MappingV1, activity: ActivityV1 | null, hardware: HardwareV1): PpaReportV1
  /**
   * Peak throughput and efficiency of the whole chip. `hardware` carries the configured device and
   * converters, whose cost models the architecture rolls up (an ISAAC preset names its ADC in the
   * peripherals section instead of copying its numbers).
   */
  peak(hardware: HardwareV1): PeakPpaV1
  toJSON(): Record<string, unknown>
}
