import type { PumaInstruction } from '../isa/instruction.js'
import { PumaProgramError } from '../isa/puma-errors.js'
import type { PumaMachineShape } from '../isa/program.js'
import type { CoreCode, CoreEntry } from './core-code.js'
import { VIRTUAL_REGISTER_BASE, VIRTUAL_REGISTER_SPAN } from './core-code.js'

function mapInstruction(instruction: PumaInstruction, map: (register: number) => number): PumaInstruction {
  switch (instruction.op) {
    case 'alu':
    case 'aluint':
      return { ...instruction, dest: map(instruction.dest), src1: map(instruction.src1), src2: map(instruction.src2) }
    case 'alui':
      return { ...instruction, dest: map(instruction.dest), src1: map(instruction.src1) }
    case 'set':
      return { ...instruction, dest: map(instruction.dest) }
    case 'copy':
      return { ...instruction, dest: map(instruction.dest), src: map(instruction.src) }
    case 'load':
      return { ...instruction, dest: map(instruction.dest), address: instruction.address.mode === 'register' ? { mode: 'register', register: map(instruction.address.register) } : instruction.address }
    case 'store':
      return { ...instruction, src: map(instruction.src), address: instruction.address.mode === 'register' ? { mode: 'register', register: map(instruction.address.register) } : instruction.address }
    case 'beq':
    case 'bne':
    case 'blt':
      return { ...instruction, src1: map(instruction.src1), src2: map(instruction.src2) }
    default:
      return instruction
  }
}

function mapEntry(entry: CoreEntry, map: (register: number) => number): CoreEntry {
  return 'instruction' in entry ? { instruction: mapInstruction(entry.instruction, map) } : { access: { ...entry.access, register: map(entry.access.register) } }
}

/**
 * Linear-scan register allocation: each virtual vector register lives from its first to its last
 * reference; live intervals get first-fit addresses in the general register file (after the MVMU
 * input and output registers). A core whose live vectors exceed the register file is rejected:
 * spilling to shared memory is not implemented.
 * @since 0.1.0
 */
export function allocateRegisters(code: CoreCode, machine: Omit<PumaMachineShape, 'tiles'>): CoreEntry[] {
  const count = code.virtualWidths.length
  const first = new Array<number>(count).fill(-1)
  const last = new Array<number>(count).fill(-1)
  const idOf = (register: number): number => (register >= VIRTUAL_REGISTER_BASE ? Math.floor((register - VIRTUAL_REGISTER_BASE) / VIRTUAL_REGISTER_SPAN) : -1)
  code.entries.forEach((entry, index) => {
    mapEntry(entry, (register) => {
      const id = idOf(register)
      if (id >= 0) {
        if (first[id] === -1) first[id] = index
        last[id] = index
      }
      return register
    })
  })
  const generalBase = machine.mvmusPerCore * (machine.rows + machine.columns)
  const physical = new Array<number>(count).fill(-1)
  const order = Array.from({ length: count }, (_, id) => id).filter((id) => first[id] !== -1).sort((a, b) => (first[a] as number) - (first[b] as number))
  const active: { id: number; start: number; end: number }[] = []
  for (const id of order) {
    for (let i = active.length - 1; i >= 0; i--) if ((last[(active[i] as { id: number }).id] as number) < (first[id] as number)) active.splice(i, 1)
    active.sort((a, b) => a.start - b.start)
    const width = code.virtualWidths[id] as number
    let address = 0
    for (const interval of active) {
      if (address + width <= interval.start) break
      address = Math.max(address, interval.end)
    }
    if (address + width > machine.registerWords) {
      throw new PumaProgramError(`core ${code.tile}/${code.core} (${code.label}) needs more than ${machine.registerWords} register words live at once; spilling is not implemented`)
    }
    physical[id] = address
    active.push({ id, start: address, end: address + width })
  }
  return code.entries.map((entry) =>
    mapEntry(entry, (register) => {
      const id = idOf(register)
      return id < 0 ? register : generalBase + (physical[id] as number) + ((register - VIRTUAL_REGISTER_BASE) % VIRTUAL_REGISTER_SPAN)
    }),
  )
}
