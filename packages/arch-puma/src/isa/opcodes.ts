/**
 * The PUMA instruction set (Ankit et al., ASPLOS 2019; opcode list of the PUMA simulator,
 * `include/constants.py` `op_list` and `op_list_tile`, research/anchor-archsims.md §3.3): core
 * instructions for the MVMUs, the vector functional unit (VFU), the register file and the tile's
 * shared memory, and tile instructions for the network. Codes are this package's binary encoding.
 * @since 0.1.0
 */
export const OPCODES = {
  nop: 0,
  mvm: 1,
  alu: 2,
  alui: 3,
  aluint: 4,
  set: 5,
  copy: 6,
  load: 7,
  store: 8,
  jmp: 9,
  beq: 10,
  bne: 11,
  blt: 12,
  hlt: 13,
  send: 14,
  receive: 15,
} as const

/** @since 0.1.0 */
export type Opcode = keyof typeof OPCODES

/**
 * VFU operations (the simulator's `aluop_list` as documented in anchor-archsims.md §3.3, minus the
 * training-only ones). Unary operations ignore their second operand.
 * @since 0.1.0
 */
export const ALU_OPS = {
  add: 0,
  sub: 1,
  mul: 2,
  div: 3,
  min: 4,
  max: 5,
  and: 6,
  or: 7,
  not: 8,
  eq: 9,
  neq: 10,
  lt: 11,
  leq: 12,
  gt: 13,
  geq: 14,
  relu: 15,
  sig: 16,
  tanh: 17,
  shl: 18,
  shr: 19,
} as const

/** @since 0.1.0 */
export type AluOp = keyof typeof ALU_OPS

/** VFU operations that read one operand. @since 0.1.0 */
export const UNARY_ALU_OPS: ReadonlySet<AluOp> = new Set<AluOp>(['not', 'relu', 'sig', 'tanh'])

/** VFU operations evaluated by the transcendental unit (3 cycles per element, PUMA wiki "PUMA Core"). @since 0.1.0 */
export const TRANSCENDENTAL_ALU_OPS: ReadonlySet<AluOp> = new Set<AluOp>(['sig', 'tanh'])

/** Opcode name by code, for decoding. @since 0.1.0 */
export const OPCODE_NAMES: readonly Opcode[] = Object.entries(OPCODES)
  .sort((a, b) => a[1] - b[1])
  .map(([name]) => name as Opcode)

/** ALU operation name by code. @since 0.1.0 */
export const ALU_OP_NAMES: readonly AluOp[] = Object.entries(ALU_OPS)
  .sort((a, b) => a[1] - b[1])
  .map(([name]) => name as AluOp)
