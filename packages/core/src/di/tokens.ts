import type { InjectionToken } from 'tsyringe'
import type { RandomSource } from '../random/random-source.js'
import type { ComponentRegistry } from '../registry/component-registry.js'
import type { Logger } from './logger.js'

/**
 * DI tokens. `Symbol.for` keys make them equal across duplicate copies of core (STYLE.md R18);
 * never string tokens, never classes as tokens for interfaces.
 * @since 0.1.0
 */
export const Tokens = {
  /** The run's root random source; derive streams from it, never draw from it in a hot loop. */
  RandomSource: Symbol.for('@cimkit/core:RandomSource') as InjectionToken<RandomSource>,
  /** Every registration of the run. */
  ComponentRegistry: Symbol.for('@cimkit/core:ComponentRegistry') as InjectionToken<ComponentRegistry>,
  /** Progress and diagnostics (stderr in the CLI). */
  Logger: Symbol.for('@cimkit/core:Logger') as InjectionToken<Logger>,
} as const
