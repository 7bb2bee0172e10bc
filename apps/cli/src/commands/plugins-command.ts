import { listPluginPackages } from '../plugins/list-plugin-packages.js'

/**
 * `cimkit plugins [--json] [--config FILE]`: every first-party plugin, plus those a config lists,
 * with version, kinds, provided types and spec version, read from manifests without importing.
 * @since 0.1.0
 */
export function pluginsCommand(flags: { json?: boolean; config?: string }): void {
  const plugins = listPluginPackages(flags.config)
  if (flags.json === true) {
    process.stdout.write(`${JSON.stringify({ plugins }, null, 2)}\n`)
    return
  }
  const rows = plugins.map((plugin) => [plugin.name, plugin.version, plugin.specificationVersion, plugin.kinds.join(','), plugin.provides.join(', ') || '(nothing yet)'])
  const header = ['plugin', 'version', 'spec', 'kinds', 'provides']
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)))
  const format = (row: string[]): string => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()
  process.stdout.write(`${[format(header), ...rows.map(format)].join('\n')}\n`)
}
