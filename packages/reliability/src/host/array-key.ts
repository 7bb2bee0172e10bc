import type { MvmCallV1 } from '@cimkit/core'

/**
 * An MVM call that names the physical array it reads. `MvmCallV1` has no array identity, yet
 * techniques that keep state per array (drift-compensation baselines, the read-polarity history,
 * refresh times) need one. A host that passes `arrayId` (any value stable per physical array, e.g.
 * `layer/rowBlock/columnBlock/array`) gets per-array state; without it all arrays of one shape
 * share state, which is exact for a single array and for global (array-independent) statistics.
 * NOTE: this is the spec addition the report to the lead asks for (`MvmCallV1.arrayId`).
 * @since 0.1.0
 */
export interface ArrayScopedMvmCall extends MvmCallV1 {
  readonly arrayId?: string | number
}

/** The state key of the array an MVM call reads. @since 0.1.0 */
export function arrayKeyOf(call: MvmCallV1): string {
  const arrayId = (call as ArrayScopedMvmCall).arrayId
  return arrayId === undefined ? `shape:${call.rows}x${call.columns}` : `id:${String(arrayId)}`
}
