import { int16ToBase64 } from './base64.js'
import type { PumaInstruction } from './instruction.js'
import { UNARY_ALU_OPS } from './opcodes.js'
import { formatMemoryAddress } from './operand-syntax.js'
import type { PumaProgram } from './program.js'

/**
 * One instruction in assembly syntax; `targetName` names jump targets (default `L<index>`).
 * @example formatInstruction({ op: 'alu', aluOp: 'add', dest: 256, src1: 0, src2: 128, width: 128 }) // returns 'alu add r256, r0, r128, 128'
 * @since 0.1.0
 */
export function formatInstruction(instruction: PumaInstruction, targetName: (index: number) => string = (index) => `L${index}`): string {
  switch (instruction.op) {
    case 'nop':
    case 'hlt':
      return instruction.op
    case 'mvm':
      return `mvm 0b${instruction.mask.toString(2)}, ${instruction.shift}`
    case 'alu':
      return UNARY_ALU_OPS.has(instruction.aluOp)
        ? `alu ${instruction.aluOp} r${instruction.dest}, r${instruction.src1}, ${instruction.width}`
        : `alu ${instruction.aluOp} r${instruction.dest}, r${instruction.src1}, r${instruction.src2}, ${instruction.width}`
    case 'alui':
      return `alui ${instruction.aluOp} r${instruction.dest}, r${instruction.src1}, ${instruction.immediate}, ${instruction.width}`
    case 'aluint':
      return UNARY_ALU_OPS.has(instruction.aluOp)
        ? `aluint ${instruction.aluOp} r${instruction.dest}, r${instruction.src1}`
        : `aluint ${instruction.aluOp} r${instruction.dest}, r${instruction.src1}, r${instruction.src2}`
    case 'set':
      return `set r${instruction.dest}, ${instruction.immediate}, ${instruction.width}`
    case 'copy':
      return `copy r${instruction.dest}, r${instruction.src}, ${instruction.width}`
    case 'load':
      return `load r${instruction.dest}, ${formatMemoryAddress(instruction.address)}, ${instruction.width}`
    case 'store':
      return `store ${formatMemoryAddress(instruction.address)}, r${instruction.src}, ${instruction.count}, ${instruction.width}`
    case 'jmp':
      return `jmp ${targetName(instruction.target)}`
    case 'beq':
    case 'bne':
    case 'blt':
      return `${instruction.op} r${instruction.src1}, r${instruction.src2}, ${targetName(instruction.target)}`
    case 'send':
      return `send @${instruction.address}, ${instruction.width}, ${instruction.tile}`
    case 'receive':
      return `receive @${instruction.address}, ${instruction.width}, ${instruction.count}, ${instruction.tile}`
  }
}

function formatStream(stream: readonly PumaInstruction[]): string[] {
  const targets = new Set<number>()
  for (const instruction of stream) if ('target' in instruction) targets.add(instruction.target)
  const lines: string[] = []
  stream.forEach((instruction, index) => {
    if (targets.has(index)) lines.push(`L${index}:`)
    lines.push(`  ${formatInstruction(instruction)}`)
  })
  return lines
}

/**
 * A program as assembly text that `assemble` reads back into an equal program (core labels have
 * whitespace replaced by `_`).
 * @since 0.1.0
 */
export function disassemble(program: PumaProgram): string {
  const m = program.machine
  const lines = [
    `.machine tiles=${m.tiles} cores=${m.coresPerTile} mvmus=${m.mvmusPerCore} rows=${m.rows} columns=${m.columns} registers=${m.registerWords} memory=${m.sharedMemoryWords} fraction=${m.fractionBits}`,
  ]
  for (const input of program.inputs) {
    const runs: string[] = []
    for (let i = 0; i + 1 < input.countRuns.length; i += 2) runs.push(`${input.countRuns[i]}*${input.countRuns[i + 1]}`)
    lines.push(`.input ${input.name} tile=${input.tile} address=${input.address} length=${input.length} offset=${input.offset} counts=${runs.join(',')}`)
  }
  for (const output of program.outputs) lines.push(`.output ${output.name} tile=${output.tile} address=${output.address} length=${output.length} offset=${output.offset}`)
  for (const matrix of program.matrices) lines.push(`.matrix tile=${matrix.tile} core=${matrix.core} mvmu=${matrix.mvmu} data=${int16ToBase64(matrix.weights)}`)
  program.tiles.forEach((tile, tileIndex) => {
    if (tile.program.length > 0) lines.push(`.tile ${tileIndex}`, ...formatStream(tile.program))
    tile.cores.forEach((core, coreIndex) => {
      const label = (tile.coreLabels[coreIndex] ?? '').replace(/\s+/g, '_')
      if (core.length === 0 && label === '') return
      lines.push(`.core ${tileIndex} ${coreIndex}${label === '' ? '' : ` label=${label}`}`, ...formatStream(core))
    })
  })
  return `${lines.join('\n')}\n`
}
