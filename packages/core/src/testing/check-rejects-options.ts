import { expect } from 'vitest'
import { standardValidate } from '../config/standard-validate.js'
import type { StandardSchemaV1 } from '@standard-schema/spec'

/**
 * Checks that a registration's schema rejects each bad option set with an issue at a key path,
 * and accepts the good one.
 * @since 0.1.0
 */
export async function checkOptionsSchema(
  registration: { readonly optionsSchema: StandardSchemaV1 },
  validOptions: unknown,
  invalidOptions: readonly { readonly options: unknown; readonly path: string }[],
): Promise<void> {
  const good = await standardValidate(registration.optionsSchema, validOptions, [])
  expect(good.ok, 'valid options are accepted').toBe(true)
  for (const { options, path } of invalidOptions) {
    const bad = await standardValidate(registration.optionsSchema, options, [])
    expect(bad.ok, `options ${JSON.stringify(options)} are rejected`).toBe(false)
    if (!bad.ok) expect(bad.issues.map((issue) => issue.path.join('.'))).toContain(path)
  }
}
