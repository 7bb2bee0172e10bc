import type { Im2colParamsV1 } from '@cimkit/core'
import type { GemmCase } from './gemm-oracle-check.js'

/**
 * Shapes (m, n, k) that cross every blocking boundary of the fast backends: micro-tiles (wasm 4×8,
 * AVX2 6×16, AVX-512 12×32) full and partial, k above one packed panel (256; AVX-512 192), m above
 * one packed block (64 / 120 / 144), n above one B panel (256 / 1024) and above the native
 * backend's in-place-A limit (512), enough work for the native backend to split rows (m ≥ n) or
 * columns (n > m) over threads, and empty dimensions.
 * @since 0.1.0
 */
export const gemmShapes: readonly (readonly [number, number, number])[] = [
  [1, 1, 1], [1, 7, 1], [7, 5, 9], [4, 8, 3], [6, 16, 32], [12, 32, 20], [13, 17, 3], [33, 65, 130],
  [130, 31, 257], [200, 9, 20], [14, 530, 40], [3, 1100, 5], [300, 70, 200], [40, 520, 150], [4, 3, 0], [0, 3, 4], [5, 0, 2],
]
const scalings: readonly (readonly [number, number])[] = [[1, 0], [2.5, -0.75], [-1, 1], [0, 0.5]]

/** Every transpose combination × (α, β) pair of one shape (16 cases). @since 0.1.0 */
export function gemmCasesForShape(m: number, n: number, k: number): readonly GemmCase[] {
  return [false, true].flatMap((transposeA) => [false, true].flatMap((transposeB) => scalings.map(([alpha, beta]) => ({ m, n, k, alpha, beta, transposeA, transposeB }))))
}

/** Every shape × transpose combination × (α, β) pair. @since 0.1.0 */
export const gemmCases: readonly GemmCase[] = gemmShapes.flatMap(([m, n, k]) => gemmCasesForShape(m, n, k))

type Geometry = Omit<Im2colParamsV1, 'input'>

/** Convolution geometries: strided, dilated, asymmetric and oversized padding, 1×1. @since 0.1.0 */
export const im2colCases: readonly Geometry[] = [
  { batch: 1, channels: 4, height: 9, width: 8, kernelHeight: 5, kernelWidth: 5, strideHeight: 2, strideWidth: 3, padTop: 2, padLeft: 2, padBottom: 2, padRight: 2 },
  { batch: 2, channels: 3, height: 6, width: 5, kernelHeight: 3, kernelWidth: 3, strideHeight: 2, strideWidth: 2, padTop: 1, padLeft: 1, padBottom: 1, padRight: 1 },
  { batch: 1, channels: 2, height: 7, width: 7, kernelHeight: 3, kernelWidth: 2, strideHeight: 1, strideWidth: 3, padTop: 0, padLeft: 2, padBottom: 1, padRight: 0, dilationHeight: 2, dilationWidth: 1 },
  { batch: 3, channels: 1, height: 4, width: 4, kernelHeight: 1, kernelWidth: 1, strideHeight: 1, strideWidth: 1, padTop: 0, padLeft: 0, padBottom: 0, padRight: 0 },
  { batch: 2, channels: 2, height: 5, width: 6, kernelHeight: 2, kernelWidth: 3, strideHeight: 3, strideWidth: 1, padTop: 3, padLeft: 0, padBottom: 0, padRight: 3 },
]

/** Largest float32 below 0.5 (a tie-breaking trap for floor(x + 0.5)). */
const belowHalf = Math.fround(0.5 - 2 ** -25)

/**
 * Quantize cases whose expected output the reference defines bit for bit: exact ties (half away
 * from zero, so 0.5 → 1 and 2.5 → 3 where half-to-even would give 0 and 2), values one ulp off a
 * tie, clipping, ±0, ±∞, NaN and a step with no exact binary form.
 * @since 0.1.0
 */
export const quantizeCases: readonly { readonly label: string; readonly values: readonly number[]; readonly step: number; readonly min: number; readonly max: number }[] = [
  { label: 'ties away from zero, step 1', values: [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 8388607.5, -8388607.5], step: 1, min: -1e9, max: 1e9 },
  { label: 'ties with step 0.5', values: [-2, -0.25, 0.25, 0.26, 0.74, 0.75, -0.75, 5], step: 0.5, min: -1, max: 1 },
  { label: 'one ulp around ties', values: [belowHalf, -belowHalf, Math.fround(1.5 + 2 ** -23), Math.fround(1.5 - 2 ** -23), Math.fround(-1.5 - 2 ** -23)], step: 1, min: -10, max: 10 },
  { label: 'signed zeros, infinities and NaN', values: [0, -0, -0.1, 0.1, Infinity, -Infinity, Number.NaN], step: 0.25, min: -Infinity, max: Infinity },
  { label: 'clip only (step 0)', values: [-3, -0.3, 0, 0.3, 3, Number.NaN], step: 0, min: -1, max: 1 },
  { label: 'step 0.1 on a grid of thirds', values: Array.from({ length: 41 }, (_, index) => (index - 20) / 3), step: 0.1, min: -5, max: 5 },
]
