import type { ArrayOrganizationV1 } from '@cimkit/core'
import { InvalidArgumentError } from '@cimkit/core'

/**
 * How an array's outputs reach the converter: `column` sums a column's cells in analog and converts
 * the sum (the crossbar path); `per-cell` senses every binary cell on its own, as paper 004's
 * precharge sense amplifiers do (one decision per synapse, popcount in digital logic).
 * @since 0.1.0
 */
export type CellSensing = 'column' | 'per-cell'

/** @since 0.1.0 */
export const CELL_SENSING_MODES: readonly CellSensing[] = ['column', 'per-cell']

/**
 * An array organization that states its sensing mode. `ArrayOrganizationV1` has no such field, so
 * an architecture (or nn's `workload.simulation.arrays`) adds `sensing` to its organization object.
 * NOTE: workaround for a missing core field; the wanted field is `ArrayOrganizationV1.sensing?: 'column' | 'per-cell'`.
 * @since 0.1.0
 */
export interface SensingOrganization extends ArrayOrganizationV1 {
  readonly sensing?: CellSensing
}

/**
 * The sensing mode an organization asks for (`column` when it says nothing), validated.
 * @example cellSensingOf({ ...organization, sensing: 'per-cell' }) // returns 'per-cell'
 * @since 0.1.0
 */
export function cellSensingOf(organization: ArrayOrganizationV1): CellSensing {
  const sensing = (organization as { readonly sensing?: unknown }).sensing
  if (sensing === undefined) return 'column'
  if (sensing === 'column' || sensing === 'per-cell') return sensing
  throw new InvalidArgumentError('organization.sensing', `expected one of ${CELL_SENSING_MODES.join(', ')}, got ${JSON.stringify(sensing)}`)
}
