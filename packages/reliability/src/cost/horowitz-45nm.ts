/**
 * Energy and area of digital arithmetic at 45 nm, 0.9 V, from M. Horowitz, "Computing's energy
 * problem (and what we can do about it)", ISSCC 2014: its energy and area table, which architecture
 * cost models such as Accelergy and NeuroSim quote. Techniques that add digital logic cost it here.
 * @since 0.1.0
 */
export const HOROWITZ_45NM = {
  source: 'Horowitz, ISSCC 2014, energy and area table (45 nm, 0.9 V)',
  /** 8-bit integer add: 0.03 pJ, 36 µm². */
  add8: { energyJ: 0.03e-12, areaUm2: 36 },
  /** 32-bit integer add: 0.1 pJ, 137 µm². */
  add32: { energyJ: 0.1e-12, areaUm2: 137 },
  /** 16-bit floating-point multiply: 1.1 pJ, 1640 µm². */
  floatMultiply16: { energyJ: 1.1e-12, areaUm2: 1640 },
  /** 32-bit floating-point multiply: 3.7 pJ, 7700 µm². */
  floatMultiply32: { energyJ: 3.7e-12, areaUm2: 7700 },
} as const

/**
 * One two-input logic gate (XOR2/AND2 equivalent) at 45 nm, derived from Horowitz's 8-bit adder:
 * a ripple-carry adder is 8 full adders of 5 two-input gates each (2 XOR, 2 AND, 1 OR), so one gate
 * ≈ (0.03 pJ, 36 µm²) / 40 = 0.75 fJ and 0.9 µm² per evaluation.
 * @since 0.1.0
 */
export const GATE_45NM = {
  energyJ: HOROWITZ_45NM.add8.energyJ / 40,
  areaUm2: HOROWITZ_45NM.add8.areaUm2 / 40,
  source: `${HOROWITZ_45NM.source}: 8-bit adder ÷ 40 two-input gates (8 full adders × 5 gates)`,
} as const
