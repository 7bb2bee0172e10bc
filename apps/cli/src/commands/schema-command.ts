import { composeConfigJsonSchema, createRunContainer } from '@cimkit/core'
import { builtInPluginsWithManifests } from '../plugins/built-in-plugins.js'
import { composeRun } from '../run/compose-run.js'

/**
 * `cimkit schema [--config FILE]`: the JSON Schema of a config, composed from every registered
 * plugin's option schema (built-in ones, plus those the given config lists).
 * @since 0.1.0
 */
export async function schemaCommand(flags: { config?: string }): Promise<void> {
  const run = flags.config === undefined ? await createRunContainer({ plugins: builtInPluginsWithManifests(), seed: 0 }) : (await composeRun(flags.config)).run
  try {
    process.stdout.write(`${JSON.stringify(composeConfigJsonSchema(run.registry), null, 2)}\n`)
  } finally {
    await run.dispose()
  }
}
