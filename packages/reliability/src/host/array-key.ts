import type { MvmCallV1 } from '@cimkit/core'

/**
 * The state key of the array an MVM call reads. Techniques that keep state per array (drift-
 * compensation baselines, the read-polarity history, refresh times) key it by `MvmCallV1.arrayId`;
 * a host that omits it gets one shared state per array shape, which is exact for a single array and
 * for global (array-independent) statistics.
 * @since 0.1.0
 */
export function arrayKeyOf(call: MvmCallV1): string {
  return call.arrayId === undefined ? `shape:${call.rows}x${call.columns}` : `id:${call.arrayId}`
}
