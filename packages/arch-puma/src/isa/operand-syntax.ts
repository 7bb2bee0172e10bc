import type { MemoryAddress } from './instruction.js'

/** Parses a decimal, `0x` hex or `0b` binary integer, optionally negative; null if malformed. @since 0.1.0 */
export function parseInteger(token: string): number | null {
  const match = /^(-?)(0x[0-9a-f]+|0b[01]+|[0-9]+)$/i.exec(token)
  if (match === null) return null
  const body = match[2] as string
  const magnitude = /^0x/i.test(body) ? Number.parseInt(body.slice(2), 16) : /^0b/i.test(body) ? Number.parseInt(body.slice(2), 2) : Number.parseInt(body, 10)
  return match[1] === '-' ? -magnitude : magnitude
}

/** Parses `r<N>`; null if malformed. @since 0.1.0 */
export function parseRegister(token: string): number | null {
  const match = /^r([0-9]+)$/.exec(token)
  return match === null ? null : Number.parseInt(match[1] as string, 10)
}

/** Parses `@<N>` (immediate address) or `[r<N>]` (address held in a register); null if malformed. @since 0.1.0 */
export function parseMemoryAddress(token: string): MemoryAddress | null {
  if (token.startsWith('@')) {
    const value = parseInteger(token.slice(1))
    return value === null || value < 0 ? null : { mode: 'immediate', value }
  }
  const match = /^\[r([0-9]+)\]$/.exec(token)
  return match === null ? null : { mode: 'register', register: Number.parseInt(match[1] as string, 10) }
}

/** Formats a memory address operand. @since 0.1.0 */
export function formatMemoryAddress(address: MemoryAddress): string {
  return address.mode === 'immediate' ? `@${address.value}` : `[r${address.register}]`
}

/** Splits `key=value` tokens into a record; returns the offending token when one is malformed. @since 0.1.0 */
export function parseKeyValues(tokens: readonly string[]): { readonly values: Record<string, string> } | { readonly error: string } {
  const values: Record<string, string> = {}
  for (const token of tokens) {
    const index = token.indexOf('=')
    if (index <= 0) return { error: `expected key=value, got "${token}"` }
    const key = token.slice(0, index)
    if (key in values) return { error: `"${key}" given twice` }
    values[key] = token.slice(index + 1)
  }
  return { values }
}

/** A label: a letter or underscore, then letters, digits, underscores, dots. @since 0.1.0 */
export const LABEL_PATTERN = /^[A-Za-z_][A-Za-z0-9_.]*$/
