import { readFileSync } from 'node:fs'
import { extname } from 'node:path'
import { parseDocument } from 'yaml'
import { ConfigFileError } from './config-file-error.js'

/**
 * Reads a YAML or JSON config file into plain data. Syntax errors name the line and column.
 * @since 0.1.0
 */
export function readConfigFile(path: string): unknown {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new ConfigFileError(path, `cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { cause: error })
  }
  if (extname(path).toLowerCase() === '.json') {
    try {
      return JSON.parse(text) as unknown
    } catch (error) {
      throw new ConfigFileError(path, `invalid JSON: ${(error as Error).message}`, { cause: error })
    }
  }
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true })
  if (document.errors.length > 0) {
    const first = document.errors[0]!
    const where = first.linePos?.[0] === undefined ? '' : `line ${first.linePos[0].line}, column ${first.linePos[0].col}: `
    throw new ConfigFileError(path, `invalid YAML: ${where}${first.message.split('\n')[0]}`, { cause: first })
  }
  const data = document.toJS() as unknown
  return data ?? {}
}
