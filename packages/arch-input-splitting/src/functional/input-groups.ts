import { InvalidArgumentError } from '@cimkit/core'

/**
 * Boundaries of contiguous input groups of at most `maxGroupSize` inputs: group g is
 * [boundaries[g], boundaries[g + 1]). Groups are filled in order, the last takes the remainder
 * (arrays fill their rows; paper 002 sizes conv widths so groups come out full).
 * @example splitInputGroups(130, 64) // returns Int32Array [0, 64, 128, 130]
 * @since 0.1.0
 */
export function splitInputGroups(inputs: number, maxGroupSize: number): Int32Array {
  if (!(Number.isInteger(inputs) && inputs > 0)) throw new InvalidArgumentError('inputs', `must be a positive integer, got ${inputs}`)
  if (!(Number.isInteger(maxGroupSize) && maxGroupSize > 0)) throw new InvalidArgumentError('maxGroupSize', `must be a positive integer, got ${maxGroupSize}`)
  const groups = Math.ceil(inputs / maxGroupSize)
  const boundaries = new Int32Array(groups + 1)
  for (let g = 1; g <= groups; g++) boundaries[g] = Math.min(inputs, g * maxGroupSize)
  return boundaries
}

/**
 * Groups of a conv layer's im2col rows (order channel, kernel row, kernel column, so each channel's
 * k·k taps are contiguous) made of whole channels: ⌊maxGroupSize/(k·k)⌋ channels per group. Paper 002:
 * 7 channels × 3×3 taps = 63 inputs per group on 64-row arrays.
 * @example convInputGroups(14, 3, 3, 64) // returns Int32Array [0, 63, 126]
 * @since 0.1.0
 */
export function convInputGroups(channels: number, kernelHeight: number, kernelWidth: number, maxGroupSize: number): Int32Array {
  const taps = kernelHeight * kernelWidth
  const channelsPerGroup = Math.floor(maxGroupSize / taps)
  if (channelsPerGroup < 1) throw new InvalidArgumentError('maxGroupSize', `a group must hold one channel's ${taps} taps, got ${maxGroupSize}`)
  const boundaries = splitInputGroups(channels, channelsPerGroup)
  return boundaries.map((channel) => channel * taps)
}
