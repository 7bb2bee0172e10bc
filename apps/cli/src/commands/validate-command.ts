import type { ResolvedSection } from '@cimkit/core'
import { configSections, getAtPath } from '@cimkit/core'
import { composeRun } from '../run/compose-run.js'

/**
 * `cimkit validate <config>`: both validation phases and plugin loading, without running.
 * Writes nothing; exits non-zero with the first failure's message.
 * @since 0.1.0
 */
export async function validateCommand(configPath: string): Promise<void> {
  const composed = await composeRun(configPath)
  try {
    const lines = configSections(composed.config)
      .map(({ path }) => [path, getAtPath(composed.config, path) as ResolvedSection | undefined] as const)
      .filter(([, section]) => section !== undefined)
      .map(([path, section]) => `  ${path.join('.')}: ${section!.type}${section!.preset === undefined ? '' : ` (preset ${section!.preset})`} from ${section!.plugin}@${section!.pluginVersion}`)
    process.stdout.write(`${configPath} is valid\n${lines.join('\n')}${lines.length > 0 ? '\n' : ''}`)
  } finally {
    await composed.run.dispose()
  }
}
