import type { ComponentCostModelV1 } from '../../cost/v1/component-cost-model.js'

/**
 * One level of an architecture's hierarchy: `count` instances of a component inside its parent,
 * each either a leaf with a cost model or a container of children (chip → tile → IMA → array).
 * @since 0.1.0
 */
export interface ComponentNodeV1 {
  /** Unique name in the tree, used as the component key in activity and breakdowns. */
  readonly name: string
  /** Instances per parent. */
  readonly count: number
  readonly cost?: ComponentCostModelV1
  readonly children?: readonly ComponentNodeV1[]
}
