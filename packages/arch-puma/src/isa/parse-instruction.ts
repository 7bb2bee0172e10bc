import type { MemoryAddress, PumaInstruction } from './instruction.js'
import { ALU_OPS, UNARY_ALU_OPS } from './opcodes.js'
import type { AluOp } from './opcodes.js'
import { LABEL_PATTERN, parseInteger, parseMemoryAddress, parseRegister } from './operand-syntax.js'

/** A jump whose target is still a label name. @since 0.1.0 */
export interface PendingTarget {
  readonly label: string
}

/** An instruction as parsed from one line; jump targets may still name labels. @since 0.1.0 */
export type ParsedInstruction = { readonly instruction: PumaInstruction; readonly label: string | null }

type Operands = readonly string[]

class OperandError extends Error {}

function expectCount(mnemonic: string, operands: Operands, counts: readonly number[]): void {
  if (!counts.includes(operands.length)) throw new OperandError(`${mnemonic} takes ${counts.join(' or ')} operands, got ${operands.length}`)
}

function register(token: string | undefined, role: string): number {
  const value = token === undefined ? null : parseRegister(token)
  if (value === null) throw new OperandError(`${role}: expected a register like r12, got "${token ?? ''}"`)
  return value
}

function integer(token: string | undefined, role: string): number {
  const value = token === undefined ? null : parseInteger(token)
  if (value === null) throw new OperandError(`${role}: expected an integer, got "${token ?? ''}"`)
  return value
}

function memoryAddress(token: string | undefined): MemoryAddress {
  const value = token === undefined ? null : parseMemoryAddress(token)
  if (value === null) throw new OperandError(`address: expected @<word> or [r<N>], got "${token ?? ''}"`)
  return value
}

function aluOp(token: string | undefined): AluOp {
  if (token === undefined || !(token in ALU_OPS)) throw new OperandError(`unknown ALU operation "${token ?? ''}" (one of ${Object.keys(ALU_OPS).join(', ')})`)
  return token as AluOp
}

/** A target: an integer instruction index or a label resolved later (-1 placeholder). */
function target(token: string | undefined): { readonly index: number; readonly label: string | null } {
  if (token === undefined) throw new OperandError('missing jump target')
  const index = parseInteger(token)
  if (index !== null) return { index, label: null }
  if (!LABEL_PATTERN.test(token)) throw new OperandError(`jump target "${token}" is neither a label nor an instruction index`)
  return { index: -1, label: token }
}

/**
 * Parses one instruction line (`mnemonic operand, operand…`; an ALU instruction names its
 * operation after the mnemonic). Throws an Error with a message that the assembler prefixes with
 * the line number.
 * @since 0.1.0
 */
export function parseInstruction(text: string): ParsedInstruction {
  const space = text.search(/\s/)
  const mnemonic = space < 0 ? text : text.slice(0, space)
  let rest = space < 0 ? '' : text.slice(space).trim()
  let operation: AluOp | null = null
  if (mnemonic === 'alu' || mnemonic === 'alui' || mnemonic === 'aluint') {
    const opEnd = rest.search(/\s/)
    operation = aluOp(opEnd < 0 ? rest : rest.slice(0, opEnd))
    rest = opEnd < 0 ? '' : rest.slice(opEnd).trim()
  }
  const operands = rest === '' ? [] : rest.split(',').map((token) => token.trim())
  if (operands.some((token) => token === '')) throw new OperandError('empty operand')
  const plain = (instruction: PumaInstruction): ParsedInstruction => ({ instruction, label: null })
  switch (mnemonic) {
    case 'nop':
    case 'hlt':
      expectCount(mnemonic, operands, [0])
      return plain({ op: mnemonic })
    case 'mvm':
      expectCount(mnemonic, operands, [1, 2])
      return plain({ op: 'mvm', mask: integer(operands[0], 'mask'), shift: operands.length === 2 ? integer(operands[1], 'shift') : 0 })
    case 'alu': {
      const op = operation as AluOp
      if (UNARY_ALU_OPS.has(op)) {
        expectCount(`alu ${op}`, operands, [3])
        return plain({ op: 'alu', aluOp: op, dest: register(operands[0], 'dest'), src1: register(operands[1], 'src1'), src2: 0, width: integer(operands[2], 'width') })
      }
      expectCount(`alu ${op}`, operands, [4])
      return plain({ op: 'alu', aluOp: op, dest: register(operands[0], 'dest'), src1: register(operands[1], 'src1'), src2: register(operands[2], 'src2'), width: integer(operands[3], 'width') })
    }
    case 'alui':
      expectCount('alui', operands, [4])
      return plain({ op: 'alui', aluOp: operation as AluOp, dest: register(operands[0], 'dest'), src1: register(operands[1], 'src1'), immediate: integer(operands[2], 'immediate'), width: integer(operands[3], 'width') })
    case 'aluint': {
      const op = operation as AluOp
      const unary = UNARY_ALU_OPS.has(op)
      expectCount(`aluint ${op}`, operands, [unary ? 2 : 3])
      return plain({ op: 'aluint', aluOp: op, dest: register(operands[0], 'dest'), src1: register(operands[1], 'src1'), src2: unary ? 0 : register(operands[2], 'src2') })
    }
    case 'set':
      expectCount('set', operands, [3])
      return plain({ op: 'set', dest: register(operands[0], 'dest'), immediate: integer(operands[1], 'immediate'), width: integer(operands[2], 'width') })
    case 'copy':
      expectCount('copy', operands, [3])
      return plain({ op: 'copy', dest: register(operands[0], 'dest'), src: register(operands[1], 'src'), width: integer(operands[2], 'width') })
    case 'load':
      expectCount('load', operands, [3])
      return plain({ op: 'load', dest: register(operands[0], 'dest'), address: memoryAddress(operands[1]), width: integer(operands[2], 'width') })
    case 'store':
      expectCount('store', operands, [4])
      return plain({ op: 'store', address: memoryAddress(operands[0]), src: register(operands[1], 'src'), count: integer(operands[2], 'count'), width: integer(operands[3], 'width') })
    case 'jmp': {
      expectCount('jmp', operands, [1])
      const to = target(operands[0])
      return { instruction: { op: 'jmp', target: to.index }, label: to.label }
    }
    case 'beq':
    case 'bne':
    case 'blt': {
      expectCount(mnemonic, operands, [3])
      const to = target(operands[2])
      return { instruction: { op: mnemonic, src1: register(operands[0], 'src1'), src2: register(operands[1], 'src2'), target: to.index }, label: to.label }
    }
    case 'send': {
      expectCount('send', operands, [3])
      const address = memoryAddress(operands[0])
      if (address.mode !== 'immediate') throw new OperandError('send takes an immediate @address')
      return plain({ op: 'send', address: address.value, width: integer(operands[1], 'width'), tile: integer(operands[2], 'tile') })
    }
    case 'receive': {
      expectCount('receive', operands, [4])
      const address = memoryAddress(operands[0])
      if (address.mode !== 'immediate') throw new OperandError('receive takes an immediate @address')
      return plain({ op: 'receive', address: address.value, width: integer(operands[1], 'width'), count: integer(operands[2], 'count'), tile: integer(operands[3], 'tile') })
    }
    default:
      throw new OperandError(`unknown instruction "${mnemonic}"`)
  }
}
