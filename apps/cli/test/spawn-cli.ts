import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** Path of the built CLI entry; `pnpm test` builds every package before vitest runs. */
export const cliPath = fileURLToPath(new URL('../dist/main.js', import.meta.url))

/** Result of one CLI process. */
export interface CliResult {
  readonly status: number | null
  readonly stdout: string
  readonly stderr: string
}

/** Runs the built `cimkit` as a separate process, as a user would. */
export function spawnCli(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: options.cwd ?? process.cwd(),
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    timeout: 120_000,
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}
