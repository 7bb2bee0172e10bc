import { InvalidArgumentError } from '@cimkit/core'
import type { ComponentCostModelV1, ComponentNodeV1 } from '@cimkit/core'

/**
 * A hierarchy node with what the cost framework needs beyond `ComponentNodeV1`: the activity role a
 * leaf is charged for and the rate of its actions when the chip runs at peak.
 * @since 0.1.0
 */
export interface CostNode extends ComponentNodeV1 {
  readonly children?: readonly CostNode[]
  /**
   * Activity role the leaf is charged for: the engine's vocabulary (`array`, `dac`, `adc`,
   * `shiftAdd`, `sampleHold`, `buffer`, `digital`) or a role the architecture derives itself
   * (`partialSum`, `inputRegister`, `outputRegister`, `network`, `pooling`). Several leaves may
   * share a role (the eDRAM and its bus both see every buffer byte). Absent = never charged
   * dynamically (leakage and area only).
   */
  readonly role?: string
  /** Actions per second ONE instance performs when the chip runs at peak, by action name. */
  readonly peakActionsPerSecond?: Readonly<Record<string, number>>
}

/** A leaf of the hierarchy with its total number of instances on the chip. @since 0.1.0 */
export interface FlatComponent {
  readonly name: string
  /** Names from the root down to this leaf. */
  readonly path: readonly string[]
  /** Instances on the chip: the product of the counts along the path. */
  readonly count: number
  readonly cost: ComponentCostModelV1
  readonly role: string | null
  readonly peakActionsPerSecond: Readonly<Record<string, number>>
}

/**
 * Lists the costed leaves of a hierarchy with their total counts. Throws on duplicate names (names
 * key activity and breakdowns) and on leaves without a cost.
 * @since 0.1.0
 */
export function flattenHierarchy(root: CostNode): FlatComponent[] {
  const leaves: FlatComponent[] = []
  const seen = new Set<string>()
  const visit = (node: CostNode, path: readonly string[], multiplier: number): void => {
    if (seen.has(node.name)) throw new InvalidArgumentError('hierarchy', `component name "${node.name}" appears twice`)
    seen.add(node.name)
    if (!(Number.isInteger(node.count) && node.count >= 0)) throw new InvalidArgumentError('hierarchy', `"${node.name}" count must be a non-negative integer, got ${node.count}`)
    const count = multiplier * node.count
    const here = [...path, node.name]
    if (node.children !== undefined && node.children.length > 0) {
      if (node.cost !== undefined) leaves.push(leaf(node, here, count))
      for (const child of node.children) visit(child, here, count)
      return
    }
    if (node.cost === undefined) throw new InvalidArgumentError('hierarchy', `leaf "${node.name}" has no cost model`)
    leaves.push(leaf(node, here, count))
  }
  visit(root, [], 1)
  return leaves
}

function leaf(node: CostNode, path: readonly string[], count: number): FlatComponent {
  return {
    name: node.name,
    path,
    count,
    cost: node.cost as ComponentCostModelV1,
    role: node.role ?? null,
    peakActionsPerSecond: node.peakActionsPerSecond ?? {},
  }
}
