import { describe, expect, it } from 'vitest'
import { assemble } from './assemble.js'
import { decodeProgram, encodeProgram } from './binary-encoding.js'
import { disassemble } from './disassemble.js'
import { PumaAssemblyError, PumaEncodingError } from './puma-errors.js'

const MACHINE = '.machine tiles=2 cores=2 mvmus=2 rows=4 columns=4 registers=32 memory=256 fraction=12'

// Every opcode, both addressing modes, labels, I/O regions and a matrix.
const SOURCE = `${MACHINE}
.input x tile=0 address=0 length=8 counts=2*4,1*4
.output y tile=1 address=16 length=4 offset=0
.matrix tile=0 core=1 mvmu=1 data=${'AAABAAIAAwAEAAUABgAHAAgACQAKAAsADAANAA4ADwA='}
.tile 0
  send @0, 8, 1       ; to tile 1
  hlt
.tile 1
  receive @0, 8, 1, 0
  hlt
.core 0 1 label=layer1
  set r16, 3, 1
  set r17, 0, 1
loop:
  load r0, @0, 4
  load r4, [r16], 4
  mvm 0b11, 1
  alu add r24, r8, r12, 4
  alu relu r24, r24, 4
  alui mul r24, r24, 2048, 4
  aluint sub r16, r16, r18
  copy r28, r24, 4
  store @16, r28, 1, 4
  store [r17], r28, 2, 4
  nop
  blt r17, r16, loop
  beq r17, r16, done
  bne r17, r16, loop
  jmp done
done:
  hlt
`

describe('PUMA assembler and disassembler', () => {
  it('assembles every instruction class with labels resolved to indices', () => {
    const program = assemble(SOURCE)
    const core = program.tiles[0]?.cores[1] ?? []
    expect(core).toHaveLength(18)
    expect(core[2]).toEqual({ op: 'load', dest: 0, address: { mode: 'immediate', value: 0 }, width: 4 })
    expect(core[3]).toEqual({ op: 'load', dest: 4, address: { mode: 'register', register: 16 }, width: 4 })
    expect(core[4]).toEqual({ op: 'mvm', mask: 3, shift: 1 })
    expect(core[13]).toEqual({ op: 'blt', src1: 17, src2: 16, target: 2 })
    expect(core[16]).toEqual({ op: 'jmp', target: 17 })
    expect(program.tiles[0]?.coreLabels[1]).toBe('layer1')
    expect(program.matrices[0]?.weights[15]).toBe(15)
    expect(program.inputs[0]?.countRuns).toEqual([2, 4, 1, 4])
  })

  it('round-trips text → program → text → program and program → binary → program', () => {
    const program = assemble(SOURCE)
    const text = disassemble(program)
    expect(assemble(text)).toEqual(program)
    expect(disassemble(assemble(text))).toBe(text)
    const bytes = encodeProgram(program)
    expect(decodeProgram(bytes)).toEqual(program)
    expect(bytes.byteLength).toBeGreaterThan(20 * 21)
  })

  it.each([
    ['unknown instruction', '.core 0 0\n  frobnicate r1', 3, /unknown instruction "frobnicate"/],
    ['bad register', '.core 0 0\n  copy x1, r2, 4', 3, /dest: expected a register/],
    ['register out of range', '.core 0 0\n  copy r100, r0, 4', 3, /outside the 48 registers/],
    ['undefined label', '.core 0 0\n  nop\n  jmp nowhere', 4, /undefined label "nowhere"/],
    ['tile-only opcode in a core', '.core 0 0\n  send @0, 4, 1', 3, /"send" is not a core instruction/],
    ['bad mask', '.core 0 0\n  mvm 4', 3, /mvm mask 4/],
    ['wrong operand count', '.core 0 0\n  alu add r1, r2, 4', 3, /takes 4 operands/],
    ['memory out of range', '.core 0 0\n  load r0, @254, 4', 3, /outside the 256-word shared memory/],
    ['unknown ALU op', '.core 0 0\n  alu fma r0, r1, r2, 4', 3, /unknown ALU operation "fma"/],
    ['immediate out of range', '.core 0 0\n  set r0, 40000, 1', 3, /not a 16-bit word/],
    ['instruction before a section', '  hlt', 2, /outside a \.tile or \.core section/],
    ['duplicate label', '.core 0 0\na:\na: hlt', 4, /defined twice/],
  ])('rejects %s with its line number', (_name, body, line, message) => {
    const run = () => assemble(`${MACHINE}\n${body}\n`)
    expect(run).toThrow(PumaAssemblyError)
    expect(run).toThrow(message)
    try {
      run()
    } catch (error) {
      expect((error as PumaAssemblyError).line).toBe(line)
    }
  })

  it('requires .machine first', () => {
    expect(() => assemble('.core 0 0\nhlt')).toThrow(/line 1: \.machine must come first/)
  })

  it('rejects corrupted binaries', () => {
    const bytes = encodeProgram(assemble(SOURCE))
    expect(() => decodeProgram(bytes.slice(0, bytes.length - 3))).toThrow(PumaEncodingError)
    const badMagic = bytes.slice()
    badMagic[0] = 0
    expect(() => decodeProgram(badMagic)).toThrow(/bad magic/)
  })
})
