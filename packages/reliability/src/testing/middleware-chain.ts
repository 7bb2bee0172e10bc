import type { ActionRecorderV1, DeviceModelV1, ProgrammedCellsV1, RandomSource, ReliabilityMiddlewareV1 } from '@cimkit/core'
import { effectiveTimeS } from '../host/time-aware-middleware.js'
import type { TestCrossbar } from './test-crossbar.js'

/**
 * Programs a block through the `wrapProgram` chain exactly as the engine does
 * (engine/src/array/programmed-block.ts): first technique = outermost, the device innermost, and
 * one device stream per physical array (`random.stream('device')`) for every call.
 * @since 0.1.0
 */
export function programThroughChain(
  middleware: readonly ReliabilityMiddlewareV1[],
  device: DeviceModelV1,
  targetsS: Float32Array,
  shape: { readonly rows: number; readonly columns: number },
  random: RandomSource,
  record: ActionRecorderV1,
): ProgrammedCellsV1 {
  const layers = middleware.filter((technique) => technique.wrapProgram !== undefined)
  const programAt = (depth: number, targets: Float32Array): ProgrammedCellsV1 => {
    if (depth === layers.length) return device.doProgram(targets, random.stream('device'))
    return layers[depth]!.wrapProgram!({ targetsS: targets, ...shape, device, doProgram: (inner) => programAt(depth + 1, inner), random: random.stream('middleware', depth), record })
  }
  return programAt(0, targetsS)
}

/**
 * Runs an MVM through the `wrapMvm` chain (first = outermost), the crossbar innermost; `arrayId`
 * is passed as the proposed `MvmCallV1.arrayId` extension, and the crossbar is read at the time
 * the techniques' time hooks give (`effectiveTimeS`).
 * @since 0.1.0
 */
export function mvmThroughChain(
  middleware: readonly ReliabilityMiddlewareV1[],
  crossbar: TestCrossbar,
  inputs: Float32Array,
  batch: number,
  options: { readonly timeS: number; readonly random: RandomSource; readonly record: ActionRecorderV1; readonly arrayId?: string },
): Float32Array {
  const layers = middleware.filter((technique) => technique.wrapMvm !== undefined)
  const { rows, columns } = crossbar
  const deviceTimeS = effectiveTimeS(middleware, options.timeS)
  if (inputs.length !== batch * rows) throw new RangeError(`inputs hold ${inputs.length} values, expected batch ${batch} × rows ${rows}`)
  const mvmAt = (depth: number, drive: Float32Array): Float32Array => {
    const planes = drive.length / rows
    if (depth === layers.length) return crossbar.read(drive, planes, deviceTimeS)
    const call = { inputs: drive, batch: planes, rows, columns, doMvm: (inner: Float32Array) => mvmAt(depth + 1, inner), timeS: options.timeS, random: options.random.stream('middleware', depth), record: options.record }
    return layers[depth]!.wrapMvm!(options.arrayId === undefined ? call : { ...call, arrayId: options.arrayId } as typeof call)
  }
  return mvmAt(0, inputs)
}
