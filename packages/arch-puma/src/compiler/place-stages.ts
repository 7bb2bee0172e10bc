import { PumaProgramError } from '../isa/puma-errors.js'
import type { PumaMachineShape } from '../isa/program.js'
import type { Stage } from './plan-stages.js'

/** The MVMU work of one core for an MVM stage: row blocks of one column block, for a band of positions. @since 0.1.0 */
export interface MvmGroup {
  readonly columnBlock: number
  /** Index of this group among the column block's groups; group 0 owns the sum. */
  readonly group: number
  /** Row blocks held by this core's MVMUs, in MVMU order. */
  readonly rowBlocks: readonly number[]
  /** Positions (output pixels) this copy of the weights computes: [positionStart, positionEnd). */
  readonly band: number
  readonly positionStart: number
  readonly positionEnd: number
  readonly tile: number
  readonly core: number
}

/** The VFU work of one core for a pooling stage: one channel block, a band of output pixels. @since 0.1.0 */
export interface PoolWork {
  readonly channelBlock: number
  readonly positionStart: number
  readonly positionEnd: number
  readonly tile: number
  readonly core: number
}

/** Where a stage runs. @since 0.1.0 */
export interface StagePlacement {
  readonly stage: Stage
  /** MVM stages: one group per core. */
  readonly groups: readonly MvmGroup[]
  /** Pool stages: one entry per core. */
  readonly poolCores: readonly PoolWork[]
}

function bandRange(band: number, bands: number, positions: number): { positionStart: number; positionEnd: number } {
  return { positionStart: Math.floor((band * positions) / bands), positionEnd: Math.floor(((band + 1) * positions) / bands) }
}

/**
 * Places stages on cores, in order (PUMA's row-major graph partition, GP_ROW_MAJOR): each column
 * block of a weight matrix gets ⌈row blocks / MVMUs per core⌉ cores, each holding consecutive row
 * blocks; pooling runs on the cores that produced its channel block (and band) when the previous
 * stage is an MVM stage with the same blocking, else on new cores. A conv stage whose input and
 * output would fill more than half a tile's shared memory is split into bands of output rows, each
 * on its own tile with its own copy of the weights, so each tile holds only its band (neighbours'
 * rows arrive by send/receive). Cores fill a tile before the next tile.
 * @since 0.1.0
 */
export function placeStages(stages: readonly Stage[], machine: Omit<PumaMachineShape, 'tiles'>, maxTiles: number, splitLargeMaps = true): { readonly placements: StagePlacement[]; readonly coresUsed: number } {
  let nextCore = 0
  const take = (): { tile: number; core: number } => {
    const index = nextCore++
    return { tile: Math.floor(index / machine.coresPerTile), core: index % machine.coresPerTile }
  }
  const startTile = (): void => {
    nextCore = Math.ceil(nextCore / machine.coresPerTile) * machine.coresPerTile
  }
  const placements: StagePlacement[] = []
  for (const stage of stages) {
    if (stage.kind === 'mvm') {
      const rowBlocks = Math.ceil(stage.rows / machine.rows)
      const columnBlocks = Math.ceil(stage.columns / machine.columns)
      const footprint = stage.input.size + stage.output.size
      const bands = splitLargeMaps && stage.positions > 1 ? Math.min(stage.positions, Math.ceil((2 * footprint) / machine.sharedMemoryWords)) : 1
      const groups: MvmGroup[] = []
      for (let band = 0; band < bands; band++) {
        if (bands > 1) startTile()
        for (let columnBlock = 0; columnBlock < columnBlocks; columnBlock++) {
          for (let group = 0; group * machine.mvmusPerCore < rowBlocks; group++) {
            const blocks: number[] = []
            for (let b = group * machine.mvmusPerCore; b < Math.min(rowBlocks, (group + 1) * machine.mvmusPerCore); b++) blocks.push(b)
            groups.push({ columnBlock, group, rowBlocks: blocks, band, ...bandRange(band, bands, stage.positions), ...take() })
          }
        }
      }
      placements.push({ stage, groups, poolCores: [] })
      continue
    }
    const channels = stage.input.map?.channels ?? 1
    const channelBlocks = Math.ceil(channels / machine.columns)
    const outputPixels = (stage.output.shape[1] as number) * (stage.output.shape[2] as number)
    const previous = placements[placements.length - 1]
    const reuse = previous !== undefined && previous.stage.kind === 'mvm' && previous.stage.output.id === stage.input.id
    const bands = reuse ? Math.max(...previous.groups.map((group) => group.band)) + 1 : 1
    const poolCores: PoolWork[] = []
    for (let band = 0; band < bands; band++) {
      for (let channelBlock = 0; channelBlock < channelBlocks; channelBlock++) {
        const owner = reuse ? previous.groups.find((group) => group.columnBlock === channelBlock && group.group === 0 && group.band === band) : undefined
        poolCores.push({ channelBlock, ...bandRange(band, bands, outputPixels), ...(owner === undefined ? take() : { tile: owner.tile, core: owner.core }) })
      }
    }
    placements.push({ stage, groups: [], poolCores })
  }
  const tiles = Math.ceil(nextCore / machine.coresPerTile)
  if (tiles > maxTiles) throw new PumaProgramError(`the network needs ${nextCore} cores (${tiles} tiles); the node has ${maxTiles} tiles of ${machine.coresPerTile} cores`)
  return { placements, coresUsed: nextCore }
}
