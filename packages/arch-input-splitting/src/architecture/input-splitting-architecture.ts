import type { ActivityV1, ArchitectureV1, ArrayOrganizationV1, ComponentNodeV1, HardwareV1, MappingV1, NetworkWorkloadV1, PeakPpaV1, PpaReportV1 } from '@cimkit/core'
import { peakPpa } from '@cimkit/cost'
import { buildMultilevelArray, costMultilevelNetwork, mapMultilevel, multilevelPeak } from '../multilevel/multilevel-design.js'
import { requireDevice } from '../xnor/hardware-parts.js'
import { buildXnorMacro } from '../xnor/xnor-macro.js'
import type { XnorMacro } from '../xnor/xnor-macro.js'
import { costXnorNetwork, mapOnXnorMacros } from '../xnor/xnor-network-cost.js'
import { inputSplittingOptionsSchema } from './input-splitting-options.js'
import type { InputSplittingOptions, ResolvedInputSplittingOptions } from './input-splitting-options.js'

/**
 * Paper 002 (Yin et al., IEEE Micro 2019) as an architecture: the 90 nm XNOR-RRAM macro read by
 * 3-bit flash ADCs (conventional) or one-reference binary SAs (input splitting), and the 2-bit-cell
 * design of its Table 1. Devices and converters come from the configured hardware.
 * @since 0.1.0
 */
export class InputSplittingArchitecture implements ArchitectureV1 {
  readonly specificationVersion = 'v1' as const
  readonly type = 'input-splitting'
  readonly arrays: ArrayOrganizationV1
  readonly options: ResolvedInputSplittingOptions

  constructor(options: InputSplittingOptions) {
    this.options = inputSplittingOptionsSchema.parse(options)
    const o = this.options
    this.arrays =
      o.design === 'xnor-macro'
        ? { rows: o.rows, columns: o.columns, weightBits: 1, bitsPerCell: 1, inputBits: 1, weightMapping: 'complementary-binary', conversion: 'per-input-bit', columnsPerConverter: o.columnsPerConverter }
        : { rows: o.rows, columns: o.rows, weightBits: o.weightBits, bitsPerCell: o.bitsPerCell, inputBits: o.inputBits, weightMapping: 'offset-digital', conversion: 'per-input-bit', columnsPerConverter: o.columnsPerConverter }
  }

  /** The XNOR macro on `hardware` (design `xnor-macro` only). */
  macro(hardware: HardwareV1): XnorMacro {
    if (this.options.design !== 'xnor-macro') throw new TypeError('macro() is for design xnor-macro')
    return buildXnorMacro(this.options, hardware)
  }

  hierarchy(hardware: HardwareV1): ComponentNodeV1 {
    return this.options.design === 'xnor-macro' ? this.macro(hardware).root : buildMultilevelArray(this.options, hardware)
  }

  map(network: NetworkWorkloadV1): MappingV1 {
    return this.options.design === 'xnor-macro' ? mapOnXnorMacros(network, this.options) : mapMultilevel(network, this.options)
  }

  cost(network: NetworkWorkloadV1, mapping: MappingV1, activity: ActivityV1 | null, hardware: HardwareV1): PpaReportV1 {
    const peak = this.peak(hardware)
    if (this.options.design === 'multilevel') return costMultilevelNetwork(network, mapping, this.options, hardware, peak)
    const node = requireDevice(hardware, 'xnor-macro').cost.technologyNodeNm
    return costXnorNetwork(network, mapping, activity, this.macro(hardware), this.options, peak, node)
  }

  /**
   * Xnor-macro: one macro at peak (every column evaluated back to back), operations = opsPerMac × MACs.
   * Multilevel: one array with its ADCs.
   */
  peak(hardware: HardwareV1): PeakPpaV1 {
    if (this.options.design === 'multilevel') return multilevelPeak(this.options, hardware)
    const macro = this.macro(hardware)
    const twoOpsPeak = peakPpa(macro.components, macro.macsPerMvm / macro.mvmTimeS)
    const scale = this.options.opsPerMac / 2
    return { tops: twoOpsPeak.tops * scale, topsPerW: twoOpsPeak.topsPerW * scale, topsPerMm2: twoOpsPeak.topsPerMm2 * scale, powerW: twoOpsPeak.powerW, powerShare: twoOpsPeak.powerShare }
  }

  toJSON(): Record<string, unknown> {
    return { type: this.type, ...this.options }
  }
}
