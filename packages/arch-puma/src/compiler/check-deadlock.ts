import type { PumaProgram } from '../isa/program.js'
import { simulateProgram } from '../machine/simulate-program.js'

/**
 * The compiler's deadlock check: executes the program's synchronisation (every load, store, send,
 * receive and branch, with MVMs skipped and zero inputs) and raises `PumaDeadlockError` naming each
 * agent left waiting. Exact for programs whose control flow does not depend on data, which is all
 * the compiler emits (straight-line code); a data-dependent loop is checked for zero inputs only.
 * @since 0.1.0
 */
export function checkDeadlock(program: PumaProgram): void {
  const inputs: Record<string, Float32Array> = {}
  for (const region of program.inputs) {
    const length = Math.max(inputs[region.name]?.length ?? 0, region.offset + region.length)
    inputs[region.name] = new Float32Array(length)
  }
  simulateProgram(program, inputs, { mvm: () => undefined })
}
