/**
 * How weights and inputs meet the arrays in an architecture: the functional view the engine
 * simulates. Every architecture states it; the engine never guesses it.
 * @since 0.1.0
 */
export interface ArrayOrganizationV1 {
  /** Rows (word lines driven by inputs) per array. */
  readonly rows: number
  /** Columns (bit lines read by converters) per array. */
  readonly columns: number
  /** Weight precision, bits (including sign). */
  readonly weightBits: number
  /** Bits stored per cell (weight slice width); weightBits/bitsPerCell slices per weight. */
  readonly bitsPerCell: number
  /** Input precision, bits (including sign). */
  readonly inputBits: number
  /**
   * Signed-weight scheme: `differential` (G⁺ − G⁻), `offset-reference` (reference column),
   * `offset-digital` (offset subtracted digitally), `complementary-binary` (2T2R / XNOR pair),
   * `biased-flipped` (ISAAC's biased encoding with flipped columns).
   */
  readonly weightMapping: string
  /** `per-input-bit`: convert each input plane; `after-accumulation`: integrate planes in analog first. */
  readonly conversion: 'per-input-bit' | 'after-accumulation'
  /** Columns that share one output converter (time-multiplexed). */
  readonly columnsPerConverter: number
}
