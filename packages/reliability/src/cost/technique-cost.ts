import type { ComponentCostModelV1 } from '@cimkit/core'

/** One entry of `ReliabilityMiddlewareV1.addedComponents`. @since 0.1.0 */
export interface AddedComponent {
  readonly name: string
  readonly count: number
  readonly cost: ComponentCostModelV1
}
