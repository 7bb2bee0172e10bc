import type { DeviceModelV1, RandomSource } from '@cimkit/core'

/** Histograms of programmed conductance per target level, for the report. @since 0.1.0 */
export interface DeviceDistribution {
  readonly binEdgesS: readonly number[]
  readonly series: readonly { readonly targetS: number; readonly counts: readonly number[] }[]
  readonly cellsPerLevel: number
}

/**
 * Programs `cellsPerLevel` cells at each of the device's levels (eight evenly spaced targets for an
 * analog device) and histograms what they hold: the conductance distributions a report shows.
 * @since 0.1.0
 */
export function measureDeviceDistribution(device: DeviceModelV1, random: RandomSource, cellsPerLevel = 2000, bins = 80): DeviceDistribution {
  const { minS, maxS } = device.conductanceRangeS
  const targets = device.levelsS ?? Array.from({ length: 8 }, (_, index) => minS + ((maxS - minS) * index) / 7)
  const programmed = targets.map((target, level) => device.doProgram(new Float32Array(cellsPerLevel).fill(target), random.stream('level', level)).conductanceS)
  let low = Infinity
  let high = -Infinity
  for (const values of programmed) for (const value of values) {
    if (value < low) low = value
    if (value > high) high = value
  }
  if (!(high > low)) high = low + Math.max(Math.abs(low) * 1e-6, 1e-12)
  const binEdgesS = Array.from({ length: bins + 1 }, (_, index) => low + ((high - low) * index) / bins)
  const series = programmed.map((values, level) => {
    const counts = new Array<number>(bins).fill(0)
    for (const value of values) counts[Math.min(bins - 1, Math.floor(((value - low) / (high - low)) * bins))]!++
    return { targetS: targets[level]!, counts }
  })
  return { binEdgesS, series, cellsPerLevel }
}
