/**
 * How one weight matrix meets the arrays: array size and how weights are spread over cells.
 * @since 0.1.0
 */
export interface ArrayGeometry {
  /** Rows (inputs) per array. */
  readonly rows: number
  /** Columns per array. */
  readonly columns: number
  /** Array rows one input occupies (1; 2 for designs that drive a complementary pair). */
  readonly rowsPerInput: number
  /** Columns one output occupies inside an array (weight slices in adjacent columns × 2 for differential pairs). */
  readonly columnsPerOutput: number
  /** Arrays one weight block is spread over (ISAAC: 8 arrays, one per 2-bit slice). */
  readonly arraysPerBlock: number
  /** Cells that hold one weight (slices × differential factor), for utilization and cell counts. */
  readonly cellsPerWeight: number
}
