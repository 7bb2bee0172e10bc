import type { ComponentKind } from '../spec/component-kinds.js'

/** A component section of a config: where it sits and which kind of component it names. @since 0.1.0 */
export interface ConfigSection {
  readonly path: readonly (string | number)[]
  readonly kind: ComponentKind
}

/**
 * The component sections of a config, in resolution order: the architecture first, because its
 * preset may fill the device and peripheral sections.
 * @since 0.1.0
 */
export function configSections(config: { readonly reliability?: readonly unknown[] }): ConfigSection[] {
  const sections: ConfigSection[] = [
    { path: ['architecture'], kind: 'architecture' },
    { path: ['device'], kind: 'device' },
    { path: ['peripherals', 'dac'], kind: 'inputEncoder' },
    { path: ['peripherals', 'adc'], kind: 'outputConverter' },
  ]
  const techniques = config.reliability ?? []
  for (let index = 0; index < techniques.length; index++) sections.push({ path: ['reliability', index], kind: 'reliability' })
  sections.push({ path: ['workload'], kind: 'workload' })
  return sections
}

/** Reads a nested value by path; undefined where any step is missing. */
export function getAtPath(root: unknown, path: readonly (string | number)[]): unknown {
  let node = root
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string | number, unknown>)[key]
  }
  return node
}
