import { CimkitError } from './cimkit-error.js'

/** One problem found in a configuration, located by its key path. @since 0.1.0 */
export interface ConfigIssue {
  /** Key path from the config root, e.g. `['device', 'gMin']`. */
  readonly path: readonly (string | number)[]
  readonly message: string
}

/** Formats a key path as `device.levels[2]`; the root is `(root)`. @since 0.1.0 */
export function formatKeyPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(root)'
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? key : `.${key}`))
    .join('')
}

/**
 * A configuration failed validation. The message lists every issue as `key.path: message`.
 * @since 0.1.0
 */
export class ConfigValidationError extends CimkitError {
  readonly issues: readonly ConfigIssue[]
  readonly source: string | undefined

  constructor(issues: readonly ConfigIssue[], options?: { source?: string; cause?: unknown }) {
    const where = options?.source === undefined ? '' : ` in ${options.source}`
    const lines = issues.map((issue) => `  ${formatKeyPath(issue.path)}: ${issue.message}`)
    super(`Invalid configuration${where}:\n${lines.join('\n')}`, options)
    this.issues = issues
    this.source = options?.source
  }
}
