import type { ReliabilityMiddlewareV1 } from '@cimkit/core'

/**
 * Age of the cells' state for the device: middleware that rewrites cells (refresh) maps the time
 * since first programming to the time since the last write, via an optional `effectiveTimeS(t)`
 * applied in declared order (reliability's host contract; not yet in ReliabilityMiddlewareV1).
 * @since 0.1.0
 */
export function effectiveTimeS(middleware: readonly ReliabilityMiddlewareV1[], timeS: number): number {
  let time = timeS
  for (const technique of middleware) {
    const hook = (technique as { readonly effectiveTimeS?: (t: number) => number }).effectiveTimeS
    if (typeof hook === 'function') time = hook.call(technique, time)
  }
  return time
}
