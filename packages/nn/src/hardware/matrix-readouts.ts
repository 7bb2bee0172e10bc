import { InvalidArgumentError } from '@cimkit/core'
import { isArrayLayer } from '../ir/layer.js'
import { layerMatrices } from '../ir/layer-matrices.js'
import type { Network } from '../ir/network.js'

/**
 * How one weight matrix of the network is read (`workload.simulation.matrices`):
 * - `adc`: on the arrays, read by the configured `peripherals.adc` (the default);
 * - `ideal`: on the arrays, read exactly (no converter: full-precision readout);
 * - `digital`: not on the arrays; a float product in digital logic (a first layer fed pixels, or a
 *   classifier kept at full precision, as paper 002 keeps them).
 * @since 0.1.0
 */
export type MatrixReadout = (typeof MATRIX_READOUTS)[number]

/** The readouts `workload.simulation.matrices` accepts. @since 0.1.0 */
export const MATRIX_READOUTS = ['adc', 'ideal', 'digital'] as const

/** Config key of a matrix: its layer name, or `<layer>/g<group>` for one conv group or input-split group. */
function groupKey(layerName: string, group: number): string {
  return `${layerName}/g${group}`
}

/**
 * The readout of matrix `group` of `layerName`: its own `<layer>/g<group>` entry, else its layer's
 * entry, else `adc`.
 * @example matrixReadout({ fc1: 'digital', 'fc2/g3': 'ideal' }, 'fc2', 3) // returns 'ideal'
 * @since 0.1.0
 */
export function matrixReadout(matrices: Readonly<Record<string, MatrixReadout>>, layerName: string, group: number): MatrixReadout {
  return matrices[groupKey(layerName, group)] ?? matrices[layerName] ?? 'adc'
}

/**
 * Checks that every key of `workload.simulation.matrices` names a matrix of `network`: an array
 * layer (dense, conv, input-split) or one of its groups as `<layer>/g<group>`; the error names the key
 * and lists what exists.
 * @since 0.1.0
 */
export function checkMatrixReadouts(matrices: Readonly<Record<string, MatrixReadout>>, network: Network): void {
  const groups = new Map<string, number>()
  for (const node of network.nodes) if (isArrayLayer(node.layer)) groups.set(node.name, layerMatrices(node.layer).length)
  for (const key of Object.keys(matrices)) {
    const match = /^(.+)\/g(\d+)$/.exec(key)
    const layer = match === null ? key : match[1]!
    const count = groups.get(layer)
    if (count === undefined) {
      throw new InvalidArgumentError(`workload.simulation.matrices.${key}`, `${network.name} has no array layer "${layer}" (array layers: ${[...groups.keys()].join(', ')})`)
    }
    if (match !== null && Number(match[2]) >= count) {
      throw new InvalidArgumentError(`workload.simulation.matrices.${key}`, `layer "${layer}" of ${network.name} has ${count} matrix group${count === 1 ? '' : 's'} (g0 … g${count - 1})`)
    }
  }
}
