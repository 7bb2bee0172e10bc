import { checkInstruction } from './check-instruction.js'
import type { PumaInstruction } from './instruction.js'
import { PumaProgramError } from './puma-errors.js'
import type { PumaProgram } from './program.js'

/**
 * Checks a whole program against its machine shape: stream counts, every instruction's operands,
 * MVMU weight sizes and I/O regions. Throws `PumaProgramError` naming the first problem.
 * @since 0.1.0
 */
export function validateProgram(program: PumaProgram): void {
  const m = program.machine
  for (const [key, value] of Object.entries(m)) {
    if (!(Number.isInteger(value) && value >= (key === 'fractionBits' ? 0 : 1))) throw new PumaProgramError(`machine.${key} must be a positive integer, got ${value}`)
  }
  if (program.tiles.length !== m.tiles) throw new PumaProgramError(`program has ${program.tiles.length} tile streams for ${m.tiles} tiles`)
  const checkStream = (stream: readonly PumaInstruction[], section: 'core' | 'tile', where: string): void => {
    stream.forEach((instruction, index) => {
      const problem = checkInstruction(instruction, { machine: m, section, streamLength: stream.length })
      if (problem !== null) throw new PumaProgramError(`${where} instruction ${index}: ${problem}`)
    })
  }
  program.tiles.forEach((tile, t) => {
    if (tile.cores.length !== m.coresPerTile) throw new PumaProgramError(`tile ${t} has ${tile.cores.length} core streams for ${m.coresPerTile} cores`)
    checkStream(tile.program, 'tile', `tile ${t}`)
    tile.cores.forEach((core, c) => checkStream(core, 'core', `tile ${t} core ${c}`))
  })
  for (const matrix of program.matrices) {
    if (matrix.tile >= m.tiles || matrix.core >= m.coresPerTile || matrix.mvmu >= m.mvmusPerCore) throw new PumaProgramError(`matrix for MVMU ${matrix.tile}/${matrix.core}/${matrix.mvmu} does not exist`)
    if (matrix.weights.length !== m.rows * m.columns) throw new PumaProgramError(`matrix ${matrix.tile}/${matrix.core}/${matrix.mvmu} holds ${matrix.weights.length} weights, not ${m.rows}×${m.columns}`)
  }
  for (const region of [...program.inputs, ...program.outputs]) {
    if (region.tile >= m.tiles || region.address + region.length > m.sharedMemoryWords) throw new PumaProgramError(`I/O region "${region.name}" is outside tile ${region.tile}'s shared memory`)
  }
}
