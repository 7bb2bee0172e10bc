import type { StandardSchemaV1 } from '@standard-schema/spec'
import type { ConfigIssue } from '../errors/config-validation-error.js'

/** Result of validating a value against any Standard Schema, with issue paths under `prefix`. */
export type StandardValidation<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: ConfigIssue[] }

/**
 * Validates with any Standard Schema (zod, valibot, arktype…) and prefixes issue paths, so a
 * plugin's error lands on the config key it came from (`device.gMin`).
 * @since 0.1.0
 */
export async function standardValidate<T>(
  schema: StandardSchemaV1<unknown, T>,
  value: unknown,
  prefix: readonly (string | number)[],
): Promise<StandardValidation<T>> {
  const result = await schema['~standard'].validate(value)
  if (result.issues === undefined) return { ok: true, value: result.value }
  const issues = result.issues.map((issue) => ({
    path: [...prefix, ...(issue.path ?? []).map((segment) => (typeof segment === 'object' ? segment.key : segment) as string | number)],
    message: issue.message,
  }))
  return { ok: false, issues }
}
