import { CimkitError } from '@cimkit/core'

/** Parses `--seed` into a run seed (a safe non-negative integer). @since 0.1.0 */
export function parseSeed(raw: string | number | undefined): { seed?: number } {
  if (raw === undefined) return {}
  const seed = Number(raw)
  if (!Number.isSafeInteger(seed) || seed < 0) throw new CimkitError(`--seed: expected a non-negative integer, got "${String(raw)}"`)
  return { seed }
}

/** Parses `--workers` (a positive integer). @since 0.1.0 */
export function parseWorkers(raw: string | number | undefined): { workers?: number } {
  if (raw === undefined) return {}
  const workers = Number(raw)
  if (!Number.isSafeInteger(workers) || workers < 1) throw new CimkitError(`--workers: expected a positive integer, got "${String(raw)}"`)
  return { workers }
}
