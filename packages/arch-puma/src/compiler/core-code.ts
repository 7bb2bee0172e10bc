import type { PumaInstruction } from '../isa/instruction.js'

/** Virtual registers live above this address until register allocation rewrites them. @since 0.1.0 */
export const VIRTUAL_REGISTER_BASE = 2 ** 24
/** Address span reserved per virtual register (its width must fit). @since 0.1.0 */
export const VIRTUAL_REGISTER_SPAN = 2 ** 16

/** A load or store whose shared-memory address and count are fixed by memory planning. @since 0.1.0 */
export interface SymbolicAccess {
  readonly kind: 'load' | 'store'
  /** Register (load destination or store source), possibly virtual. */
  readonly register: number
  readonly tensor: number
  readonly word: number
  readonly width: number
}

/** One entry of a core's code before memory planning. @since 0.1.0 */
export type CoreEntry = { readonly instruction: PumaInstruction } | { readonly access: SymbolicAccess }

/**
 * Collects one core's code with virtual registers and symbolic memory accesses; register
 * allocation and memory planning turn it into instructions.
 * @since 0.1.0
 */
export class CoreCode {
  readonly entries: CoreEntry[] = []
  readonly virtualWidths: number[] = []

  constructor(
    readonly tile: number,
    readonly core: number,
    readonly label: string,
  ) {}

  /** A fresh virtual vector register of `width` words; returns its (virtual) address. */
  virtual(width: number): number {
    this.virtualWidths.push(width)
    return VIRTUAL_REGISTER_BASE + (this.virtualWidths.length - 1) * VIRTUAL_REGISTER_SPAN
  }

  emit(instruction: PumaInstruction): void {
    this.entries.push({ instruction })
  }

  load(register: number, tensor: number, word: number, width: number): void {
    this.entries.push({ access: { kind: 'load', register, tensor, word, width } })
  }

  store(register: number, tensor: number, word: number, width: number): void {
    this.entries.push({ access: { kind: 'store', register, tensor, word, width } })
  }
}
