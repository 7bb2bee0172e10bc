import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect } from 'vitest'

/** The repository's `examples/` folder. */
export const examplesDirectory = fileURLToPath(new URL('../../../examples/', import.meta.url))

/**
 * Writes `examples/<example>` with each `from` replaced by `to` (each must occur: a test never edits
 * text an example no longer has) to `<directory>/<name>`, and returns that path.
 */
export function writeExampleVariant(directory: string, example: string, name: string, edits: readonly (readonly [string, string])[]): string {
  let text = readFileSync(join(examplesDirectory, example), 'utf8')
  for (const [from, to] of edits) {
    expect(text).toContain(from)
    text = text.replace(from, to)
  }
  const path = join(directory, name)
  writeFileSync(path, text)
  return path
}
