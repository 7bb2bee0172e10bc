function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Deep-merges `overrides` onto `defaults` (objects merge key by key, arrays and scalars replace).
 * A section whose `type` differs between the two is taken from `overrides` whole: a preset's keys
 * for an RRAM device must not leak into the user's PCM device.
 * @since 0.1.0
 */
export function mergeDefaults(defaults: unknown, overrides: unknown): unknown {
  if (overrides === undefined) return structuredClone(defaults)
  if (!isPlainObject(defaults) || !isPlainObject(overrides)) return structuredClone(overrides)
  if ('type' in defaults && 'type' in overrides && defaults.type !== overrides.type) return structuredClone(overrides)
  const merged: Record<string, unknown> = structuredClone(defaults)
  for (const [key, value] of Object.entries(overrides)) merged[key] = mergeDefaults(defaults[key], value)
  return merged
}
