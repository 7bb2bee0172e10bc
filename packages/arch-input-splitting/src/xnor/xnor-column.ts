/**
 * Paper 002's XNOR-RRAM column (Yin et al., IEEE Micro 2019, §"XNOR-RRAM bitcell"): each weight is a
 * pair of 1T1R cells on one column, driven by differential word lines, so that exactly one device of
 * the pair reaches the read bit line (RBL): the LRS one when input·weight = +1 (XNOR = 1), the HRS one
 * otherwise. With `rows` XNOR rows and N₊ products of +1 the column conductance is
 * G_col = N₊·G_LRS + (rows − N₊)·G_HRS, linear in the bit count s = 2N₊ − rows.
 *
 * The RBL voltage is read against a load: V_RBL = V_DD·R_col/(R_load + R_col) (cells from the RBL to
 * ground, the load from the supply; the supply draws V_DD²/(R_load + R_col) while the column is read).
 * NOTE: the paper does not print the sensing circuit; this divider is the research digest's
 * recommended reading (seed-002-004.md A.1.1) and reproduces the paper's one statement about it: the
 * SA's high-gain window V_RBL ≈ 0.6–0.7 V at bit count 0 is met by 6 kΩ at a high supply and by
 * 24 kΩ at 0.8 V with the same load (see `designBitlineLoadOhm`).
 */

/** Shape and devices of one XNOR column. @since 0.1.0 */
export interface XnorColumnDevices {
  /** XNOR rows on the column (pairs of 1T1R cells), e.g. 64 for paper 002's 128×64 array. */
  readonly rows: number
  /** Low-resistance-state conductance, siemens. */
  readonly lrsS: number
  /** High-resistance-state conductance, siemens. */
  readonly hrsS: number
}

/**
 * Conductance the RBL sees with `plusCount` XNOR products of +1, siemens.
 * @example xnorColumnConductanceS({ rows: 64, lrsS: 1 / 12e3, hrsS: 1 / 200e3 }, 32) // returns ≈ 2.83e-3
 * @since 0.1.0
 */
export function xnorColumnConductanceS(devices: XnorColumnDevices, plusCount: number): number {
  return plusCount * devices.lrsS + (devices.rows - plusCount) * devices.hrsS
}

/**
 * RBL voltage for `plusCount` products of +1 against `loadOhm` at `supplyV`, volts.
 * @since 0.1.0
 */
export function bitlineVoltageV(devices: XnorColumnDevices, plusCount: number, loadOhm: number, supplyV: number): number {
  const columnOhm = 1 / xnorColumnConductanceS(devices, plusCount)
  return (supplyV * columnOhm) / (loadOhm + columnOhm)
}

/** The operating point a column load is sized for. @since 0.1.0 */
export interface BitlineDesignPoint {
  /** Supply the load was sized at, volts. */
  readonly supplyV: number
  /** RBL voltage wanted at bit count 0, volts (inside the SA's 0.6–0.7 V high-gain window). */
  readonly bitlineV: number
}

/**
 * Load resistance that puts the RBL at `point.bitlineV` for bit count 0 (N₊ = rows/2) at
 * `point.supplyV`, ohms: R_load = R_col·(V_DD/V_RBL − 1).
 * @example designBitlineLoadOhm({ rows: 64, lrsS: 1 / 6e3, hrsS: 1 / 200e3 }, { supplyV: 1.2, bitlineV: 0.65 }) // returns ≈ 154
 * @since 0.1.0
 */
export function designBitlineLoadOhm(devices: XnorColumnDevices, point: BitlineDesignPoint): number {
  if (!(point.bitlineV > 0 && point.bitlineV < point.supplyV)) throw new RangeError(`bitlineV must lie in (0, supplyV), got ${point.bitlineV}`)
  const columnOhm = 1 / xnorColumnConductanceS(devices, devices.rows / 2)
  return columnOhm * (point.supplyV / point.bitlineV - 1)
}

/**
 * Power the supply delivers while one column is read, averaged over bit counts of independent
 * equiprobable ±1 products (N₊ ~ Binomial(rows, ½): random binary inputs and weights), watts.
 * @since 0.1.0
 */
export function expectedColumnReadPowerW(devices: XnorColumnDevices, loadOhm: number, supplyV: number): number {
  const { rows } = devices
  let probability = 0.5 ** rows
  let power = 0
  for (let plus = 0; plus <= rows; plus++) {
    power += (probability * supplyV * supplyV) / (loadOhm + 1 / xnorColumnConductanceS(devices, plus))
    probability = (probability * (rows - plus)) / (plus + 1)
  }
  return power
}
