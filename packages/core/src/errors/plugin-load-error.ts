import { CimkitError } from './cimkit-error.js'

/**
 * A plugin could not be resolved, imported, checked or registered. Names the plugin id and the
 * config that asked for it; the underlying failure is the `cause`.
 * @since 0.1.0
 */
export class PluginLoadError extends CimkitError {
  readonly pluginId: string
  readonly configPath: string | undefined

  constructor(pluginId: string, reason: string, options?: { configPath?: string; cause?: unknown }) {
    const where = options?.configPath === undefined ? '' : ` (listed in ${options.configPath})`
    super(`Plugin "${pluginId}"${where}: ${reason}`, options)
    this.pluginId = pluginId
    this.configPath = options?.configPath
  }
}
