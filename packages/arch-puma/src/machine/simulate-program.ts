import { coreRegisterCount } from '../isa/check-instruction.js'
import { PumaDeadlockError, PumaProgramError } from '../isa/puma-errors.js'
import type { PumaProgram } from '../isa/program.js'
import { expandCountRuns } from '../isa/program.js'
import { validateProgram } from '../isa/validate-program.js'
import { dequantizeArray, quantizeArray } from './fixed-point.js'
import type { ExecutionContext } from './execute-instruction.js'
import { executeInstruction } from './execute-instruction.js'
import { instructionTimingSchema } from './instruction-timing.js'
import type { InstructionTimingOptions } from './instruction-timing.js'
import type { AgentState, TileState, UnitActivity } from './machine-state.js'
import { createSharedMemory } from './machine-state.js'
import { idealMvm } from './mvm-function.js'
import type { MvmFunction, MvmuBlock } from './mvm-function.js'

/** How to run a program. @since 0.1.0 */
export interface SimulateProgramOptions {
  /** MVMU arithmetic; default `idealMvm()`. */
  readonly mvm?: MvmFunction
  readonly timing?: InstructionTimingOptions
  /** Bits per cell, for counting weight slices (PUMA: 2 → 8 slices). */
  readonly bitsPerCell?: number
  /** Energy of each unit's actions, joules (`[unit][action]`); when given, dynamic energy is reported. */
  readonly energyPerActionJ?: Readonly<Record<string, Readonly<Record<string, number>>>>
  /** Stops a program that never halts, default 50 000 000 instructions. */
  readonly maxInstructions?: number
}

/** What a run produced and what it cost. @since 0.1.0 */
export interface PumaSimulationResult {
  /** Each named output, dequantized. */
  readonly outputs: Record<string, Float32Array>
  /** Each named output as raw fixed-point words. */
  readonly rawOutputs: Record<string, Int16Array>
  /** Cycles until the last agent halted. */
  readonly cycles: number
  readonly latencyS: number
  /** Instructions executed, by opcode. */
  readonly instructionCounts: Record<string, number>
  /** Cycles agents spent executing each opcode (summed over agents). */
  readonly busyCycles: Record<string, number>
  /** Action counts by label (core layer or tile), unit and action. */
  readonly activity: UnitActivity
  /** Action counts by opcode, unit and action. */
  readonly activityByOpcode: UnitActivity
  /** Dynamic energy by unit, joules; null without `energyPerActionJ`. */
  readonly energyByUnitJ: Record<string, number> | null
  /** Dynamic energy by instruction class (opcode), joules; null without `energyPerActionJ`. */
  readonly energyByOpcodeJ: Record<string, number> | null
  readonly dynamicEnergyJ: number | null
}

function buildAgents(program: PumaProgram): AgentState[] {
  const registers = coreRegisterCount(program.machine)
  const agents: AgentState[] = []
  program.tiles.forEach((tile, t) => {
    agents.push({ kind: 'tile', tile: t, core: -1, label: `tile${t}`, program: tile.program, registers: new Int16Array(0), pc: 0, timeCycles: 0, halted: false, waitingFor: null })
    tile.cores.forEach((core, c) => {
      const label = tile.coreLabels[c] === undefined || tile.coreLabels[c] === '' ? `tile${t}/core${c}` : (tile.coreLabels[c] as string)
      agents.push({ kind: 'core', tile: t, core: c, label, program: core, registers: new Int16Array(registers), pc: 0, timeCycles: 0, halted: core.length === 0, waitingFor: null })
    })
  })
  for (const agent of agents) if (agent.kind === 'tile' && agent.program.length === 0) agent.halted = true
  return agents
}

/**
 * Runs a PUMA program functionally and counts its cost: every core and tile control unit executes
 * its stream in order; loads wait for valid shared-memory entries and consume their counts, stores
 * wait for free entries, receives wait for messages; clocks advance by each instruction's latency
 * and by waiting. Raises `PumaDeadlockError` if the agents still running all wait on each other.
 * @since 0.1.0
 */
export function simulateProgram(program: PumaProgram, inputs: Readonly<Record<string, Float32Array>>, options: SimulateProgramOptions = {}): PumaSimulationResult {
  validateProgram(program)
  const machine = program.machine
  const format = { bits: 16, fractionBits: machine.fractionBits }
  const timing = instructionTimingSchema.parse(options.timing ?? {})
  const tiles: TileState[] = program.tiles.map(() => ({ memory: createSharedMemory(machine.sharedMemoryWords), queues: new Map() }))
  for (const region of program.inputs) {
    const values = inputs[region.name]
    if (values === undefined || values.length < region.offset + region.length) throw new PumaProgramError(`input "${region.name}" needs at least ${region.offset + region.length} values, got ${values?.length ?? 'none'}`)
    const memory = (tiles[region.tile] as TileState).memory
    memory.words.set(quantizeArray(values.subarray(region.offset, region.offset + region.length), format), region.address)
    const counts = expandCountRuns(region.countRuns, region.length)
    for (let i = 0; i < region.length; i++) {
      memory.count[region.address + i] = counts[i] as number
      memory.valid[region.address + i] = (counts[i] as number) > 0 ? 1 : 0
    }
  }
  const blocks = new Map<string, MvmuBlock>()
  for (const matrix of program.matrices) {
    const id = `${matrix.tile}/${matrix.core}/${matrix.mvmu}`
    blocks.set(id, { id, rows: machine.rows, columns: machine.columns, weights: matrix.weights, fractionBits: machine.fractionBits })
  }
  const context: ExecutionContext = {
    machine,
    format,
    timing,
    tiles,
    blocks,
    mvm: options.mvm ?? idealMvm(),
    slices: 16 / (options.bitsPerCell ?? 2),
    activity: {},
    opcodeActivity: {},
    instructionCounts: {},
    busyCycles: {},
  }
  const agents = buildAgents(program)
  const limit = options.maxInstructions ?? 50_000_000
  let executed = 0
  for (;;) {
    let progressed = false
    for (const agent of agents) {
      while (!agent.halted) {
        const outcome = executeInstruction(agent, context)
        if (outcome === 'blocked') break
        progressed = true
        if (++executed > limit) throw new PumaProgramError(`stopped after ${limit} instructions: the program does not halt`)
      }
    }
    const running = agents.filter((agent) => !agent.halted)
    if (running.length === 0) break
    if (!progressed) throw new PumaDeadlockError(running.map((agent) => `${agent.kind === 'tile' ? `tile ${agent.tile}` : `tile ${agent.tile} core ${agent.core}`} ${agent.waitingFor ?? ''}`))
  }
  const rawOutputs: Record<string, Int16Array> = {}
  for (const region of program.outputs) {
    const memory = (tiles[region.tile] as TileState).memory
    for (let i = 0; i < region.length; i++) {
      if (memory.valid[region.address + i] === 0) throw new PumaProgramError(`output "${region.name}" word ${region.offset + i} (tile ${region.tile} @${region.address + i}) was never written`)
    }
    const size = Math.max(rawOutputs[region.name]?.length ?? 0, region.offset + region.length)
    const merged = new Int16Array(size)
    if (rawOutputs[region.name] !== undefined) merged.set(rawOutputs[region.name] as Int16Array)
    merged.set(memory.words.subarray(region.address, region.address + region.length), region.offset)
    rawOutputs[region.name] = merged
  }
  const outputs: Record<string, Float32Array> = {}
  for (const [name, raw] of Object.entries(rawOutputs)) outputs[name] = dequantizeArray(raw, format)
  const cycles = Math.max(0, ...agents.map((agent) => agent.timeCycles))
  let energyByUnitJ: Record<string, number> | null = null
  let energyByOpcodeJ: Record<string, number> | null = null
  let dynamicEnergyJ: number | null = null
  const table = options.energyPerActionJ
  if (table !== undefined) {
    const byUnit: Record<string, number> = {}
    const byOpcode: Record<string, number> = {}
    let total = 0
    for (const [opcode, units] of Object.entries(context.opcodeActivity)) {
      for (const [unit, actions] of Object.entries(units)) {
        for (const [action, count] of Object.entries(actions)) {
          const energy = count * (table[unit]?.[action] ?? 0)
          byUnit[unit] = (byUnit[unit] ?? 0) + energy
          byOpcode[opcode] = (byOpcode[opcode] ?? 0) + energy
          total += energy
        }
      }
    }
    energyByUnitJ = byUnit
    energyByOpcodeJ = byOpcode
    dynamicEnergyJ = total
  }
  return {
    outputs,
    rawOutputs,
    cycles,
    latencyS: cycles / timing.clockHz,
    instructionCounts: context.instructionCounts,
    busyCycles: context.busyCycles,
    activity: context.activity,
    activityByOpcode: context.opcodeActivity,
    energyByUnitJ,
    energyByOpcodeJ,
    dynamicEnergyJ,
  }
}
