import { CimkitError, createRunContainer, loadPlugin, resolveConfig, validateBaseConfig } from '@cimkit/core'
import { readConfigFile } from '../config/read-config-file.js'
import { builtInPluginsWithManifests } from '../plugins/built-in-plugins.js'
import type { ComposedRun } from '../run/compose-run.js'
import { selectBackend } from '../run/select-backend.js'

const minimumNode = [20, 19] as const

/** One line of the doctor's findings. @since 0.1.0 */
export interface DoctorCheck {
  readonly check: string
  readonly ok: boolean
  readonly detail: string
}

/**
 * `cimkit doctor [--json] [--config FILE]`: Node version, compute backends (which load, which is
 * active), and plugin health (each one loads, checks and registers). Exits non-zero if any fails.
 * @since 0.1.0
 */
export async function doctorCommand(flags: { json?: boolean; config?: string }): Promise<void> {
  const checks: DoctorCheck[] = []
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number)
  const nodeOk = major > minimumNode[0] || (major === minimumNode[0] && minor >= minimumNode[1])
  checks.push({ check: 'node', ok: nodeOk, detail: `${process.versions.node} (needs ≥ ${minimumNode.join('.')})` })

  const plugins = builtInPluginsWithManifests()
  if (flags.config !== undefined) {
    for (const id of validateBaseConfig(readConfigFile(flags.config), flags.config).plugins) {
      try {
        const loaded = await loadPlugin(id, flags.config)
        plugins.push({ plugin: loaded.plugin, manifest: loaded.manifest })
      } catch (error) {
        checks.push({ check: `plugin ${id}`, ok: false, detail: error instanceof Error ? error.message : String(error) })
      }
    }
  }
  const healthy: typeof plugins = []
  for (const entry of plugins) {
    try {
      const run = await createRunContainer({ plugins: [entry], seed: 0 })
      const provided = run.registry.list().map((registered) => `${registered.kind}:${registered.type}`)
      await run.dispose()
      healthy.push(entry)
      checks.push({ check: `plugin ${entry.plugin.meta.name}`, ok: true, detail: `${entry.plugin.meta.version}, registers ${provided.join(', ') || 'nothing yet'}` })
    } catch (error) {
      checks.push({ check: `plugin ${entry.plugin.meta.name}`, ok: false, detail: error instanceof Error ? error.message : String(error) })
    }
  }

  // Backends are probed with the healthy plugins only, so one broken plugin does not hide the rest.
  const run = await createRunContainer({ plugins: healthy, seed: 0 })
  try {
    const config = await resolveConfig(validateBaseConfig({}), run.registry)
    const composed: ComposedRun = { configPath: '', configDirectory: process.cwd(), config, run, plugins: [] }
    const selection = selectBackend(composed)
    for (const backend of selection.available) checks.push({ check: `backend ${backend.type}`, ok: true, detail: backend.ok ? 'available' : `unavailable: ${backend.error ?? ''}` })
    checks.push({ check: 'active backend', ok: true, detail: `${selection.active.name} (${selection.reason === 'env' ? 'CIMKIT_BACKEND' : selection.reason})` })
    // The optional fast kernels: an addon built before one existed lacks it (the engine then falls back, slower).
    const optional = ['gemmPrepared', 'convertAccumulate', 'encodeUniform'] as const
    const missing = optional.filter((kernel) => selection.active[kernel] === undefined)
    checks.push({ check: 'backend kernels', ok: true, detail: missing.length === 0 ? `gemm, ${optional.join(', ')}` : `gemm, ${optional.filter((kernel) => !missing.includes(kernel)).join(', ')}; without ${missing.join(', ')} (rebuild with "pnpm --filter @cimkit/kernels build:native" if native)` })
  } catch (error) {
    checks.push({ check: 'active backend', ok: false, detail: error instanceof Error ? error.message : String(error) })
  } finally {
    await run.dispose()
  }

  if (flags.json === true) process.stdout.write(`${JSON.stringify({ checks }, null, 2)}\n`)
  else process.stdout.write(`${checks.map((entry) => `${entry.ok ? '✓' : '✗'} ${entry.check}: ${entry.detail}`).join('\n')}\n`)
  if (checks.some((entry) => !entry.ok)) throw new CimkitError('doctor found problems (see above)')
}
