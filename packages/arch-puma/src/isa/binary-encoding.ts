import type { PumaInstruction } from './instruction.js'
import { ALU_OP_NAMES, ALU_OPS, OPCODE_NAMES, OPCODES } from './opcodes.js'
import type { AluOp } from './opcodes.js'
import { PumaEncodingError } from './puma-errors.js'
import type { PumaProgram, PumaTileProgram } from './program.js'
import { validateProgram } from './validate-program.js'

const MAGIC = 0x414d5550 // "PUMA" little-endian
const VERSION = 1
/** Bytes per encoded instruction: opcode, ALU op, flags, pad, then four int32 fields. */
const INSTRUCTION_BYTES = 20
const FLAG_REGISTER_ADDRESS = 1

type Fields = readonly [number, number, number, number]

function instructionFields(instruction: PumaInstruction): { readonly aluOp: number; readonly flags: number; readonly fields: Fields } {
  const none = { aluOp: 0, flags: 0 }
  switch (instruction.op) {
    case 'nop':
    case 'hlt':
      return { ...none, fields: [0, 0, 0, 0] }
    case 'mvm':
      return { ...none, fields: [instruction.mask, instruction.shift, 0, 0] }
    case 'alu':
    case 'aluint':
      return { aluOp: ALU_OPS[instruction.aluOp], flags: 0, fields: [instruction.dest, instruction.src1, instruction.src2, instruction.op === 'alu' ? instruction.width : 1] }
    case 'alui':
      return { aluOp: ALU_OPS[instruction.aluOp], flags: 0, fields: [instruction.dest, instruction.src1, instruction.immediate, instruction.width] }
    case 'set':
      return { ...none, fields: [instruction.dest, instruction.immediate, 0, instruction.width] }
    case 'copy':
      return { ...none, fields: [instruction.dest, instruction.src, 0, instruction.width] }
    case 'load': {
      const indirect = instruction.address.mode === 'register'
      const address = instruction.address.mode === 'register' ? instruction.address.register : instruction.address.value
      return { aluOp: 0, flags: indirect ? FLAG_REGISTER_ADDRESS : 0, fields: [instruction.dest, address, 0, instruction.width] }
    }
    case 'store': {
      const indirect = instruction.address.mode === 'register'
      const address = instruction.address.mode === 'register' ? instruction.address.register : instruction.address.value
      return { aluOp: 0, flags: indirect ? FLAG_REGISTER_ADDRESS : 0, fields: [address, instruction.src, instruction.count, instruction.width] }
    }
    case 'jmp':
      return { ...none, fields: [instruction.target, 0, 0, 0] }
    case 'beq':
    case 'bne':
    case 'blt':
      return { ...none, fields: [instruction.target, instruction.src1, instruction.src2, 0] }
    case 'send':
      return { ...none, fields: [instruction.address, instruction.tile, 0, instruction.width] }
    case 'receive':
      return { ...none, fields: [instruction.address, instruction.tile, instruction.count, instruction.width] }
  }
}

function instructionFromFields(opcode: number, aluCode: number, flags: number, f: Fields): PumaInstruction {
  const op = OPCODE_NAMES[opcode]
  if (op === undefined) throw new PumaEncodingError(`unknown opcode ${opcode}`)
  const aluOp = (): AluOp => {
    const name = ALU_OP_NAMES[aluCode]
    if (name === undefined) throw new PumaEncodingError(`unknown ALU operation ${aluCode}`)
    return name
  }
  const address = flags & FLAG_REGISTER_ADDRESS ? ({ mode: 'register', register: f[1] } as const) : ({ mode: 'immediate', value: f[1] } as const)
  switch (op) {
    case 'nop':
    case 'hlt':
      return { op }
    case 'mvm':
      return { op, mask: f[0], shift: f[1] }
    case 'alu':
      return { op, aluOp: aluOp(), dest: f[0], src1: f[1], src2: f[2], width: f[3] }
    case 'aluint':
      return { op, aluOp: aluOp(), dest: f[0], src1: f[1], src2: f[2] }
    case 'alui':
      return { op, aluOp: aluOp(), dest: f[0], src1: f[1], immediate: f[2], width: f[3] }
    case 'set':
      return { op, dest: f[0], immediate: f[1], width: f[3] }
    case 'copy':
      return { op, dest: f[0], src: f[1], width: f[3] }
    case 'load':
      return { op, dest: f[0], address, width: f[3] }
    case 'store': {
      const storeAddress = flags & FLAG_REGISTER_ADDRESS ? ({ mode: 'register', register: f[0] } as const) : ({ mode: 'immediate', value: f[0] } as const)
      return { op, address: storeAddress, src: f[1], count: f[2], width: f[3] }
    }
    case 'jmp':
      return { op, target: f[0] }
    case 'beq':
    case 'bne':
    case 'blt':
      return { op, target: f[0], src1: f[1], src2: f[2] }
    case 'send':
      return { op, address: f[0], tile: f[1], width: f[3] }
    case 'receive':
      return { op, address: f[0], tile: f[1], count: f[2], width: f[3] }
  }
}

class Writer {
  private bytes = new Uint8Array(1024)
  private view = new DataView(this.bytes.buffer)
  length = 0
  private reserve(count: number): void {
    if (this.length + count <= this.bytes.length) return
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + count))
    grown.set(this.bytes)
    this.bytes = grown
    this.view = new DataView(grown.buffer)
  }
  u8(value: number): void { this.reserve(1); this.view.setUint8(this.length, value); this.length += 1 }
  u16(value: number): void { this.reserve(2); this.view.setUint16(this.length, value, true); this.length += 2 }
  i16(value: number): void { this.reserve(2); this.view.setInt16(this.length, value, true); this.length += 2 }
  u32(value: number): void { this.reserve(4); this.view.setUint32(this.length, value, true); this.length += 4 }
  i32(value: number): void { this.reserve(4); this.view.setInt32(this.length, value, true); this.length += 4 }
  text(value: string): void { this.u32(value.length); for (let i = 0; i < value.length; i++) this.u16(value.charCodeAt(i)) }
  result(): Uint8Array { return this.bytes.slice(0, this.length) }
}

class Reader {
  private offset = 0
  private readonly view: DataView
  constructor(private readonly bytes: Uint8Array) { this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength) }
  private need(count: number): void { if (this.offset + count > this.bytes.length) throw new PumaEncodingError(`truncated program at byte ${this.offset}`) }
  u8(): number { this.need(1); const v = this.view.getUint8(this.offset); this.offset += 1; return v }
  u16(): number { this.need(2); const v = this.view.getUint16(this.offset, true); this.offset += 2; return v }
  i16(): number { this.need(2); const v = this.view.getInt16(this.offset, true); this.offset += 2; return v }
  u32(): number { this.need(4); const v = this.view.getUint32(this.offset, true); this.offset += 4; return v }
  i32(): number { this.need(4); const v = this.view.getInt32(this.offset, true); this.offset += 4; return v }
  text(): string { const n = this.u32(); this.need(2 * n); let s = ''; for (let i = 0; i < n; i++) s += String.fromCharCode(this.u16()); return s }
  done(): boolean { return this.offset === this.bytes.length }
}

function writeStream(writer: Writer, stream: readonly PumaInstruction[]): void {
  writer.u32(stream.length)
  for (const instruction of stream) {
    const { aluOp, flags, fields } = instructionFields(instruction)
    writer.u8(OPCODES[instruction.op])
    writer.u8(aluOp)
    writer.u8(flags)
    writer.u8(0)
    for (const field of fields) writer.i32(field)
  }
}

function readStream(reader: Reader): PumaInstruction[] {
  const length = reader.u32()
  const stream: PumaInstruction[] = []
  for (let i = 0; i < length; i++) {
    const opcode = reader.u8()
    const aluCode = reader.u8()
    const flags = reader.u8()
    reader.u8()
    stream.push(instructionFromFields(opcode, aluCode, flags, [reader.i32(), reader.i32(), reader.i32(), reader.i32()]))
  }
  return stream
}

/**
 * Binary form of a program: a `PUMA` header with a format version, the machine shape, I/O regions,
 * MVMU weights (int16) and every instruction stream at 20 bytes per instruction (opcode, ALU op,
 * addressing flags, four int32 operand fields). The real PUMA packs instructions into 48 bits; this
 * wider layout keeps 22-bit addresses and 16-bit widths unpacked.
 * @since 0.1.0
 */
export function encodeProgram(program: PumaProgram): Uint8Array {
  const writer = new Writer()
  writer.u32(MAGIC)
  writer.u16(VERSION)
  writer.u16(INSTRUCTION_BYTES)
  const m = program.machine
  for (const value of [m.tiles, m.coresPerTile, m.mvmusPerCore, m.rows, m.columns, m.registerWords, m.sharedMemoryWords, m.fractionBits]) writer.u32(value)
  writer.u32(program.inputs.length)
  for (const input of program.inputs) {
    writer.text(input.name)
    for (const value of [input.tile, input.address, input.length, input.offset, input.countRuns.length, ...input.countRuns]) writer.u32(value)
  }
  writer.u32(program.outputs.length)
  for (const output of program.outputs) {
    writer.text(output.name)
    for (const value of [output.tile, output.address, output.length, output.offset]) writer.u32(value)
  }
  writer.u32(program.matrices.length)
  for (const matrix of program.matrices) {
    for (const value of [matrix.tile, matrix.core, matrix.mvmu, matrix.weights.length]) writer.u32(value)
    for (const weight of matrix.weights) writer.i16(weight)
  }
  for (const tile of program.tiles) {
    writeStream(writer, tile.program)
    tile.cores.forEach((core, index) => {
      writer.text(tile.coreLabels[index] ?? '')
      writeStream(writer, core)
    })
  }
  return writer.result()
}

/** Reads a program written by `encodeProgram` and validates it; throws `PumaEncodingError` on malformed bytes. @since 0.1.0 */
export function decodeProgram(bytes: Uint8Array): PumaProgram {
  const reader = new Reader(bytes)
  if (reader.u32() !== MAGIC) throw new PumaEncodingError('not a PUMA program (bad magic)')
  const version = reader.u16()
  if (version !== VERSION) throw new PumaEncodingError(`unsupported program format version ${version}`)
  if (reader.u16() !== INSTRUCTION_BYTES) throw new PumaEncodingError('unexpected instruction size')
  const [tiles, coresPerTile, mvmusPerCore, rows, columns, registerWords, sharedMemoryWords, fractionBits] = Array.from({ length: 8 }, () => reader.u32()) as [number, number, number, number, number, number, number, number]
  const machine = { tiles, coresPerTile, mvmusPerCore, rows, columns, registerWords, sharedMemoryWords, fractionBits }
  const inputs = Array.from({ length: reader.u32() }, () => {
    const name = reader.text()
    const [tile, address, length, offset, runCount] = [reader.u32(), reader.u32(), reader.u32(), reader.u32(), reader.u32()]
    return { name, tile, address, length, offset, countRuns: Array.from({ length: runCount }, () => reader.u32()) }
  })
  const outputs = Array.from({ length: reader.u32() }, () => {
    const name = reader.text()
    return { name, tile: reader.u32(), address: reader.u32(), length: reader.u32(), offset: reader.u32() }
  })
  const matrices = Array.from({ length: reader.u32() }, () => {
    const [tile, core, mvmu, length] = [reader.u32(), reader.u32(), reader.u32(), reader.u32()]
    const weights = new Int16Array(length)
    for (let i = 0; i < length; i++) weights[i] = reader.i16()
    return { tile, core, mvmu, weights }
  })
  const tilePrograms: PumaTileProgram[] = Array.from({ length: tiles }, () => {
    const program = readStream(reader)
    const coreLabels: string[] = []
    const cores = Array.from({ length: coresPerTile }, () => {
      coreLabels.push(reader.text())
      return readStream(reader)
    })
    return { program, cores, coreLabels }
  })
  if (!reader.done()) throw new PumaEncodingError('trailing bytes after the program')
  const program = { machine, tiles: tilePrograms, matrices, inputs, outputs }
  try {
    validateProgram(program)
  } catch (error) {
    throw new PumaEncodingError(`decoded program is invalid: ${(error as Error).message}`, { cause: error })
  }
  return program
}
