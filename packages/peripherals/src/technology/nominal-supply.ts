import { InvalidArgumentError } from '@cimkit/core'

/**
 * Nominal supply per technology node, volts: the PTM model cards as NeuroSim encodes them
 * (`Technology.cpp`, NeuroSim V1.3, high-performance roadmap). 90 nm → 1.2 V matches paper 002's
 * nominal supply; 32 nm → 0.9 V matches PUMA's `constants.py` (`vdd = 0.9`) for ISAAC's node.
 */
const NOMINAL_SUPPLY_TABLE: readonly (readonly [nodeNm: number, supplyV: number])[] = [
  [7, 0.7],
  [10, 0.75],
  [14, 0.8],
  [22, 0.85],
  [32, 0.9],
  [45, 1.0],
  [65, 1.1],
  [90, 1.2],
  [130, 1.3],
]

/** Source string for the table above. @since 0.1.0 */
export const NOMINAL_SUPPLY_SOURCE = 'nominal supply per node from the PTM cards in NeuroSim V1.3 Technology.cpp'

/**
 * Nominal supply of a node, volts; interpolated linearly in log(node) between table entries and
 * clamped at the ends (7 nm, 130 nm).
 * @example nominalSupplyV(28) // returns ~0.88
 * @since 0.1.0
 */
export function nominalSupplyV(nodeNm: number): number {
  if (!(nodeNm > 0)) throw new InvalidArgumentError('nodeNm', `must be positive, got ${nodeNm}`)
  const first = NOMINAL_SUPPLY_TABLE[0]!
  const last = NOMINAL_SUPPLY_TABLE[NOMINAL_SUPPLY_TABLE.length - 1]!
  if (nodeNm <= first[0]) return first[1]
  if (nodeNm >= last[0]) return last[1]
  for (let index = 1; index < NOMINAL_SUPPLY_TABLE.length; index++) {
    const [upperNode, upperV] = NOMINAL_SUPPLY_TABLE[index]!
    if (nodeNm <= upperNode) {
      const [lowerNode, lowerV] = NOMINAL_SUPPLY_TABLE[index - 1]!
      const t = Math.log(nodeNm / lowerNode) / Math.log(upperNode / lowerNode)
      return lowerV + t * (upperV - lowerV)
    }
  }
  return last[1]
}
