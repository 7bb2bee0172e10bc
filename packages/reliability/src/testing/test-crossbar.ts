import type { DeviceModelV1, ProgrammedCellsV1, RandomSource } from '@cimkit/core'

/**
 * Test double of one ideal crossbar read: column outputs y = x·G(t) (rows = inputs), with G(t)
 * from the device's `conductanceAtTime`, and read disturb applied after each drive plane with the
 * plane's polarity (a plane whose non-zero drives are all negative is a reverse read, −1; a plane
 * with any positive drive is +1; an all-zero plane applies no voltage and does not disturb).
 * @since 0.1.0
 */
export class TestCrossbar {
  private readonly conductanceAtTime: Float32Array
  private reads = 0

  constructor(
    readonly device: DeviceModelV1,
    readonly cells: ProgrammedCellsV1,
    readonly rows: number,
    readonly columns: number,
    private readonly random: RandomSource,
  ) {
    this.conductanceAtTime = new Float32Array(rows * columns)
  }

  /** Conductances at `timeS`, rows × columns. */
  conductancesAt(timeS: number): Float32Array {
    if (this.device.conductanceAtTime === undefined) this.conductanceAtTime.set(this.cells.conductanceS)
    else this.device.conductanceAtTime(this.cells, timeS, this.conductanceAtTime)
    return this.conductanceAtTime
  }

  read(inputs: Float32Array, batch: number, timeS: number): Float32Array {
    const out = new Float32Array(batch * this.columns)
    for (let plane = 0; plane < batch; plane++) {
      const conductance = this.conductancesAt(timeS)
      let positive = false
      let negative = false
      for (let row = 0; row < this.rows; row++) {
        const drive = inputs[plane * this.rows + row]!
        if (drive > 0) positive = true
        if (drive < 0) negative = true
        if (drive === 0) continue
        const base = row * this.columns
        for (let column = 0; column < this.columns; column++) out[plane * this.columns + column] += drive * conductance[base + column]!
      }
      if (positive || negative) this.device.applyReadDisturb?.(this.cells, 1, positive ? 1 : -1, this.random.stream('disturb', this.reads++))
    }
    return out
  }
}
