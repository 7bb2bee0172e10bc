import type { StandardSchemaV1 } from '@standard-schema/spec'
import type { DependencyContainer } from 'tsyringe'
import type { RandomSource } from '../random/random-source.js'

/** What a factory gets besides its validated options. @since 0.1.0 */
export interface CreateContextV1 {
  /** A random stream reserved for this component (derived from the run seed and its config path). */
  readonly random: RandomSource
  /** The run's child container, for services registered with `registrar.instance`. */
  readonly container: DependencyContainer
  /** Directory of the config file (or the working directory), for options that name files. */
  readonly configDirectory: string
}

/**
 * How a plugin contributes one component type: an option schema (any Standard Schema: zod,
 * valibot, arktype…), a factory, and named option presets.
 * @since 0.1.0
 */
export interface ComponentRegistrationV1<TComponent, TOptions = unknown> {
  /** Validates the options of a config section (the section without its `type` and `preset` keys). */
  readonly optionsSchema: StandardSchemaV1<unknown, TOptions>
  readonly create: (options: TOptions, context: CreateContextV1) => TComponent
  /** One line for `cimkit plugins` and the JSON Schema. */
  readonly description?: string
}
