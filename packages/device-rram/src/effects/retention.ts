import type { ProgrammedCellsV1 } from '@cimkit/core'
import type { RramOptionsOutput } from '../rram-options.js'

type Retention = NonNullable<RramOptionsOutput['retention']>

/**
 * Conductance `timeS` after programming under logarithmic relaxation:
 * G(t) = G₀ + (a + b·G₀)·L + (σ₀ + σ₁·L)·ξ with L = ln(max(t, t_ref)/t_ref) and ξ the cell's frozen
 * normal draw (`extra.retentionNormal`), so one cell follows one trajectory. Stuck cells keep their
 * value. Clamped at zero.
 * @since 0.1.0
 */
export function relaxConductances(retention: Retention, cells: ProgrammedCellsV1, timeS: number, out: Float32Array): void {
  const logTime = Math.log(Math.max(timeS, retention.referenceTimeS) / retention.referenceTimeS)
  const spread = retention.spreadAtReferenceS + retention.spreadPerLnTimeS * logTime
  const normals = cells.extra?.retentionNormal
  const absoluteShift = retention.meanShiftPerLnTimeS * logTime
  const relativeShift = retention.relativeShiftPerLnTime * logTime
  for (let index = 0; index < cells.conductanceS.length; index++) {
    const g0 = cells.conductanceS[index]!
    if (cells.stuck !== undefined && cells.stuck[index] !== 0) {
      out[index] = g0
      continue
    }
    const noise = normals === undefined ? 0 : spread * normals[index]!
    out[index] = Math.max(0, g0 + absoluteShift + relativeShift * g0 + noise)
  }
}
