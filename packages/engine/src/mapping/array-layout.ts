import type { ArrayOrganizationV1 } from '@cimkit/core'
import { InvalidArgumentError } from '@cimkit/core'
import type { WeightEncoding } from './weight-encoding.js'

/**
 * How a rows×columns matrix is tiled onto arrays: row blocks × column blocks, each block on
 * `arraysPerBlock` arrays (one per weight slice when slices go across arrays).
 * @since 0.1.0
 */
export interface ArrayLayout {
  readonly arrayRows: number
  readonly arrayColumns: number
  /** Physical columns one output (matrix column) takes in one array: pair × slices-on-columns. */
  readonly cellColumnsPerOutput: number
  /** Reference columns per array (one per slice held there, offset-reference only). */
  readonly referenceColumnsPerArray: number
  /** Matrix columns one array holds. */
  readonly outputsPerArray: number
  /** Slices held by one array (all when slices go across columns, else 1). */
  readonly slicesPerArray: number
  readonly arraysPerBlock: number
  readonly rowBlocks: number
  readonly columnBlocks: number
  readonly rows: number
  readonly columns: number
}

/**
 * Tiles a matrix on arrays (survey §VI: large VMMs split across crossbars, partial sums added).
 * @example arrayLayout(1024, 1024, isaacOrganization, encoding, 'columns').rowBlocks // returns 8
 * @since 0.1.0
 */
export function arrayLayout(
  rows: number,
  columns: number,
  organization: ArrayOrganizationV1,
  encoding: WeightEncoding,
  sliceLayout: 'columns' | 'arrays',
): ArrayLayout {
  if (!Number.isInteger(rows) || rows < 1 || !Number.isInteger(columns) || columns < 1) {
    throw new InvalidArgumentError('rows/columns', `expected positive integers, got ${rows}×${columns}`)
  }
  const { rows: arrayRows, columns: arrayColumns } = organization
  if (!Number.isInteger(arrayRows) || arrayRows < 1 || !Number.isInteger(arrayColumns) || arrayColumns < 1) {
    throw new InvalidArgumentError('organization.rows/columns', `expected positive integers, got ${arrayRows}×${arrayColumns}`)
  }
  const slicesPerArray = sliceLayout === 'columns' ? encoding.slices : 1
  const cellColumnsPerOutput = (encoding.pair ? 2 : 1) * slicesPerArray
  const referenceColumnsPerArray = encoding.referenceColumn ? slicesPerArray : 0
  const outputsPerArray = Math.floor((arrayColumns - referenceColumnsPerArray) / cellColumnsPerOutput)
  if (outputsPerArray < 1) {
    throw new InvalidArgumentError('organization.columns', `${arrayColumns} columns cannot hold one output (${cellColumnsPerOutput} cell columns + ${referenceColumnsPerArray} reference)`)
  }
  return {
    arrayRows,
    arrayColumns,
    cellColumnsPerOutput,
    referenceColumnsPerArray,
    outputsPerArray,
    slicesPerArray,
    arraysPerBlock: encoding.slices / slicesPerArray,
    rowBlocks: Math.ceil(rows / arrayRows),
    columnBlocks: Math.ceil(columns / outputsPerArray),
    rows,
    columns,
  }
}

/** First row and row count of row block `rowBlock`. @since 0.1.0 */
export function blockRowRange(layout: ArrayLayout, rowBlock: number): { readonly start: number; readonly count: number } {
  const start = rowBlock * layout.arrayRows
  return { start, count: Math.min(layout.arrayRows, layout.rows - start) }
}

/** First output and output count of column block `columnBlock`. @since 0.1.0 */
export function blockColumnRange(layout: ArrayLayout, columnBlock: number): { readonly start: number; readonly count: number } {
  const start = columnBlock * layout.outputsPerArray
  return { start, count: Math.min(layout.outputsPerArray, layout.columns - start) }
}
