import type { PumaInstruction } from '../isa/instruction.js'
import type { PumaProgram, PumaTileProgram } from '../isa/program.js'
import type { PumaNetwork } from '../network/puma-network.js'
import { allocateRegisters } from './allocate-registers.js'
import { checkDeadlock } from './check-deadlock.js'
import { compileOptionsSchema } from './compile-options.js'
import type { CompileOptions } from './compile-options.js'
import { generateCoreCode } from './generate-core-code.js'
import type { StagePlacement } from './place-stages.js'
import { placeStages } from './place-stages.js'
import type { MemoryTensor } from './plan-memory.js'
import { planMemory } from './plan-memory.js'
import type { PlannedTensor } from './plan-stages.js'
import { memoryWordOfLogical, planStages } from './plan-stages.js'

/** Where each layer landed. @since 0.1.0 */
export interface LayerPlacement {
  readonly layer: string
  readonly kind: 'mvm' | 'pool'
  readonly rowBlocks: number
  readonly columnBlocks: number
  /** MVMs per inference per weight block. */
  readonly positions: number
  readonly cores: readonly { readonly tile: number; readonly core: number; readonly mvmus: number }[]
}

/** A compiled network. @since 0.1.0 */
export interface CompiledNetwork {
  readonly program: PumaProgram
  readonly layers: readonly LayerPlacement[]
  readonly coresUsed: number
  /** Shared-memory words used per tile. */
  readonly sharedMemoryWordsUsed: readonly number[]
}

function logicalOfWord(tensor: PlannedTensor): Int32Array {
  const out = new Int32Array(tensor.size)
  for (let logical = 0; logical < tensor.size; logical++) out[memoryWordOfLogical(tensor, logical)] = logical
  return out
}

function describePlacement(placement: StagePlacement, rows: number, columns: number): LayerPlacement {
  const stage = placement.stage
  if (stage.kind === 'pool') {
    const channelBlocks = new Set(placement.poolCores.map((work) => work.channelBlock)).size
    return { layer: stage.layer, kind: 'pool', rowBlocks: 0, columnBlocks: channelBlocks, positions: stage.output.size, cores: placement.poolCores.map(({ tile, core }) => ({ tile, core, mvmus: 0 })) }
  }
  return {
    layer: stage.layer,
    kind: 'mvm',
    rowBlocks: Math.ceil(stage.rows / rows),
    columnBlocks: Math.ceil(stage.columns / columns),
    positions: stage.positions,
    cores: placement.groups.map((group) => ({ tile: group.tile, core: group.core, mvmus: group.rowBlocks.length })),
  }
}

/**
 * Compiles a network to a PUMA program (the PUMA compiler's flow, research/seed-000-001.md §8.6):
 * lower layers to stages; partition weight matrices into MVMU blocks and place them on cores and
 * tiles; generate per-core code in dataflow order (the schedule); allocate registers; plan shared
 * memory with counts and insert send/receive between tiles in one global order; then run the
 * deadlock check. The input is named `input`, the output `output` (both in C, H, W order).
 * @since 0.1.0
 */
export function compileNetwork(network: PumaNetwork, options: CompileOptions = {}): CompiledNetwork {
  const settings = compileOptionsSchema.parse(options)
  const shape = { coresPerTile: settings.coresPerTile, mvmusPerCore: settings.mvmusPerCore, rows: settings.rows, columns: settings.columns, registerWords: settings.registerWords, sharedMemoryWords: settings.sharedMemoryWords, fractionBits: settings.fractionBits }
  const planned = planStages(network)
  const { placements, coresUsed } = placeStages(planned.stages, shape, settings.maxTiles, settings.splitLargeMaps)
  const firstFree = Math.max(...planned.stages.map((stage) => stage.output.id)) + 1
  const generated = generateCoreCode(placements, shape, firstFree)
  // Production order: the input, then per stage its partial sums (by id) and its output.
  const ordered: { readonly id: number; readonly size: number }[] = [{ id: planned.input.id, size: planned.input.size }]
  planned.stages.forEach((stage, index) => {
    for (const partial of generated.partials) if (partial.stage === index) ordered.push({ id: partial.id, size: partial.size })
    ordered.push({ id: stage.output.id, size: stage.output.size })
  })
  const tensors: MemoryTensor[] = ordered.map((tensor, order) => {
    if (tensor.id === planned.input.id) return { ...tensor, order, hostInput: { name: 'input', logicalOfWord: logicalOfWord(planned.input) } }
    if (tensor.id === planned.output.id) return { ...tensor, order, hostOutput: { name: 'output', logicalOfWord: logicalOfWord(planned.output) } }
    return { ...tensor, order }
  })
  const allocated = [...generated.cores.values()].map((code) => ({ tile: code.tile, core: code.core, entries: allocateRegisters(code, shape) }))
  const tiles = Math.max(1, Math.ceil(coresUsed / settings.coresPerTile))
  const memory = planMemory(allocated, tensors, tiles, settings.sharedMemoryWords)
  const tilePrograms: PumaTileProgram[] = Array.from({ length: tiles }, (_, tile) => {
    const cores: PumaInstruction[][] = []
    const coreLabels: string[] = []
    for (let core = 0; core < settings.coresPerTile; core++) {
      cores.push(memory.coreInstructions.get(`${tile}/${core}`) ?? [])
      coreLabels.push(generated.cores.get(`${tile}/${core}`)?.label.replace(/\s+/g, '_') ?? '')
    }
    return { program: memory.tilePrograms[tile] ?? [], cores, coreLabels }
  })
  const program: PumaProgram = { machine: { tiles, ...shape }, tiles: tilePrograms, matrices: generated.matrices, inputs: memory.inputs, outputs: memory.outputs }
  if (settings.checkDeadlock) checkDeadlock(program)
  return { program, layers: placements.map((placement) => describePlacement(placement, settings.rows, settings.columns)), coresUsed, sharedMemoryWordsUsed: memory.wordsUsed }
}
