import type { DeviceModelV1 } from '@cimkit/core'
import { InvalidArgumentError } from '@cimkit/core'

/**
 * Target conductance of each cell digit and the nominal step the engine decodes with.
 * @since 0.1.0
 */
export interface CellLevels {
  /** Target conductance of digit d (0 … 2^b − 1), siemens. */
  readonly targetsS: Float64Array
  /** Nominal conductance step per digit, ΔG = (target(max) − target(0)) / (2^b − 1), siemens. */
  readonly stepS: number
  /** G(digit 0) / ΔG: the finite on/off ratio's offset, in digit units. */
  readonly offsetDigits: number
}

/**
 * Places the 2^b digits of a b-bit cell on the device: uniformly over [minS, maxS] for an analog
 * device; on the device's own levels when it has exactly 2^b (possibly nonuniform, e.g. measured);
 * on uniform targets snapped to the nearest device level when it has more.
 * @example cellLevels(deviceWithLevels([1e-6, 2e-6, 3e-6, 4e-6]), 2).stepS // returns 1e-6
 * @since 0.1.0
 */
export function cellLevels(device: DeviceModelV1, bitsPerCell: number): CellLevels {
  const count = 2 ** bitsPerCell
  const { minS, maxS } = device.conductanceRangeS
  const targetsS = new Float64Array(count)
  const levels = device.levelsS
  if (levels !== null && levels.length < count) {
    throw new InvalidArgumentError('organization.bitsPerCell', `the ${device.type} device has ${levels.length} levels, fewer than the ${count} a ${bitsPerCell}-bit cell needs`)
  }
  if (levels !== null && levels.length === count) {
    for (let digit = 0; digit < count; digit++) targetsS[digit] = levels[digit]!
  } else {
    const low = levels === null ? minS : levels[0]!
    const high = levels === null ? maxS : levels[levels.length - 1]!
    for (let digit = 0; digit < count; digit++) {
      const uniform = count === 1 ? low : low + ((high - low) * digit) / (count - 1)
      targetsS[digit] = levels === null ? uniform : nearestLevel(levels, uniform)
    }
  }
  const stepS = (targetsS[count - 1]! - targetsS[0]!) / (count - 1)
  if (!(stepS > 0)) throw new InvalidArgumentError('device', `levels give no conductance step (${stepS} S)`)
  return { targetsS, stepS, offsetDigits: targetsS[0]! / stepS }
}

function nearestLevel(levels: readonly number[], target: number): number {
  let best = levels[0]!
  for (const level of levels) if (Math.abs(level - target) < Math.abs(best - target)) best = level
  return best
}
