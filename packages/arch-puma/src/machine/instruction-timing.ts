import { z } from 'zod'
import type { PumaInstruction } from '../isa/instruction.js'
import { TRANSCENDENTAL_ALU_OPS } from '../isa/opcodes.js'

/**
 * Execute latencies in cycles, from the PUMA simulator's documentation (wiki "PUMA Core",
 * research/anchor-archsims.md §3.2 and §7 row 15): load/store = ⌈width·16/256⌉·3 (256-bit shared
 * memory bus, 3 cycles per access), ALU = width per VFU lane (×3 for transcendental functions),
 * copy/set = width, send/receive = 31 + width − 1, and MVM = (input bits + 2) × one crossbar pass
 * (the PUMA simulator's `xbComputeLatency_Analog`: inputs bit-streamed through a 3-stage crossbar →
 * S&H/ADC → shift-add pipeline; a pass is 100 ns for 128 columns on an 8-bit 1.28 GS/s ADC, so
 * 1.8 µs per 16-bit MVM, research/anchor-archsims.md §7 row 15).
 * @since 0.1.0
 */
export const instructionTimingSchema = z
  .object({
    clockHz: z.number().positive().default(1e9).describe('core clock, Hz (PUMA: 1.0 GHz, survey Table III)'),
    inputBits: z.number().int().min(1).max(16).default(16).describe('input bits streamed per MVM, one per read'),
    mvmPassCycles: z.number().int().min(1).default(100).describe('cycles of one crossbar pass (read + convert every column once); PUMA adc_lat_dict 8-bit: 100 ns'),
    vfuLanes: z.number().int().min(1).default(1).describe('VFU elements per cycle (PUMA wiki: width × 1 cycles)'),
    memoryBusBits: z.number().int().min(16).default(256).describe('shared-memory bus width, bits (PUMA edram_buswidth 256)'),
    memoryAccessCycles: z.number().int().min(1).default(3).describe('cycles per bus access of load/store'),
    networkLatencyCycles: z.number().int().min(0).default(31).describe('send/receive latency before the first word, cycles'),
    transcendentalCycles: z.number().int().min(1).default(3).describe('cycles per element of sig/tanh'),
  })
  .strict()

/** @since 0.1.0 */
export type InstructionTimingOptions = z.input<typeof instructionTimingSchema>
/** @since 0.1.0 */
export type InstructionTiming = z.output<typeof instructionTimingSchema>

/** Cycles one instruction occupies its agent. @since 0.1.0 */
export function instructionCycles(instruction: PumaInstruction, timing: InstructionTiming): number {
  switch (instruction.op) {
    case 'mvm':
      return (timing.inputBits + 2) * timing.mvmPassCycles
    case 'alu':
    case 'alui': {
      const perElement = TRANSCENDENTAL_ALU_OPS.has(instruction.aluOp) ? timing.transcendentalCycles : 1
      return Math.ceil(instruction.width / timing.vfuLanes) * perElement
    }
    case 'set':
    case 'copy':
      return instruction.width
    case 'load':
    case 'store':
      return Math.ceil((instruction.width * 16) / timing.memoryBusBits) * timing.memoryAccessCycles
    case 'send':
    case 'receive':
      return timing.networkLatencyCycles + instruction.width - 1
    default:
      return 1
  }
}
