import { defineComponentCost } from '@cimkit/core'
import type { ComponentCostModelV1 } from '@cimkit/core'
import type { TechnologyPoint } from '../technology/technology-scaling.js'
import { componentCostFromPower, resizeComponentCost, scaleComponentCost } from './define-component-cost.js'
import { ISAAC_TECHNOLOGY, isaacTable6 } from './isaac-table-6.js'
import type { IsaacTable6Component, PublishedComponentFigure } from './isaac-table-6.js'

/**
 * The cost of ONE instance described by a published table row: power and area divided by the
 * row's count, energy per action = power ÷ peak action rate, static rows as leakage.
 * @since 0.1.0
 */
export function publishedComponentCost(figure: PublishedComponentFigure): ComponentCostModelV1 {
  const powerW = figure.powerW / figure.count
  const areaMm2 = figure.areaMm2 / figure.count
  if (figure.static === true || Object.keys(figure.actionsPerSecond).length === 0) {
    return defineComponentCost({ componentClass: figure.componentClass, energyPerActionJ: {}, leakagePowerW: powerW, areaMm2, source: figure.source })
  }
  return componentCostFromPower({ componentClass: figure.componentClass, powerW, actionsPerSecond: figure.actionsPerSecond, areaMm2, source: figure.source })
}

/** Where and how big a library component is. @since 0.1.0 */
export interface LibraryComponentOptions {
  /** Target technology; default ISAAC's 32 nm (1.0 V assumed). */
  readonly technology?: TechnologyPoint
}

/**
 * One instance of a component from ISAAC's Table 6, scaled to `technology`.
 * @example isaacComponentCost('sampleHold').energyPerActionJ.sample // returns ~9.8e-16
 * @since 0.1.0
 */
export function isaacComponentCost(name: IsaacTable6Component, options: LibraryComponentOptions = {}): ComponentCostModelV1 {
  const cost = publishedComponentCost(isaacTable6[name])
  return scaleComponentCost(cost, ISAAC_TECHNOLOGY, options.technology ?? ISAAC_TECHNOLOGY)
}

/** ISAAC's tile eDRAM capacity, bytes (Table 6). */
const ISAAC_EDRAM_BYTES = 64 * 1024

/**
 * An eDRAM buffer of `capacityBytes`, from ISAAC's 64 KB row: area and leakage in proportion to
 * capacity; energy per byte held at the 64 KB figure (first order; CACTI would raise it slowly with
 * capacity).
 * @since 0.1.0
 */
export function edramBufferCost(capacityBytes: number, options: LibraryComponentOptions = {}): ComponentCostModelV1 {
  const ratio = capacityBytes / ISAAC_EDRAM_BYTES
  const base = isaacComponentCost('edramBuffer', options)
  return resizeComponentCost(base, { energy: 1, area: ratio, leakage: ratio }, `resized 64 KB → ${capacityBytes} B (area ∝ capacity, energy per byte kept)`)
}
