import type { AluOp } from './opcodes.js'

/**
 * A shared-memory address: an immediate, or the value held in a register (register-indirect, so
 * loops can walk a buffer).
 * @since 0.1.0
 */
export type MemoryAddress = { readonly mode: 'immediate'; readonly value: number } | { readonly mode: 'register'; readonly register: number }

/**
 * One PUMA instruction. Registers are word addresses in the core's register space: the MVMUs'
 * input registers come first (`mvmu × rows`), then their output registers, then the general
 * register file (PUMA simulator `datamem_off`). All operands are encoded in the instruction
 * (research/seed-000-001.md §8.6). `width` is the vector length in 16-bit words.
 * @since 0.1.0
 */
export type PumaInstruction =
  | { readonly op: 'nop' }
  /** Matrix-vector multiply on every MVMU whose bit is set in `mask`; `shift` rotates the input register through the input shuffle unit. */
  | { readonly op: 'mvm'; readonly mask: number; readonly shift: number }
  /** Vector ALU: dest[i] = src1[i] (op) src2[i], fixed point. */
  | { readonly op: 'alu'; readonly aluOp: AluOp; readonly dest: number; readonly src1: number; readonly src2: number; readonly width: number }
  /** Vector ALU with an immediate: dest[i] = src1[i] (op) immediate; `immediate` is a raw fixed-point word. */
  | { readonly op: 'alui'; readonly aluOp: AluOp; readonly dest: number; readonly src1: number; readonly immediate: number; readonly width: number }
  /** Scalar integer ALU on raw words (addresses, loop counters): dest = src1 (op) src2. */
  | { readonly op: 'aluint'; readonly aluOp: AluOp; readonly dest: number; readonly src1: number; readonly src2: number }
  /** dest[0..width) = immediate (raw word). */
  | { readonly op: 'set'; readonly dest: number; readonly immediate: number; readonly width: number }
  /** dest[0..width) = src[0..width). */
  | { readonly op: 'copy'; readonly dest: number; readonly src: number; readonly width: number }
  /** Registers ← shared memory; waits until every entry is valid and decrements its count. */
  | { readonly op: 'load'; readonly dest: number; readonly address: MemoryAddress; readonly width: number }
  /** Shared memory ← registers; waits until the entries are free, then marks them valid with `count` pending reads. */
  | { readonly op: 'store'; readonly address: MemoryAddress; readonly src: number; readonly count: number; readonly width: number }
  | { readonly op: 'jmp'; readonly target: number }
  /** Branch to `target` when the raw words at `src1` and `src2` compare equal / unequal / less. */
  | { readonly op: 'beq' | 'bne' | 'blt'; readonly src1: number; readonly src2: number; readonly target: number }
  | { readonly op: 'hlt' }
  /** Tile: sends shared memory [address, address+width) to tile `tile` (reads count as consumption). */
  | { readonly op: 'send'; readonly address: number; readonly width: number; readonly tile: number }
  /** Tile: waits for the next message from tile `tile` and writes it at `address`, valid with `count` pending reads. */
  | { readonly op: 'receive'; readonly address: number; readonly width: number; readonly count: number; readonly tile: number }

/** @since 0.1.0 */
export type PumaOpcode = PumaInstruction['op']

/** Instructions a core executes. @since 0.1.0 */
export const CORE_OPCODES: ReadonlySet<PumaOpcode> = new Set<PumaOpcode>(['nop', 'mvm', 'alu', 'alui', 'aluint', 'set', 'copy', 'load', 'store', 'jmp', 'beq', 'bne', 'blt', 'hlt'])

/** Instructions a tile control unit executes. @since 0.1.0 */
export const TILE_OPCODES: ReadonlySet<PumaOpcode> = new Set<PumaOpcode>(['nop', 'send', 'receive', 'hlt'])
