import type { PumaInstruction } from './instruction.js'
import { CORE_OPCODES, TILE_OPCODES } from './instruction.js'
import { UNARY_ALU_OPS } from './opcodes.js'
import type { PumaMachineShape } from './program.js'

/** Where an instruction sits, for operand checks. @since 0.1.0 */
export interface InstructionContext {
  readonly machine: PumaMachineShape
  readonly section: 'core' | 'tile'
  /** Instructions in the enclosing stream (jump targets must fall inside it). */
  readonly streamLength: number
}

/** Registers a core addresses: MVMU inputs, MVMU outputs, then the register file. @since 0.1.0 */
export function coreRegisterCount(machine: PumaMachineShape): number {
  return machine.mvmusPerCore * (machine.rows + machine.columns) + machine.registerWords
}

const isInt16 = (value: number): boolean => Number.isInteger(value) && value >= -32768 && value <= 32767

/**
 * Checks one instruction's operands against the machine: registers and memory ranges, widths,
 * masks, immediates, jump targets, and that the opcode belongs to the section. Returns a message,
 * or null when the instruction is valid.
 * @since 0.1.0
 */
export function checkInstruction(instruction: PumaInstruction, context: InstructionContext): string | null {
  const { machine } = context
  const allowed = context.section === 'core' ? CORE_OPCODES : TILE_OPCODES
  if (!allowed.has(instruction.op)) return `"${instruction.op}" is not a ${context.section} instruction`
  const registers = coreRegisterCount(machine)
  const vector = (name: string, start: number, width: number): string | null =>
    Number.isInteger(start) && start >= 0 && start + width <= registers ? null : `${name} r${start}..r${start + width - 1} is outside the ${registers} registers`
  const memory = (start: number, width: number): string | null =>
    Number.isInteger(start) && start >= 0 && start + width <= machine.sharedMemoryWords ? null : `address ${start}..${start + width - 1} is outside the ${machine.sharedMemoryWords}-word shared memory`
  const positiveWidth = (width: number): string | null => (Number.isInteger(width) && width >= 1 && width <= 65535 ? null : `width must be an integer in [1, 65535], got ${width}`)
  switch (instruction.op) {
    case 'nop':
    case 'hlt':
      return null
    case 'mvm':
      if (!(Number.isInteger(instruction.mask) && instruction.mask >= 1 && instruction.mask < 2 ** machine.mvmusPerCore)) return `mvm mask ${instruction.mask} must select 1..${machine.mvmusPerCore} MVMUs`
      if (!(Number.isInteger(instruction.shift) && instruction.shift >= 0 && instruction.shift < machine.rows)) return `mvm shift must be in [0, ${machine.rows}), got ${instruction.shift}`
      return null
    case 'alu':
      return positiveWidth(instruction.width) ?? vector('dest', instruction.dest, instruction.width) ?? vector('src1', instruction.src1, instruction.width) ?? (UNARY_ALU_OPS.has(instruction.aluOp) ? null : vector('src2', instruction.src2, instruction.width))
    case 'alui':
      return positiveWidth(instruction.width) ?? vector('dest', instruction.dest, instruction.width) ?? vector('src1', instruction.src1, instruction.width) ?? (isInt16(instruction.immediate) ? null : `immediate ${instruction.immediate} is not a 16-bit word`)
    case 'aluint':
      return vector('dest', instruction.dest, 1) ?? vector('src1', instruction.src1, 1) ?? (UNARY_ALU_OPS.has(instruction.aluOp) ? null : vector('src2', instruction.src2, 1))
    case 'set':
      return positiveWidth(instruction.width) ?? vector('dest', instruction.dest, instruction.width) ?? (isInt16(instruction.immediate) ? null : `immediate ${instruction.immediate} is not a 16-bit word`)
    case 'copy':
      return positiveWidth(instruction.width) ?? vector('dest', instruction.dest, instruction.width) ?? vector('src', instruction.src, instruction.width)
    case 'load':
      return positiveWidth(instruction.width) ?? vector('dest', instruction.dest, instruction.width) ?? (instruction.address.mode === 'immediate' ? memory(instruction.address.value, instruction.width) : vector('address register', instruction.address.register, 1))
    case 'store':
      if (!(Number.isInteger(instruction.count) && instruction.count >= 1 && instruction.count <= 65535)) return `store count must be in [1, 65535], got ${instruction.count}`
      return positiveWidth(instruction.width) ?? vector('src', instruction.src, instruction.width) ?? (instruction.address.mode === 'immediate' ? memory(instruction.address.value, instruction.width) : vector('address register', instruction.address.register, 1))
    case 'jmp':
    case 'beq':
    case 'bne':
    case 'blt': {
      const target = instruction.target
      if (!(Number.isInteger(target) && target >= 0 && target < context.streamLength)) return `jump target ${target} is outside the ${context.streamLength}-instruction stream`
      return instruction.op === 'jmp' ? null : (vector('src1', instruction.src1, 1) ?? vector('src2', instruction.src2, 1))
    }
    case 'send':
    case 'receive': {
      if (!(Number.isInteger(instruction.tile) && instruction.tile >= 0 && instruction.tile < machine.tiles)) return `tile ${instruction.tile} is outside the ${machine.tiles}-tile node`
      if (instruction.op === 'receive' && !(Number.isInteger(instruction.count) && instruction.count >= 1 && instruction.count <= 65535)) return `receive count must be in [1, 65535], got ${instruction.count}`
      return positiveWidth(instruction.width) ?? memory(instruction.address, instruction.width)
    }
  }
}
