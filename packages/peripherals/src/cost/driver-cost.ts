import { defineComponentCost } from '@cimkit/core'
import type { ComponentCostModelV1 } from '@cimkit/core'
import { describeScaling, resolveDesignPoint } from '../technology/design-point.js'
import { publishedAnchors } from './published-anchors.js'

/** Node and supply of a driver. @since 0.1.0 */
export interface DriverPoint {
  readonly technologyNodeNm: number
  readonly supplyV?: number | undefined
}

/**
 * A 1-bit row driver (bit-serial inputs, spikes): ISAAC's 1-bit DAC, 3.9 µW and 1.67e-7 mm² at 32 nm,
 * one drive per 100 ns crossbar cycle.
 * @example oneBitDriverCost({ technologyNodeNm: 32 }).energyPerActionJ.drive // returns ~3.9e-13
 * @since 0.1.0
 */
export function oneBitDriverCost(point: DriverPoint, componentClass = 'dac-1bit'): ComponentCostModelV1 {
  const anchor = publishedAnchors.isaacDac1Bit
  const resolved = resolveDesignPoint(anchor, point)
  return defineComponentCost({
    componentClass,
    energyPerActionJ: { drive: anchor.powerW * anchor.cycleS * resolved.scale.energy },
    latencyPerActionS: { drive: anchor.cycleS * resolved.scale.latency },
    areaMm2: anchor.areaMm2 * resolved.scale.area,
    source: `${anchor.source}; ${describeScaling(anchor, resolved)}`,
  })
}

/**
 * A B-bit voltage DAC per row: 2^B − 1 unit elements, each costed like ISAAC's 1-bit driver, so
 * energy and area grow as 2^B − 1 (paper 003 §V B: "DAC area and energy may grow exponentially with
 * B_in"; DACs cannot be shared across rows). One drive per crossbar cycle.
 * @example multiBitDacCost(4, { technologyNodeNm: 32 }).areaMm2 // returns ~2.5e-6 (15 units)
 * @since 0.1.0
 */
export function multiBitDacCost(bits: number, point: DriverPoint): ComponentCostModelV1 {
  const unit = oneBitDriverCost(point)
  const units = 2 ** bits - 1
  return defineComponentCost({
    componentClass: `dac-${bits}bit`,
    energyPerActionJ: { drive: unit.energyPerActionJ['drive']! * units },
    latencyPerActionS: { drive: unit.latencyPerActionS['drive']! },
    areaMm2: unit.areaMm2 * units,
    source: `${units} unit elements (paper 003 §V B: DAC cost exponential in bits), each ${unit.source}`,
  })
}

/**
 * A PWM driver: a fixed-amplitude pulse of up to 2^B − 1 unit slots (paper 003 §V B, Eq. 7). The row
 * switches once per pulse, so its energy is one 1-bit drive; the pulse length sets the latency,
 * (2^B − 1) slots; a B-bit down-counter sets the width (B latches, costed like MNSIM's 28 nm sense
 * amplifier latch).
 * @example pwmDriverCost(4, 1e-9, { technologyNodeNm: 32 }).latencyPerActionS.drive // returns 1.5e-8
 * @since 0.1.0
 */
export function pwmDriverCost(bits: number, unitPulseS: number, point: DriverPoint): ComponentCostModelV1 {
  const unit = oneBitDriverCost(point)
  const latch = publishedAnchors.mnsimSenseAmp
  const latchPoint = resolveDesignPoint(latch, point)
  return defineComponentCost({
    componentClass: `pwm-driver-${bits}bit`,
    energyPerActionJ: { drive: unit.energyPerActionJ['drive']! + bits * (latch.powerW / latch.decisionRateHz) * latchPoint.scale.energy },
    latencyPerActionS: { drive: (2 ** bits - 1) * unitPulseS },
    areaMm2: unit.areaMm2 + bits * latch.areaMm2 * latchPoint.scale.area,
    source: `pulse driver: ${unit.source}; ${bits}-bit width counter: ${latch.source}; pulse of (2^B − 1) × ${unitPulseS} s (paper 003 §V B: latency ∝ 2^B)`,
  })
}
