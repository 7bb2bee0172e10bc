import type { ReliabilityMiddlewareV1 } from '@cimkit/core'

/**
 * A "time passes" hook the spec lacks: a technique that changes how old the array's state is
 * (refresh reprograms it, so drift restarts) maps the time since the first programming to the time
 * since the state the array now holds was written. A host keeps passing the time since the first
 * programming in `MvmCallV1.timeS` (so techniques can count refreshes), and evaluates the device
 * state (drift, read noise) of its innermost MVM at `effectiveTimeS(middleware, timeS)`.
 * NOTE: proposed for the spec as `ReliabilityMiddlewareV1.effectiveTimeS?(timeS)`.
 * @since 0.1.0
 */
export interface TimeAwareMiddleware extends ReliabilityMiddlewareV1 {
  effectiveTimeS(timeS: number): number
}

/** Whether a technique has the time hook. @since 0.1.0 */
export function isTimeAware(technique: ReliabilityMiddlewareV1): technique is TimeAwareMiddleware {
  return typeof (technique as Partial<TimeAwareMiddleware>).effectiveTimeS === 'function'
}

/**
 * Applies every technique's time hook in declared order (first = outermost, as the other hooks).
 * @example effectiveTimeS([createRefresh({ policy: 'periodic', intervalS: 3600 })], 5400) // returns 1800
 * @since 0.1.0
 */
export function effectiveTimeS(middleware: readonly ReliabilityMiddlewareV1[], timeS: number): number {
  let time = timeS
  for (const technique of middleware) if (isTimeAware(technique)) time = technique.effectiveTimeS(time)
  return time
}
