import { formatInstruction } from '../isa/disassemble.js'
import type { MemoryAddress, PumaInstruction } from '../isa/instruction.js'
import { UNARY_ALU_OPS } from '../isa/opcodes.js'
import { PumaProgramError } from '../isa/puma-errors.js'
import type { PumaMachineShape } from '../isa/program.js'
import type { FixedPointFormat } from './fixed-point.js'
import type { InstructionTiming } from './instruction-timing.js'
import { instructionCycles } from './instruction-timing.js'
import type { AgentState, TileState, UnitActivity } from './machine-state.js'
import { countActivity } from './machine-state.js'
import type { MvmFunction, MvmuBlock } from './mvm-function.js'
import { integerAlu, vfuElement } from './vfu.js'

/** Everything an instruction may touch besides its agent. @since 0.1.0 */
export interface ExecutionContext {
  readonly machine: PumaMachineShape
  readonly format: FixedPointFormat
  readonly timing: InstructionTiming
  readonly tiles: readonly TileState[]
  /** MVMU blocks by `tile/core/mvmu`. */
  readonly blocks: ReadonlyMap<string, MvmuBlock>
  readonly mvm: MvmFunction
  /** Weight slices per MVMU (16 / bits per cell). */
  readonly slices: number
  readonly activity: UnitActivity
  /** The same counts keyed by opcode instead of label. */
  readonly opcodeActivity: UnitActivity
  readonly instructionCounts: Record<string, number>
  readonly busyCycles: Record<string, number>
}

/** What happened when an agent tried its next instruction. @since 0.1.0 */
export type StepOutcome = 'done' | 'blocked' | 'halted'

function resolveAddress(agent: AgentState, address: MemoryAddress): number {
  return address.mode === 'immediate' ? address.value : (agent.registers[address.register] as number) & 0xffff
}

function checkRange(agent: AgentState, start: number, width: number, size: number): void {
  if (start + width > size) throw new PumaProgramError(`tile ${agent.tile} core ${agent.core} instruction ${agent.pc}: address ${start}..${start + width - 1} is outside shared memory`)
}

/** Waits for words to be valid (load/send) and returns the cycle they are all ready, or null. */
function readyToRead(tile: TileState, start: number, width: number): number | null {
  let ready = 0
  const { valid, readyAtCycle } = tile.memory
  for (let w = start; w < start + width; w++) {
    if (valid[w] === 0) return null
    ready = Math.max(ready, readyAtCycle[w] as number)
  }
  return ready
}

function readyToWrite(tile: TileState, start: number, width: number): number | null {
  let ready = 0
  const { valid, readyAtCycle } = tile.memory
  for (let w = start; w < start + width; w++) {
    if (valid[w] === 1) return null
    ready = Math.max(ready, readyAtCycle[w] as number)
  }
  return ready
}

function consume(tile: TileState, start: number, width: number, out: Int16Array, outOffset: number, endCycle: number): void {
  const { words, valid, count, readyAtCycle } = tile.memory
  for (let w = 0; w < width; w++) {
    const address = start + w
    out[outOffset + w] = words[address] as number
    const left = (count[address] as number) - 1
    count[address] = left
    if (left === 0) {
      valid[address] = 0
      readyAtCycle[address] = endCycle
    }
  }
}

function produce(tile: TileState, start: number, data: Int16Array, dataOffset: number, width: number, readers: number, endCycle: number): void {
  const { words, valid, count, readyAtCycle } = tile.memory
  for (let w = 0; w < width; w++) {
    words[start + w] = data[dataOffset + w] as number
    valid[start + w] = 1
    count[start + w] = readers
    readyAtCycle[start + w] = endCycle
  }
}

/**
 * Executes the agent's next instruction if it can proceed: updates registers, shared memory and the
 * network, advances the agent's clock (waiting for data never moves time backwards) and counts the
 * activity of every unit involved. Returns `blocked` with `waitingFor` set when it must wait.
 * @since 0.1.0
 */
export function executeInstruction(agent: AgentState, context: ExecutionContext): StepOutcome {
  if (agent.pc >= agent.program.length) {
    agent.halted = true
    return 'halted'
  }
  const instruction = agent.program[agent.pc] as PumaInstruction
  const { machine, format, activity, slices } = context
  const tile = context.tiles[agent.tile] as TileState
  const cycles = instructionCycles(instruction, context.timing)
  const label = agent.label
  const count = (unit: string, action: string, amount: number): void => {
    countActivity(activity, label, unit, action, amount)
    countActivity(context.opcodeActivity, instruction.op, unit, action, amount)
  }
  const regs = agent.registers
  let start = agent.timeCycles
  let nextPc = agent.pc + 1
  const block = (reason: string): StepOutcome => {
    agent.waitingFor = `${reason} (instruction ${agent.pc}: ${formatInstruction(instruction)})`
    return 'blocked'
  }
  switch (instruction.op) {
    case 'nop':
      break
    case 'hlt':
      agent.halted = true
      break
    case 'mvm': {
      const inputBase = 0
      const outputBase = machine.mvmusPerCore * machine.rows
      const shuffled = new Int16Array(machine.rows)
      for (let m = 0; m < machine.mvmusPerCore; m++) {
        if (((instruction.mask >> m) & 1) === 0) continue
        const mvmu = context.blocks.get(`${agent.tile}/${agent.core}/${m}`)
        if (mvmu === undefined) throw new PumaProgramError(`tile ${agent.tile} core ${agent.core}: mvm on MVMU ${m}, which holds no matrix`)
        const inputRegister = regs.subarray(inputBase + m * machine.rows, inputBase + (m + 1) * machine.rows)
        for (let i = 0; i < machine.rows; i++) shuffled[i] = inputRegister[(i + instruction.shift) % machine.rows] as number
        context.mvm(mvmu, shuffled, regs.subarray(outputBase + m * machine.columns, outputBase + (m + 1) * machine.columns))
        const reads = slices * context.timing.inputBits
        count('array', 'mvm', reads)
        count('array', 'cellRead', reads * machine.rows * machine.columns)
        count('dac', 'drive', reads * machine.rows)
        count('adc', 'convert', reads * machine.columns)
        count('sampleHold', 'sample', reads * machine.columns)
        count('shiftAdd', 'add', reads * machine.columns)
        count('inputRegister', 'bytes', 2 * machine.rows)
        count('outputRegister', 'bytes', 2 * machine.columns)
      }
      break
    }
    case 'alu':
    case 'alui': {
      const unary = instruction.op === 'alu' && UNARY_ALU_OPS.has(instruction.aluOp)
      for (let i = 0; i < instruction.width; i++) {
        const b = instruction.op === 'alui' ? instruction.immediate : unary ? 0 : (regs[instruction.src2 + i] as number)
        regs[instruction.dest + i] = vfuElement(instruction.aluOp, regs[instruction.src1 + i] as number, b, format)
      }
      count('digital', 'op', instruction.width)
      count('registerFile', 'readBytes', 2 * instruction.width * (unary || instruction.op === 'alui' ? 1 : 2))
      count('registerFile', 'writeBytes', 2 * instruction.width)
      break
    }
    case 'aluint':
      regs[instruction.dest] = integerAlu(instruction.aluOp, regs[instruction.src1] as number, regs[instruction.src2] as number)
      count('digital', 'op', 1)
      break
    case 'set':
      regs.fill(instruction.immediate, instruction.dest, instruction.dest + instruction.width)
      count('registerFile', 'writeBytes', 2 * instruction.width)
      break
    case 'copy':
      regs.copyWithin(instruction.dest, instruction.src, instruction.src + instruction.width)
      count('registerFile', 'readBytes', 2 * instruction.width)
      count('registerFile', 'writeBytes', 2 * instruction.width)
      break
    case 'load': {
      const address = resolveAddress(agent, instruction.address)
      checkRange(agent, address, instruction.width, machine.sharedMemoryWords)
      const ready = readyToRead(tile, address, instruction.width)
      if (ready === null) return block(`waiting for shared memory @${address}..${address + instruction.width - 1} of tile ${agent.tile} to be valid`)
      start = Math.max(start, ready)
      consume(tile, address, instruction.width, regs, instruction.dest, start + cycles)
      count('buffer', 'readBytes', 2 * instruction.width)
      count('registerFile', 'writeBytes', 2 * instruction.width)
      break
    }
    case 'store': {
      const address = resolveAddress(agent, instruction.address)
      checkRange(agent, address, instruction.width, machine.sharedMemoryWords)
      const ready = readyToWrite(tile, address, instruction.width)
      if (ready === null) return block(`waiting for shared memory @${address}..${address + instruction.width - 1} of tile ${agent.tile} to be consumed`)
      start = Math.max(start, ready)
      produce(tile, address, regs, instruction.src, instruction.width, instruction.count, start + cycles)
      count('buffer', 'writeBytes', 2 * instruction.width)
      count('registerFile', 'readBytes', 2 * instruction.width)
      break
    }
    case 'jmp':
      nextPc = instruction.target
      break
    case 'beq':
    case 'bne':
    case 'blt': {
      const a = regs[instruction.src1] as number
      const b = regs[instruction.src2] as number
      const taken = instruction.op === 'beq' ? a === b : instruction.op === 'bne' ? a !== b : a < b
      if (taken) nextPc = instruction.target
      break
    }
    case 'send': {
      const ready = readyToRead(tile, instruction.address, instruction.width)
      if (ready === null) return block(`waiting for shared memory @${instruction.address}..${instruction.address + instruction.width - 1} to be valid before sending`)
      start = Math.max(start, ready)
      const data = new Int16Array(instruction.width)
      consume(tile, instruction.address, instruction.width, data, 0, start + cycles)
      const destination = context.tiles[instruction.tile] as TileState
      const queue = destination.queues.get(agent.tile) ?? []
      queue.push({ data, arrivalCycle: start + cycles })
      destination.queues.set(agent.tile, queue)
      count('buffer', 'readBytes', 2 * instruction.width)
      count('network', 'bytes', 2 * instruction.width)
      break
    }
    case 'receive': {
      const queue = tile.queues.get(instruction.tile)
      const message = queue?.[0]
      if (message === undefined) return block(`waiting for a message from tile ${instruction.tile}`)
      if (message.data.length !== instruction.width) throw new PumaProgramError(`tile ${agent.tile} instruction ${agent.pc}: received ${message.data.length} words from tile ${instruction.tile}, expected ${instruction.width}`)
      const ready = readyToWrite(tile, instruction.address, instruction.width)
      if (ready === null) return block(`waiting for shared memory @${instruction.address} to be consumed before receiving`)
      queue?.shift()
      start = Math.max(start, ready, message.arrivalCycle)
      produce(tile, instruction.address, message.data, 0, instruction.width, instruction.count, start + cycles)
      count('buffer', 'writeBytes', 2 * instruction.width)
      break
    }
  }
  count('instructionMemory', 'fetch', 1)
  context.instructionCounts[instruction.op] = (context.instructionCounts[instruction.op] ?? 0) + 1
  context.busyCycles[instruction.op] = (context.busyCycles[instruction.op] ?? 0) + cycles
  agent.timeCycles = start + cycles
  agent.pc = nextPc
  agent.waitingFor = null
  return agent.halted ? 'halted' : 'done'
}
