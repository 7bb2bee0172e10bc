import { createRandomSource } from '@cimkit/core'
import type { SweepParameter, SweepSpec } from './sweep-spec.js'

/** One design point: its index and the config keys it overrides. @since 0.1.0 */
export interface SweepPoint {
  readonly index: number
  readonly overrides: Readonly<Record<string, number | string | boolean>>
}

function gridValues(parameter: SweepParameter): (number | string | boolean)[] {
  if (parameter.values !== undefined) return parameter.values
  const { min, max, step = 1, integer } = parameter.range!
  const values: number[] = []
  // Count steps instead of accumulating, so 0.1-steps do not drift past max.
  const count = Math.floor((max - min) / step + 1e-9)
  for (let index = 0; index <= count; index++) values.push(integer ? Math.round(min + index * step) : min + index * step)
  return values
}

/**
 * The points of a sweep, in a fixed order that depends only on the spec: the cartesian product
 * (first parameter slowest) for grid, `samples` seeded draws for random, the listed points for list.
 * @since 0.1.0
 */
export function expandSweepPoints(spec: SweepSpec): SweepPoint[] {
  if (spec.mode === 'list') return (spec.points ?? []).map((overrides, index) => ({ index, overrides }))
  if (spec.mode === 'random') {
    const random = createRandomSource(spec.seed).stream('sweep', 'random')
    return Array.from({ length: spec.samples ?? 0 }, (_, index) => {
      const overrides: Record<string, number | string | boolean> = {}
      for (const parameter of spec.parameters) {
        if (parameter.values !== undefined) overrides[parameter.key] = parameter.values[Math.floor(random.nextUniform() * parameter.values.length)]!
        else {
          const { min, max, integer } = parameter.range!
          const value = min + (max - min) * random.nextUniform()
          overrides[parameter.key] = integer ? Math.round(value) : value
        }
      }
      return { index, overrides }
    })
  }
  let combinations: Record<string, number | string | boolean>[] = [{}]
  for (const parameter of spec.parameters) {
    const values = gridValues(parameter)
    combinations = combinations.flatMap((combination) => values.map((value) => ({ ...combination, [parameter.key]: value })))
  }
  return combinations.map((overrides, index) => ({ index, overrides }))
}

/**
 * Sets dotted keys on a copy of a config (`peripherals.adc.bits` → { peripherals: { adc: { bits } } }).
 * @since 0.1.0
 */
export function applyOverrides(config: unknown, overrides: Readonly<Record<string, unknown>>): unknown {
  const copy = structuredClone(config ?? {}) as Record<string, unknown>
  for (const [key, value] of Object.entries(overrides)) {
    const path = key.split('.')
    let node = copy
    for (const segment of path.slice(0, -1)) {
      const next = node[segment]
      if (next === undefined || next === null || typeof next !== 'object') node[segment] = {}
      node = node[segment] as Record<string, unknown>
    }
    node[path.at(-1)!] = value
  }
  return copy
}
