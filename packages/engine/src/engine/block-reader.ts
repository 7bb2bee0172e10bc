import type { RandomSource } from '@cimkit/core'
import type { SliceMatrices } from '../array/slice-matrices.js'
import type { SliceColumns } from './slice-columns.js'
import { contiguousColumns } from './slice-columns.js'
import { residentGemm } from './resident-gemm.js'
import type { SliceRead, SliceReadContext } from './slice-reader.js'
import { addReadNoise, applyReadDisturb, readSlice, squaredDrive } from './slice-reader.js'

/** A block's slice matrices side by side: rows × (slices · outputs). */
interface PackedSlices {
  readonly effective: Float32Array
  /** Side-by-side noise variances (zeros for a slice without noise), or null when no slice has any. */
  readonly noiseVariance: Float32Array | null
}

const packedCache = new WeakMap<SliceMatrices, PackedSlices>()

/**
 * Column values (vectors × outputs, digit units) of every slice of one block for the same drive
 * planes, in slice order. When nothing but the conductances sits between drive and columns (no
 * middleware wrapping reads, no wire resistance), the slices multiply in one GEMM against their
 * matrices placed side by side, and the noise variances in one more: each output is the same dot
 * product over the same rows as in a per-slice GEMM, only the GEMM is wider (all weight slices in
 * one product). Noise is then drawn per slice from the stream a per-slice
 * read uses, in the same order, so both paths give the same values. Slices without noise are
 * returned as views into the wide product (see `SliceColumns`). With `scratch`, the product goes
 * into a buffer the caller reuses across calls (its values are consumed before the next read).
 * @since 0.2.0
 */
export function readBlockSlices(context: SliceReadContext, reads: readonly SliceRead[], inputs: Float32Array, vectors: number, scratch?: (length: number) => Float32Array): SliceColumns[] {
  const { rowCount, outputCount } = reads[0]!.block
  const direct = reads.length > 1 && context.wireResistanceOhm === 0 && !context.middleware.some((technique) => technique.wrapMvm !== undefined)
  if (!direct) return reads.map((read) => ({ data: readSlice(context, read, inputs, vectors, reads.length === 1 ? scratch : undefined), stride: outputCount, offset: 0 }))
  const width = reads.length * outputCount
  const packed = packSlices(reads.map((read) => read.matrices), rowCount, outputCount)
  const wide = scratch?.(vectors * width) ?? new Float32Array(vectors * width)
  residentGemm(context.backend, vectors, width, rowCount, inputs, packed.effective, wide)
  const squared = packed.noiseVariance === null ? null : squaredDrive(inputs)
  let wideVariance: Float32Array | null = null
  if (squared !== null) {
    wideVariance = new Float32Array(vectors * width)
    residentGemm(context.backend, vectors, width, rowCount, squared, packed.noiseVariance!, wideVariance)
  }
  return reads.map((read, slice) => {
    let columns: SliceColumns = { data: wide, stride: width, offset: slice * outputCount }
    // Streams are derived only when drawn from (a derivation hashes labels; chunks read often).
    if (read.matrices.noiseVariance === null && context.device.applyReadDisturb === undefined) return columns
    const random: RandomSource = read.random.stream('read')
    if (read.matrices.noiseVariance !== null) {
      // Noise is added to a copy: the wide product is shared by every slice.
      const out = contiguousColumns(columns, vectors, outputCount)
      const variance = contiguousColumns({ data: wideVariance!, stride: width, offset: slice * outputCount }, vectors, outputCount)
      addReadNoise(read.matrices, squared!, variance, vectors, rowCount, outputCount, out, random)
      columns = { data: out, stride: outputCount, offset: 0 }
    }
    applyReadDisturb(context, read, inputs, vectors, random.stream('disturb'))
    return columns
  })
}

function packSlices(matrices: readonly SliceMatrices[], rowCount: number, outputCount: number): PackedSlices {
  const cached = packedCache.get(matrices[0]!)
  if (cached !== undefined && cached.effective.length === rowCount * outputCount * matrices.length) return cached
  const width = matrices.length * outputCount
  const effective = new Float32Array(rowCount * width)
  const noisy = matrices.some((slice) => slice.noiseVariance !== null)
  const noiseVariance = noisy ? new Float32Array(rowCount * width) : null
  matrices.forEach((slice, index) => {
    for (let row = 0; row < rowCount; row++) {
      const from = row * outputCount
      effective.set(slice.effective.subarray(from, from + outputCount), row * width + index * outputCount)
      if (noiseVariance !== null && slice.noiseVariance !== null) noiseVariance.set(slice.noiseVariance.subarray(from, from + outputCount), row * width + index * outputCount)
    }
  })
  const packed = { effective, noiseVariance }
  packedCache.set(matrices[0]!, packed)
  return packed
}
