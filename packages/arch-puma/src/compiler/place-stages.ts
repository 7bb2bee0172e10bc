import { PumaProgramError } from '../isa/puma-errors.js'
import type { PumaMachineShape } from '../isa/program.js'
import type { Stage } from './plan-stages.js'

/** The MVMU work of one core for an MVM stage: row blocks of one column block. @since 0.1.0 */
export interface MvmGroup {
  readonly columnBlock: number
  /** Index of this group among the column block's groups; group 0 owns the sum. */
  readonly group: number
  /** Row blocks held by this core's MVMUs, in MVMU order. */
  readonly rowBlocks: readonly number[]
  readonly tile: number
  readonly core: number
}

/** Where a stage runs. @since 0.1.0 */
export interface StagePlacement {
  readonly stage: Stage
  /** MVM stages: one group per core. */
  readonly groups: readonly MvmGroup[]
  /** Pool stages: the core for each channel block. */
  readonly poolCores: readonly { readonly channelBlock: number; readonly tile: number; readonly core: number }[]
}

/**
 * Places stages on cores, in order (PUMA's row-major graph partition, GP_ROW_MAJOR): each column
 * block of a weight matrix gets ⌈row blocks / MVMUs per core⌉ cores, each holding consecutive row
 * blocks; pooling runs on the cores that produced its channel block when the previous stage is an
 * MVM stage with the same blocking, else on new cores. Cores fill a tile before the next tile.
 * @since 0.1.0
 */
export function placeStages(stages: readonly Stage[], machine: Omit<PumaMachineShape, 'tiles'>, maxTiles: number): { readonly placements: StagePlacement[]; readonly coresUsed: number } {
  let nextCore = 0
  const take = (): { tile: number; core: number } => {
    const index = nextCore++
    return { tile: Math.floor(index / machine.coresPerTile), core: index % machine.coresPerTile }
  }
  const placements: StagePlacement[] = []
  for (const stage of stages) {
    if (stage.kind === 'mvm') {
      const rowBlocks = Math.ceil(stage.rows / machine.rows)
      const columnBlocks = Math.ceil(stage.columns / machine.columns)
      const groups: MvmGroup[] = []
      for (let columnBlock = 0; columnBlock < columnBlocks; columnBlock++) {
        for (let group = 0; group * machine.mvmusPerCore < rowBlocks; group++) {
          const blocks: number[] = []
          for (let b = group * machine.mvmusPerCore; b < Math.min(rowBlocks, (group + 1) * machine.mvmusPerCore); b++) blocks.push(b)
          groups.push({ columnBlock, group, rowBlocks: blocks, ...take() })
        }
      }
      placements.push({ stage, groups, poolCores: [] })
      continue
    }
    const channels = stage.input.map?.channels ?? 1
    const channelBlocks = Math.ceil(channels / machine.columns)
    const previous = placements[placements.length - 1]
    const reuse = previous !== undefined && previous.stage.kind === 'mvm' && previous.stage.output.id === stage.input.id
    const poolCores = Array.from({ length: channelBlocks }, (_, channelBlock) => {
      const owner = reuse ? previous.groups.find((group) => group.columnBlock === channelBlock && group.group === 0) : undefined
      return { channelBlock, ...(owner === undefined ? take() : { tile: owner.tile, core: owner.core }) }
    })
    placements.push({ stage, groups: [], poolCores })
  }
  const tiles = Math.ceil(nextCore / machine.coresPerTile)
  if (tiles > maxTiles) throw new PumaProgramError(`the network needs ${nextCore} cores (${tiles} tiles); the node has ${maxTiles} tiles of ${machine.coresPerTile} cores`)
  return { placements, coresUsed: nextCore }
}
