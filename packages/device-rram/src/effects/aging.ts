/**
 * Loss of ln(HRS/LRS) after `cycles` writes: k·log10(cycles/onset) beyond the onset, else 0
 * (see `agingSchema`).
 * @example agedWindowLoss({ onsetCycles: 1e3, lnWindowLossPerDecade: 0.25 }, 1e7) // returns 1
 * @since 0.1.0
 */
export function agedWindowLoss(aging: { readonly onsetCycles: number; readonly lnWindowLossPerDecade: number }, cycles: number): number {
  return cycles > aging.onsetCycles ? aging.lnWindowLossPerDecade * Math.log10(cycles / aging.onsetCycles) : 0
}
