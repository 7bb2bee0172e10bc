import type { PresetV1 } from '@cimkit/core'

// Paper 002 (Yin et al., IEEE Micro 2019): Winbond embedded HfO₂ RRAM, 90 nm CMOS, 1T1R cells.
// The paper prints the LRS targets but no HRS and no spreads (its Figs. 4–7 are lost), so:
// - HRS 200 kΩ is our assumption, the same for all three LRS targets, so the window closes as LRS
//   rises (the paper: "if the LRS and HRS ranges become relatively close" accuracy suffers);
// - σ(ln R) at HRS is paper 000 Table 1's binary 0.4 σ/μ; at LRS it starts from Table 1's 0.04 at
//   6 kΩ and grows in proportion to the LRS resistance (the paper: a higher LRS "can result in wider
//   distribution after programming"; the proportionality is our assumption).
const hrsOhm = 200e3
const hrsSigmaLn = Math.sqrt(Math.log(1 + 0.4 ** 2))
const cost = {
  technologyNodeNm: 90,
  cellAreaF2: 12,
  source: 'paper 002: 90 nm Winbond 1T1R; 12 F² per 1T1R (paper 001 §II.2 example); read and write timing not in the paper, rram defaults',
}

function winbondBinary(lrsOhm: number): PresetV1 {
  const lrsSigmaLn = Math.sqrt(Math.log(1 + 0.04 ** 2)) * (lrsOhm / 6e3)
  return {
    description: `Winbond 90 nm binary RRAM programmed to an LRS of ${lrsOhm / 1e3} kΩ (one device of an XNOR-RRAM cell)`,
    source: `paper 002 §"Higher resistance for LRS devices": LRS targets 6, 12, 24 kΩ; HRS 200 kΩ and spreads assumed (see presets/winbond.ts)`,
    config: { device: { type: 'rram', levels: 2, levelsS: [1 / hrsOhm, 1 / lrsOhm], programmingError: { kind: 'lognormal', sigmaLn: [hrsSigmaLn, lrsSigmaLn] }, cost } },
  }
}

/** @since 0.1.0 */
export const winbondBinary6kPreset: PresetV1 = winbondBinary(6e3)
/** @since 0.1.0 */
export const winbondBinary12kPreset: PresetV1 = winbondBinary(12e3)
/** @since 0.1.0 */
export const winbondBinary24kPreset: PresetV1 = winbondBinary(24e3)

// 2-bit cells: four levels equally spaced in conductance (paper 002 §"Multilevel programming
// scheme"). G_min/G_max are not in the paper: we take 1/60 kΩ to 1/6 kΩ (the chip's lowest LRS target
// and an on/off ratio of 10, the low end of paper 001's 10–1e3). Each level's PDF is a two-Gaussian
// mixture (the paper fits "a linear combination of multiple Gaussians" to 4096 cells per level): a
// core of σ = h/4 inside the acceptance band ±h (h = a quarter of the level spacing, our assumption)
// and a tail of σ = h whose weight w makes the out-of-band fraction the measured one:
// w = (f − 2Φ(−4)) / (2Φ(−1) − 2Φ(−4)) for f = 0.32, 1.32, 0.92, 0.44 %.
const minS = 1 / 60e3
const maxS = 1 / 6e3
const spacingS = (maxS - minS) / 3
const bandHalfWidthS = spacingS / 4
const tailWeights = [0.00988710966915684, 0.04140827389467691, 0.028799808204468882, 0.013669649376219246]

/** Paper 002's measured 2-bit cell (write-verify to < 2 % out of band). @since 0.1.0 */
export const winbondTwoBitPreset: PresetV1 = {
  description: 'Winbond 90 nm 2-bit RRAM, four levels from mixture fits of the measured distributions',
  source:
    'paper 002 §"Multilevel RRAM devices": 4 equally spaced levels, write-verify N_max 15/30/15/10, out-of-range 0.32/1.32/0.92/0.44 % (4096 cells per level), ' +
    'per-level Gaussian-mixture PDFs; G range and band width assumed (see presets/winbond.ts)',
  config: {
    device: {
      type: 'rram',
      levels: 4,
      conductanceRangeS: { minS, maxS },
      programmingError: {
        kind: 'mixture',
        levels: tailWeights.map((weight, level) => ({
          components: [
            { weight: 1 - weight, meanS: minS + level * spacingS, stdS: bandHalfWidthS / 4 },
            { weight, meanS: minS + level * spacingS, stdS: bandHalfWidthS },
          ],
        })),
      },
      writeVerify: { maxIterationsPerLevel: [15, 30, 15, 10], targetBandHalfWidthS: bandHalfWidthS, outOfRangeFractionPerLevel: [0.0032, 0.0132, 0.0092, 0.0044] },
      cost,
    },
  },
}
