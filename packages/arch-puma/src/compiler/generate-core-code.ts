import type { PumaMachineShape, PumaMatrix } from '../isa/program.js'
import { toFixed } from '../machine/fixed-point.js'
import { CoreCode } from './core-code.js'
import type { MvmGroup, PoolWork, StagePlacement } from './place-stages.js'
import type { MvmStage, PoolStage } from './plan-stages.js'

/** A tensor the code generator adds: partial sums one core hands to the owner of its column block. @since 0.1.0 */
export interface PartialTensor {
  readonly id: number
  readonly size: number
  /** Stage index; partial sums are produced before the stage's output. */
  readonly stage: number
}

/** Generated code for every core in use, the MVMU weights and the partial-sum tensors. @since 0.1.0 */
export interface GeneratedCode {
  readonly cores: Map<string, CoreCode>
  readonly matrices: PumaMatrix[]
  readonly partials: PartialTensor[]
}

type Shape = Omit<PumaMachineShape, 'tiles'>

function quantizedBlock(stage: MvmStage, rowBlock: number, columnBlock: number, machine: Shape): Int16Array {
  const format = { bits: 16, fractionBits: machine.fractionBits }
  const block = new Int16Array(machine.rows * machine.columns)
  for (let r = 0; r < machine.rows; r++) {
    const row = rowBlock * machine.rows + r
    if (row >= stage.rows) break
    for (let c = 0; c < machine.columns; c++) {
      const column = columnBlock * machine.columns + c
      if (column >= stage.columns) break
      block[r * machine.columns + c] = toFixed(stage.matrix[row * stage.columns + column] as number, format)
    }
  }
  return block
}

function emitBias(code: CoreCode, bias: Float32Array, columnStart: number, width: number, fractionBits: number): number {
  const register = code.virtual(width)
  const format = { bits: 16, fractionBits }
  let i = 0
  while (i < width) {
    const raw = toFixed(bias[columnStart + i] as number, format)
    let j = i + 1
    while (j < width && toFixed(bias[columnStart + j] as number, format) === raw) j++
    code.emit({ op: 'set', dest: register + i, immediate: raw, width: j - i })
    i = j
  }
  return register
}

function generateMvmGroup(code: CoreCode, stage: MvmStage, group: MvmGroup, groupsInColumn: number, partialIds: readonly number[], machine: Shape): void {
  const columnStart = group.columnBlock * machine.columns
  const width = Math.min(machine.columns, stage.columns - columnStart)
  const outputBase = machine.mvmusPerCore * machine.rows
  const owner = group.group === 0
  const bias = owner && stage.bias !== null ? emitBias(code, stage.bias, columnStart, width, machine.fractionBits) : null
  const partial = owner && groupsInColumn > 1 ? code.virtual(width) : null
  const mask = 2 ** group.rowBlocks.length - 1
  for (let position = group.positionStart; position < group.positionEnd; position++) {
    group.rowBlocks.forEach((rowBlock, m) => {
      const rowStart = rowBlock * machine.rows
      const rowEnd = Math.min(stage.rows, rowStart + machine.rows)
      for (const segment of stage.gather(position, rowStart, rowEnd)) {
        const register = m * machine.rows + segment.row - rowStart
        if (segment.word < 0) code.emit({ op: 'set', dest: register, immediate: 0, width: segment.length })
        else code.load(register, stage.input.id, segment.word, segment.length)
      }
    })
    code.emit({ op: 'mvm', mask, shift: 0 })
    for (let m = 1; m < group.rowBlocks.length; m++) code.emit({ op: 'alu', aluOp: 'add', dest: outputBase, src1: outputBase, src2: outputBase + m * machine.columns, width })
    if (!owner) {
      code.store(outputBase, partialIds[group.group - 1] as number, position * width, width)
      continue
    }
    for (let g = 1; g < groupsInColumn; g++) {
      code.load(partial as number, partialIds[g - 1] as number, position * width, width)
      code.emit({ op: 'alu', aluOp: 'add', dest: outputBase, src1: outputBase, src2: partial as number, width })
    }
    if (bias !== null) code.emit({ op: 'alu', aluOp: 'add', dest: outputBase, src1: outputBase, src2: bias, width })
    for (const op of stage.postOps) code.emit({ op: 'alu', aluOp: op, dest: outputBase, src1: outputBase, src2: 0, width })
    code.store(outputBase, stage.output.id, stage.outputWord(position) + columnStart, width)
  }
}

function generatePool(code: CoreCode, stage: PoolStage, work: PoolWork, machine: Shape): void {
  const channelBlock = work.channelBlock
  const { channels, width: inWidth } = stage.input.map as NonNullable<PoolStage['input']['map']>
  const outWidth = stage.output.shape[2] as number
  const channelStart = channelBlock * machine.columns
  const width = Math.min(machine.columns, channels - channelStart)
  const accumulator = code.virtual(width)
  const operand = code.virtual(width)
  const scale = toFixed(1 / (stage.kernel * stage.kernel), { bits: 16, fractionBits: machine.fractionBits })
  for (let pixel = work.positionStart; pixel < work.positionEnd; pixel++) {
    const py = Math.floor(pixel / outWidth)
    const px = pixel - py * outWidth
    {
      for (let ky = 0; ky < stage.kernel; ky++) {
        for (let kx = 0; kx < stage.kernel; kx++) {
          const word = ((py * stage.stride + ky) * inWidth + px * stage.stride + kx) * channels + channelStart
          if (ky === 0 && kx === 0) {
            code.load(accumulator, stage.input.id, word, width)
            continue
          }
          code.load(operand, stage.input.id, word, width)
          code.emit({ op: 'alu', aluOp: stage.max ? 'max' : 'add', dest: accumulator, src1: accumulator, src2: operand, width })
        }
      }
      if (!stage.max) code.emit({ op: 'alui', aluOp: 'mul', dest: accumulator, src1: accumulator, immediate: scale, width })
      for (const op of stage.postOps) code.emit({ op: 'alu', aluOp: op, dest: accumulator, src1: accumulator, src2: 0, width })
      code.store(accumulator, stage.output.id, (py * outWidth + px) * channels + channelStart, width)
    }
  }
}

/**
 * Generates each core's code in stage order: for MVM stages, per position, the input gather into
 * the MVMU input registers (loads, zeros for padding), one `mvm` over the core's MVMUs, the in-core
 * sum of row blocks, then either a partial-sum store or (owner core) the cross-core sum, bias,
 * activation and the output store; for pooling, window loads reduced by max/add on the VFU.
 * @since 0.1.0
 */
export function generateCoreCode(placements: readonly StagePlacement[], machine: Shape, firstFreeTensorId: number): GeneratedCode {
  const cores = new Map<string, CoreCode>()
  const codeFor = (tile: number, core: number, label: string): CoreCode => {
    const key = `${tile}/${core}`
    let code = cores.get(key)
    if (code === undefined) {
      code = new CoreCode(tile, core, label)
      cores.set(key, code)
    }
    return code
  }
  const matrices: PumaMatrix[] = []
  const partials: PartialTensor[] = []
  let nextTensor = firstFreeTensorId
  placements.forEach((placement, stageIndex) => {
    const stage = placement.stage
    if (stage.kind === 'pool') {
      for (const work of placement.poolCores) generatePool(codeFor(work.tile, work.core, stage.layer), stage, work, machine)
      return
    }
    const columnBlocks = Math.ceil(stage.columns / machine.columns)
    for (let columnBlock = 0; columnBlock < columnBlocks; columnBlock++) {
      const groups = placement.groups.filter((group) => group.columnBlock === columnBlock)
      const groupsPerBand = groups.filter((group) => group.band === 0).length
      const width = Math.min(machine.columns, stage.columns - columnBlock * machine.columns)
      // One partial-sum tensor per non-owner group, shared by the bands (each writes its positions).
      const partialIds = Array.from({ length: groupsPerBand - 1 }, () => {
        const id = nextTensor++
        partials.push({ id, size: stage.positions * width, stage: stageIndex })
        return id
      })
      for (const group of groups) {
        group.rowBlocks.forEach((rowBlock, mvmu) => matrices.push({ tile: group.tile, core: group.core, mvmu, weights: quantizedBlock(stage, rowBlock, columnBlock, machine) }))
        generateMvmGroup(codeFor(group.tile, group.core, stage.layer), stage, group, groupsPerBand, partialIds, machine)
      }
    }
  })
  for (const code of cores.values()) code.emit({ op: 'hlt' })
  return { cores, matrices, partials }
}
