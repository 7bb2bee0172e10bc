import type { PumaInstruction } from '../isa/instruction.js'

/**
 * A tile's shared memory: 16-bit words with PUMA's per-entry attributes (research/anchor-archsims.md
 * §3.3: loads carry a consumer counter). `valid` marks data written and not yet fully consumed;
 * `count` is the number of reads still expected (the entry turns invalid when it reaches 0);
 * `readyAtCycle` is when the entry last changed state, so a waiting agent resumes no earlier.
 * @since 0.1.0
 */
export interface SharedMemoryState {
  readonly words: Int16Array
  readonly valid: Uint8Array
  readonly count: Uint16Array
  readonly readyAtCycle: Float64Array
}

/** A message in flight between tiles, delivered in order per sender. @since 0.1.0 */
export interface NetworkMessage {
  readonly data: Int16Array
  readonly arrivalCycle: number
}

/** One tile: shared memory and its receive queues, keyed by sending tile. @since 0.1.0 */
export interface TileState {
  readonly memory: SharedMemoryState
  readonly queues: Map<number, NetworkMessage[]>
}

/** One instruction stream in execution: a core or a tile control unit. @since 0.1.0 */
export interface AgentState {
  readonly kind: 'core' | 'tile'
  readonly tile: number
  readonly core: number
  /** Activity key: the core's label (layer), or `tile<N>` for a tile control unit. */
  readonly label: string
  readonly program: readonly PumaInstruction[]
  /** Core registers (MVMU inputs, MVMU outputs, register file); empty for a tile. */
  readonly registers: Int16Array
  pc: number
  timeCycles: number
  halted: boolean
  /** Why the agent could not proceed on its last attempt. */
  waitingFor: string | null
}

/** Creates an empty shared memory of `words` entries. @since 0.1.0 */
export function createSharedMemory(words: number): SharedMemoryState {
  return { words: new Int16Array(words), valid: new Uint8Array(words), count: new Uint16Array(words), readyAtCycle: new Float64Array(words) }
}

/** Action counts per label, unit and action: `activity[label][unit][action]`. @since 0.1.0 */
export type UnitActivity = Record<string, Record<string, Record<string, number>>>

/** Adds `amount` to `activity[label][unit][action]`. @since 0.1.0 */
export function countActivity(activity: UnitActivity, label: string, unit: string, action: string, amount: number): void {
  const byUnit = (activity[label] ??= {})
  const byAction = (byUnit[unit] ??= {})
  byAction[action] = (byAction[action] ?? 0) + amount
}
