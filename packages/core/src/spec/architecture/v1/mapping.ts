/**
 * Where one layer's weights live: how its matrix is split into array-sized blocks and copied.
 * @since 0.1.0
 */
export interface LayerMappingV1 {
  readonly layer: string
  /** Row blocks × column blocks the weight matrix is cut into (per weight slice). */
  readonly rowBlocks: number
  readonly columnBlocks: number
  /** Arrays per weight copy, including slices and differential/reference columns. */
  readonly arraysPerCopy: number
  /** Copies made to balance the pipeline. */
  readonly replication: number
  /** Fraction of the allocated cells that hold weights. */
  readonly utilization: number
  /** Architecture-specific placement details (tile and core indices, etc.), plain data. */
  readonly placement?: Readonly<Record<string, unknown>>
}

/** A network placed on an architecture. @since 0.1.0 */
export interface MappingV1 {
  readonly architecture: string
  readonly layers: readonly LayerMappingV1[]
  /** Arrays used in total, over all layers and copies. */
  readonly arraysUsed: number
  /** Arrays the chip (or chips) provide. */
  readonly arraysAvailable: number
}
