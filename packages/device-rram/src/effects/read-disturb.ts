import type { ProgrammedCellsV1, RandomSource } from '@cimkit/core'
import type { RramOptionsOutput } from '../rram-options.js'

type ReadDisturb = NonNullable<RramOptionsOutput['readDisturb']>

/**
 * Read disturb after `readCount` reads at one polarity: G ← G·exp(polarity·k·n)·(1 + s·√n·ξ),
 * clamped to the conductance range. The deterministic part cancels exactly under alternating
 * polarity, the mitigation of paper 000 §5 (Yan et al., ICCAD 2017); the random walk does not.
 * Stuck cells are not disturbed.
 * @since 0.1.0
 */
export function applyReadDisturb(
  disturb: ReadDisturb,
  rangeS: { readonly minS: number; readonly maxS: number },
  cells: ProgrammedCellsV1,
  readCount: number,
  polarity: 1 | -1,
  random: RandomSource,
): void {
  const count = cells.conductanceS.length
  const factor = Math.exp(polarity * disturb.relativeDriftPerRead * readCount)
  const walk = disturb.relativeStdPerRead * Math.sqrt(readCount)
  const normals = walk > 0 ? new Float64Array(count) : null
  if (normals !== null) random.fillNormal(normals)
  for (let index = 0; index < count; index++) {
    if (cells.stuck !== undefined && cells.stuck[index] !== 0) continue
    const value = cells.conductanceS[index]! * factor * (normals === null ? 1 : 1 + walk * normals[index]!)
    cells.conductanceS[index] = Math.min(rangeS.maxS, Math.max(rangeS.minS, value))
  }
}
