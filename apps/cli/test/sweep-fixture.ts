import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const template = fileURLToPath(new URL('../../../examples/plugin-template/', import.meta.url))

/** A sweep of 24 points over the template device, written into `directory` with the given results file. */
export function sweepYaml(results: string): string {
  return `base: ./base.yaml
mode: grid
parameters:
  - { key: device.programmingErrorStd, values: [0.01, 0.02, 0.03, 0.04, 0.05, 0.06] }
  - { key: device.levels, values: [2, 4, 8, 16] }
results: ${results}
`
}

/** Copies the built template plugin beside a base config that uses it, so the sweep is self-contained. */
export function writeSweepFixture(directory: string, sweeps: Readonly<Record<string, string>>): void {
  cpSync(join(template, 'dist'), join(directory, 'plugin', 'dist'), { recursive: true })
  cpSync(join(template, 'package.json'), join(directory, 'plugin', 'package.json'))
  // The copied plugin resolves @cimkit/core through the template's own node_modules links.
  cpSync(join(template, 'node_modules'), join(directory, 'plugin', 'node_modules'), { recursive: true, verbatimSymlinks: true })
  writeFileSync(join(directory, 'base.yaml'), 'plugins: [./plugin/dist/index.js]\ndevice: { type: linear-device }\nrun: { seed: 5, backend: reference }\n')
  for (const [name, results] of Object.entries(sweeps)) writeFileSync(join(directory, name), sweepYaml(results))
}

/** Non-empty lines of a file (0 if it does not exist). */
export function lineCount(path: string): number {
  return existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter(Boolean).length : 0
}
