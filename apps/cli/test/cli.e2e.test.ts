import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { builtInPluginPackages } from '../src/plugins/list-plugin-packages.js'
import { spawnCli } from './spawn-cli.js'

const examples = fileURLToPath(new URL('../../../examples/', import.meta.url))
let workDirectory: string

const plugin = (name: string, specificationVersion: string, register: string): string =>
  `export default { meta: { name: ${JSON.stringify(name)}, version: "1.0.0" }, specificationVersion: ${JSON.stringify(specificationVersion)}, register(registrar) { ${register} } }\n`

beforeAll(() => {
  workDirectory = mkdtempSync(join(tmpdir(), 'cimkit-cli-'))
  mkdirSync(join(workDirectory, 'plugins'))
  writeFileSync(join(workDirectory, 'plugins', 'future.mjs'), plugin('future-plugin', 'v2', ''))
  writeFileSync(join(workDirectory, 'plugins', 'throws.mjs'), plugin('throws-plugin', 'v1', 'throw new Error("register failed on purpose")'))
  const configs: Record<string, string> = {
    'unknown-key.yaml': 'run: { seed: 1 }\nreliabilty: []\n',
    'wrong-type.yaml': 'run: { trials: many }\n',
    'missing-plugin.yaml': 'plugins: [./plugins/does-not-exist.mjs]\n',
    'future-plugin.yaml': 'plugins: [./plugins/future.mjs]\n',
    'throws.yaml': 'plugins: [./plugins/throws.mjs]\n',
    'bad-yaml.yaml': 'run: { seed: 1\n',
    'minimal.yaml': 'run: { seed: 3, backend: reference }\n',
    'unknown-device.yaml': 'device: { type: memristor-9000 }\n',
  }
  for (const [name, text] of Object.entries(configs)) writeFileSync(join(workDirectory, name), text)
})

afterAll(() => rmSync(workDirectory, { recursive: true, force: true }))

function expectOneClearFailure(result: ReturnType<typeof spawnCli>, pattern: RegExp): void {
  expect(result.status).toBe(1)
  expect(result.stdout).toBe('')
  expect(result.stderr).toMatch(pattern)
  expect(result.stderr).not.toMatch(/\n\s+at /) // a message, not a stack trace
}

describe('cimkit plugins', () => {
  it('lists every first-party plugin with version, kinds and provided types (--json)', () => {
    const result = spawnCli(['plugins', '--json'])
    expect(result.status).toBe(0)
    const { plugins } = JSON.parse(result.stdout) as { plugins: { name: string; version: string; specificationVersion: string; provides: string[]; source: string }[] }
    expect(plugins.map((entry) => entry.name)).toEqual([...builtInPluginPackages])
    for (const entry of plugins) {
      expect(entry.version).toMatch(/^\d+\.\d+\.\d+/)
      expect(entry.specificationVersion).toBe('v1')
      expect(entry.source).toBe('built-in')
    }
  })

  it('adds the template plugin when its config is given, read from its manifest', () => {
    const result = spawnCli(['plugins', '--json', '--config', join(examples, 'third-party-device.yaml')])
    expect(result.status).toBe(0)
    const { plugins } = JSON.parse(result.stdout) as { plugins: { name: string; provides: string[] }[] }
    expect(plugins.at(-1)).toMatchObject({ name: 'cimkit-plugin-linear-device', provides: ['linear-device'] })
  })
})

describe('cimkit validate', () => {
  it('accepts the third-party example config, loading its plugin by relative path', () => {
    const result = spawnCli(['validate', join(examples, 'third-party-device.yaml')])
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/device: linear-device \(preset coarse-4-level\) from cimkit-plugin-linear-device@0\.1\.0/)
  })

  it('names an unknown key', () => {
    expectOneClearFailure(spawnCli(['validate', join(workDirectory, 'unknown-key.yaml')]), /\(root\): unknown key "reliabilty"/)
  })

  it('names the key path of a wrong type', () => {
    expectOneClearFailure(spawnCli(['validate', join(workDirectory, 'wrong-type.yaml')]), /run\.trials: Invalid input: expected number, received string/)
  })

  it('names a missing plugin and the config that lists it', () => {
    expectOneClearFailure(spawnCli(['validate', join(workDirectory, 'missing-plugin.yaml')]), /Plugin "\.\/plugins\/does-not-exist\.mjs" \(listed in .*missing-plugin\.yaml\): no file at/)
  })

  it('refuses a plugin built for another spec version', () => {
    expectOneClearFailure(spawnCli(['validate', join(workDirectory, 'future-plugin.yaml')]), /built for cimkit spec v2, but this cimkit implements spec v1/)
  })

  it('names an unknown component type with the available ones', () => {
    expectOneClearFailure(spawnCli(['validate', join(workDirectory, 'unknown-device.yaml')]), /device\.type: unknown device type "memristor-9000" \(available: /)
  })

  it('reports a YAML syntax error with its line', () => {
    expectOneClearFailure(spawnCli(['validate', join(workDirectory, 'bad-yaml.yaml')]), /bad-yaml\.yaml: invalid YAML: line \d+, column \d+/)
  })

  it('writes nothing', () => {
    const before = readdirSync(workDirectory).sort()
    spawnCli(['validate', join(workDirectory, 'unknown-key.yaml')], { cwd: workDirectory })
    expect(readdirSync(workDirectory).sort()).toEqual(before)
  })
})

describe('cimkit run', () => {
  it('prints only the report on stdout with --json, following the report contract', () => {
    const result = spawnCli(['run', join(workDirectory, 'minimal.yaml'), '--json', '--seed', '7'])
    expect(result.status).toBe(0)
    const report = JSON.parse(result.stdout) as Record<string, unknown>
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['config', 'seed', 'accuracy', 'ppa', 'timing']))
    expect(report.seed).toBe(7)
    expect(report.accuracy).toBeNull()
    expect((report.config as { backend: string }).backend).toBe('reference')
    expect((report.timing as { wallS: number }).wallS).toBeGreaterThanOrEqual(0)
  })

  it('writes report.json into --out only after success', () => {
    const out = join(workDirectory, 'out-ok')
    expect(spawnCli(['run', join(workDirectory, 'minimal.yaml'), '--out', out]).status).toBe(0)
    expect(readdirSync(out).sort()).toEqual(['report.csv', 'report.html', 'report.json'])
  })

  it('leaves no output directory, not even a partial one, when a plugin\'s register() throws', () => {
    const out = join(workDirectory, 'out-failed')
    expectOneClearFailure(spawnCli(['run', join(workDirectory, 'throws.yaml'), '--out', out]), /Plugin "throws-plugin": register\(\) threw: register failed on purpose/)
    expect(existsSync(out)).toBe(false)
    expect(readdirSync(workDirectory).filter((name) => name.includes('partial'))).toEqual([])
  })

  it('rejects a bad --seed as a usage error', () => {
    expectOneClearFailure(spawnCli(['run', join(workDirectory, 'minimal.yaml'), '--seed', 'abc']), /--seed: expected a non-negative integer/)
  })
})

describe('cimkit schema and doctor', () => {
  it('prints the composed JSON Schema', () => {
    const result = spawnCli(['schema'])
    expect(result.status).toBe(0)
    const schema = JSON.parse(result.stdout) as { title: string; properties: Record<string, unknown> }
    expect(schema.title).toBe('cimkit configuration')
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['plugins', 'device', 'architecture', 'peripherals', 'reliability', 'workload', 'run']))
  })

  it('doctor reports Node, plugins and the active backend; CIMKIT_BACKEND overrides it', () => {
    const result = spawnCli(['doctor', '--json'], { env: { CIMKIT_BACKEND: 'reference' } })
    const { checks } = JSON.parse(result.stdout) as { checks: { check: string; ok: boolean; detail: string }[] }
    expect(checks.find((entry) => entry.check === 'node')?.ok).toBe(true)
    expect(checks.find((entry) => entry.check === 'active backend')?.detail).toBe('reference (CIMKIT_BACKEND)')
    // The reference backend has every optional kernel (it is their oracle).
    expect(checks.find((entry) => entry.check === 'backend kernels')?.detail).toBe('gemm, gemmPrepared, convertAccumulate, encodeUniform')
    expect(result.status).toBe(checks.every((entry) => entry.ok) ? 0 : 1)
  })
})
