import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { CimkitError } from '@cimkit/core'

/** Files of a run's output, by file name. @since 0.1.0 */
export type OutputFiles = Readonly<Record<string, string>>

/**
 * Refuses, before any work, an output directory that holds files other than a previous report,
 * so a run never mixes its files into unrelated data.
 * @since 0.1.0
 */
export function checkOutputDirectory(directory: string): void {
  const target = resolve(directory)
  if (!existsSync(target)) return
  const foreign = readdirSync(target).filter((name) => !name.startsWith('report.'))
  if (foreign.length > 0) {
    throw new CimkitError(`Output directory ${target} holds other files (${foreign.slice(0, 3).join(', ')}); choose an empty or new directory`)
  }
}

/**
 * Writes the files of a finished run: all files are staged in a sibling temporary directory and
 * only then moved into place, each by an atomic rename. A failure while staging leaves nothing
 * behind, so there is never a half-written output directory.
 * @since 0.1.0
 */
export function writeOutputDirectory(directory: string, files: OutputFiles): void {
  const target = resolve(directory)
  mkdirSync(dirname(target), { recursive: true })
  const staging = mkdtempSync(join(dirname(target), `.${basename(target)}.partial-`))
  try {
    for (const [name, content] of Object.entries(files)) writeFileSync(join(staging, name), content)
    mkdirSync(target, { recursive: true })
    for (const name of Object.keys(files)) renameSync(join(staging, name), join(target, name))
  } finally {
    rmSync(staging, { recursive: true, force: true })
  }
}
