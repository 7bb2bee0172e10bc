import type { ReliabilityMiddlewareV1 } from '@cimkit/core'

/** Counts by component and action, as `record` collects them (the engine's `activity()` shape). @since 0.1.0 */
export type ActionCounts = Readonly<Record<string, Readonly<Record<string, number>>>>

/** One added component in the report, with the cost of what it did. @since 0.1.0 */
export interface AddedComponentReport {
  readonly name: string
  readonly componentClass: string
  readonly count: number
  /** count × area of one, mm². */
  readonly areaMm2: number
  /** Σ over its recorded actions of count × energy per action, joules. */
  readonly energyJ: number
  readonly actions: Readonly<Record<string, number>>
  readonly source: string
}

/** One technique in the report, in declared order. @since 0.1.0 */
export interface TechniqueReport {
  /** Position in the config (0 = outermost). */
  readonly order: number
  readonly type: string
  readonly options: Record<string, unknown>
  readonly addedComponents: readonly AddedComponentReport[]
  readonly energyJ: number
  readonly areaMm2: number
}

/**
 * The reliability section of a run report: each technique in declared order with its options, the
 * hardware it added and the energy of the actions it recorded (matched by component name: each
 * technique records under the names of its `addedComponents`).
 * @since 0.1.0
 */
export function reliabilityReport(middleware: readonly ReliabilityMiddlewareV1[], counts: ActionCounts): TechniqueReport[] {
  return middleware.map((technique, order) => {
    const addedComponents = (technique.addedComponents ?? []).map((added): AddedComponentReport => {
      const actions = counts[added.name] ?? {}
      let energyJ = 0
      for (const [action, count] of Object.entries(actions)) energyJ += count * (added.cost.energyPerActionJ[action] ?? 0)
      return { name: added.name, componentClass: added.cost.componentClass, count: added.count, areaMm2: added.count * added.cost.areaMm2, energyJ, actions: { ...actions }, source: added.cost.source }
    })
    return {
      order,
      type: technique.type,
      options: technique.toJSON(),
      addedComponents,
      energyJ: addedComponents.reduce((sum, added) => sum + added.energyJ, 0),
      areaMm2: addedComponents.reduce((sum, added) => sum + added.areaMm2, 0),
    }
  })
}
