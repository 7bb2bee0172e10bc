import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PluginLoadError } from '../errors/plugin-load-error.js'
import { createRunContainer } from './create-run-container.js'
import { loadPlugin } from './load-plugin.js'

// Plugins are written as plain .mjs files, as a third party would ship them, so the loader is
// exercised through real resolution and import().
const pluginSource = (name: string, specificationVersion: string, body = 'register(registrar) { registrar.device("toy", { optionsSchema: { "~standard": { version: 1, vendor: "test", validate: (value) => ({ value }) } }, create: () => ({}) }) }') =>
  `export default { meta: { name: ${JSON.stringify(name)}, version: "1.0.0" }, specificationVersion: ${JSON.stringify(specificationVersion)}, ${body} }\n`

let root: string
let configPath: string

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'cimkit-loader-'))
  mkdirSync(join(root, 'configs', 'plugins'), { recursive: true })
  configPath = join(root, 'configs', 'run.yaml')
  writeFileSync(configPath, 'plugins: []\n')
  writeFileSync(join(root, 'configs', 'plugins', 'good.mjs'), pluginSource('good-plugin', 'v1'))
  writeFileSync(join(root, 'configs', 'plugins', 'future.mjs'), pluginSource('future-plugin', 'v2'))
  writeFileSync(join(root, 'configs', 'plugins', 'no-default.mjs'), 'export const plugin = 1\n')
  writeFileSync(join(root, 'configs', 'plugins', 'not-a-plugin.mjs'), 'export default { meta: { name: "x" } }\n')
  writeFileSync(join(root, 'configs', 'plugins', 'broken.mjs'), 'export default {{ syntax error\n')
  writeFileSync(join(root, 'configs', 'plugins', 'throws.mjs'), pluginSource('throws-plugin', 'v1', 'register() { throw new Error("boom") }'))
  // An installed package found from the config's directory, by its short name.
  const packageDirectory = join(root, 'node_modules', 'cimkit-plugin-toy')
  mkdirSync(packageDirectory, { recursive: true })
  writeFileSync(join(packageDirectory, 'index.mjs'), pluginSource('cimkit-plugin-toy', 'v1'))
  writeFileSync(
    join(packageDirectory, 'package.json'),
    JSON.stringify({ name: 'cimkit-plugin-toy', version: '1.0.0', type: 'module', exports: './index.mjs', cimkit: { specificationVersion: 'v1', kinds: ['device'], provides: ['toy'] } }),
  )
  const liar = join(root, 'node_modules', 'cimkit-plugin-liar')
  mkdirSync(liar, { recursive: true })
  writeFileSync(join(liar, 'index.mjs'), pluginSource('cimkit-plugin-liar', 'v1'))
  writeFileSync(join(liar, 'package.json'), JSON.stringify({ name: 'cimkit-plugin-liar', version: '1.0.0', type: 'module', exports: './index.mjs', cimkit: { specificationVersion: 'v1', kinds: ['device'], provides: ['other'] } }))
})

afterAll(() => rmSync(root, { recursive: true, force: true }))

async function failure(promise: Promise<unknown>): Promise<PluginLoadError> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(PluginLoadError)
    return error as PluginLoadError
  }
  throw new Error('expected a PluginLoadError')
}

describe('loadPlugin', () => {
  it('resolves a relative path from the config file\'s directory, not the working directory', async () => {
    const loaded = await loadPlugin('./plugins/good.mjs', configPath)
    expect(loaded.plugin.meta.name).toBe('good-plugin')
  })

  it('resolves a short name as cimkit-plugin-<name> from the config directory and reads its manifest', async () => {
    const loaded = await loadPlugin('toy', configPath)
    expect(loaded.plugin.meta.name).toBe('cimkit-plugin-toy')
    expect(loaded.manifest?.manifest.provides).toEqual(['toy'])
  })

  it('names a missing file or package and the config', async () => {
    expect((await failure(loadPlugin('./plugins/missing.mjs', configPath))).message).toMatch(/Plugin "\.\/plugins\/missing\.mjs" \(listed in .*run\.yaml\): no file at/)
    expect((await failure(loadPlugin('nonexistent', configPath))).message).toMatch(/cannot be resolved .*tried cimkit-plugin-nonexistent, nonexistent/)
  })

  it('refuses a plugin built for another spec version', async () => {
    expect((await failure(loadPlugin('./plugins/future.mjs', configPath))).message).toMatch(/built for cimkit spec v2, but this cimkit implements spec v1/)
  })

  it('refuses a module without a default export or with a malformed one', async () => {
    expect((await failure(loadPlugin('./plugins/no-default.mjs', configPath))).message).toMatch(/no default export/)
    expect((await failure(loadPlugin('./plugins/not-a-plugin.mjs', configPath))).message).toMatch(/not a cimkit plugin .*register must be a function/)
  })

  it('wraps an import failure with its cause', async () => {
    const error = await failure(loadPlugin('./plugins/broken.mjs', configPath))
    expect(error.message).toMatch(/failed to import/)
    expect(error.cause).toBeInstanceOf(Error)
  })
})

describe('createRunContainer', () => {
  it('registers plugins into a fresh child container per run', async () => {
    const loaded = await loadPlugin('toy', configPath)
    const first = await createRunContainer({ plugins: [loaded], seed: 1 })
    const second = await createRunContainer({ plugins: [loaded], seed: 1 })
    expect(first.registry.types('device')).toEqual(['toy'])
    expect(first.container).not.toBe(second.container)
    await first.dispose()
    await second.dispose()
  })

  it('names the plugin whose register() throws', async () => {
    const loaded = await loadPlugin('./plugins/throws.mjs', configPath)
    const error = await failure(createRunContainer({ plugins: [loaded], seed: 1 }))
    expect(error.message).toMatch(/Plugin "throws-plugin": register\(\) threw: boom/)
  })

  it('refuses a plugin that registers what its manifest does not declare', async () => {
    const loaded = await loadPlugin('liar', configPath)
    expect((await failure(createRunContainer({ plugins: [loaded], seed: 1 }))).message).toMatch(/registered device:toy, which its package.json "cimkit" manifest does not declare/)
  })
})
