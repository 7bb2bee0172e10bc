import { defineComponentCost } from '@cimkit/core'
import type { ComponentCostModelV1 } from '@cimkit/core'
import { describeScaling, resolveDesignPoint } from '../technology/design-point.js'
import { RESOLUTION_SCALING_SOURCE, resolutionEnergyFactor } from './adc-resolution-scaling.js'
import { interleave } from './interleaving.js'
import { publishedAnchors } from './published-anchors.js'

/** What an ADC cost model is asked for. @since 0.1.0 */
export interface AdcCostRequest {
  readonly bits: number
  /** Requested conversion rate, samples per second; default: one channel's native rate. */
  readonly sampleRateHz?: number | undefined
  /** Feature size, nanometres; default: the anchor's node. */
  readonly technologyNodeNm?: number | undefined
  /** Supply, volts; default: the node's nominal supply. */
  readonly supplyV?: number | undefined
}

/**
 * SAR ADC anchored at ISAAC's 8-bit 1.28 GS/s 32 nm design (2 mW, 1200 µm² → 1.5625 pJ per conversion).
 * Energy per conversion follows the survey resolution law; the capacitive DAC's area ∝ 2^B
 * (survey paper 003 §V C, Ref. 154); one channel needs B comparator cycles, so its native rate ∝ 1/B
 * (paper 003: SAR latency O(B)) and ∝ 1/L with the node.
 * @example sarAdcCost({ bits: 8, sampleRateHz: 1.28e9, technologyNodeNm: 32 }).energyPerActionJ.convert // returns 1.5625e-12
 * @since 0.1.0
 */
export function sarAdcCost(request: AdcCostRequest): ComponentCostModelV1 {
  const anchor = publishedAnchors.isaacSar
  const point = resolveDesignPoint(anchor, { technologyNodeNm: request.technologyNodeNm ?? anchor.nodeNm, supplyV: request.supplyV })
  const energyJ = (anchor.powerW / anchor.sampleRateHz) * resolutionEnergyFactor(anchor.bits, request.bits) * point.scale.energy
  const channelAreaMm2 = anchor.areaMm2 * 2 ** (request.bits - anchor.bits) * point.scale.area
  const nativeRateHz = (anchor.sampleRateHz * anchor.bits) / request.bits / point.scale.latency
  const rate = interleave(nativeRateHz, request.sampleRateHz)
  return defineComponentCost({
    componentClass: 'adc-sar',
    energyPerActionJ: { convert: energyJ },
    latencyPerActionS: { convert: 1 / rate.sampleRateHz },
    areaMm2: channelAreaMm2 * rate.channels,
    source: `${anchor.source}; ${request.bits}-bit: ${RESOLUTION_SCALING_SOURCE}, area ∝ 2^B (capacitive DAC, paper 003 §V C), native rate ∝ 1/B; ${rate.channels} channel(s); ${describeScaling(anchor, point)}`,
  })
}

/**
 * Pipelined ADC anchored at MNSIM's 10-bit 1.5 GS/s 14 nm pipelined-SAR (6.92 mW, 1600 µm²).
 * Energy follows the survey resolution law; area ∝ B (one stage per resolved bit); a pipeline
 * delivers one sample per clock whatever B, so its native rate does not depend on B.
 * @example pipelinedAdcCost({ bits: 10, technologyNodeNm: 14 }).areaMm2 // returns 0.0016
 * @since 0.1.0
 */
export function pipelinedAdcCost(request: AdcCostRequest): ComponentCostModelV1 {
  const anchor = publishedAnchors.mnsimPipelined
  const point = resolveDesignPoint(anchor, { technologyNodeNm: request.technologyNodeNm ?? anchor.nodeNm, supplyV: request.supplyV })
  const energyJ = (anchor.powerW / anchor.sampleRateHz) * resolutionEnergyFactor(anchor.bits, request.bits) * point.scale.energy
  const rate = interleave(anchor.sampleRateHz / point.scale.latency, request.sampleRateHz)
  return defineComponentCost({
    componentClass: 'adc-pipelined',
    energyPerActionJ: { convert: energyJ },
    latencyPerActionS: { convert: 1 / rate.sampleRateHz },
    areaMm2: anchor.areaMm2 * (request.bits / anchor.bits) * point.scale.area * rate.channels,
    source: `${anchor.source}; ${request.bits}-bit: ${RESOLUTION_SCALING_SOURCE}, area ∝ B stages; ${rate.channels} channel(s); ${describeScaling(anchor, point)}`,
  })
}

/**
 * Flash ADC as a bank of 2^B − 1 latch comparators (the structure NeuroSim's MultilevelSenseAmp
 * models), each costed like MNSIM's 28 nm sense amplifier: energy and area ∝ 2^B − 1 (paper 003 §V C:
 * flash suits small resolutions); one decision per comparator clock.
 * @example comparatorBankCost({ bits: 3, technologyNodeNm: 28 }, 'adc-flash').areaMm2 // returns ~7e-6
 * @since 0.1.0
 */
export function comparatorBankCost(request: AdcCostRequest, componentClass: string): ComponentCostModelV1 {
  const anchor = publishedAnchors.mnsimSenseAmp
  const point = resolveDesignPoint(anchor, { technologyNodeNm: request.technologyNodeNm ?? anchor.nodeNm, supplyV: request.supplyV })
  const comparators = 2 ** request.bits - 1
  const rate = interleave(anchor.decisionRateHz / point.scale.latency, request.sampleRateHz)
  return defineComponentCost({
    componentClass,
    energyPerActionJ: { convert: comparators * (anchor.powerW / anchor.decisionRateHz) * point.scale.energy },
    latencyPerActionS: { convert: 1 / rate.sampleRateHz },
    areaMm2: comparators * anchor.areaMm2 * point.scale.area * rate.channels,
    source: `${anchor.source}; ${comparators} comparator(s) per conversion; ${rate.channels} channel(s); ${describeScaling(anchor, point)}`,
  })
}

/**
 * Column ramp ADC (paper 003 §V C, Fig. 12a): a comparator per column watches a shared ramp for 2^B
 * clock steps and latches the shared counter into a B-bit register. Energy ∝ 2^B (comparator active
 * through the ramp), latency = 2^B clocks; the ramp generator and counter are shared by the array
 * and not charged here. Comparator and register latches are costed like MNSIM's 28 nm sense amplifier.
 * @example rampAdcCost({ bits: 6, technologyNodeNm: 28 }).latencyPerActionS.convert // returns ~6.4e-8
 * @since 0.1.0
 */
export function rampAdcCost(request: AdcCostRequest): ComponentCostModelV1 {
  const anchor = publishedAnchors.mnsimSenseAmp
  const point = resolveDesignPoint(anchor, { technologyNodeNm: request.technologyNodeNm ?? anchor.nodeNm, supplyV: request.supplyV })
  const steps = 2 ** request.bits
  const clockHz = anchor.decisionRateHz / point.scale.latency
  const rate = interleave(clockHz / steps, request.sampleRateHz)
  return defineComponentCost({
    componentClass: 'adc-ramp',
    energyPerActionJ: { convert: steps * (anchor.powerW / anchor.decisionRateHz) * point.scale.energy },
    latencyPerActionS: { convert: 1 / rate.sampleRateHz },
    areaMm2: (1 + request.bits) * anchor.areaMm2 * point.scale.area * rate.channels,
    source: `${anchor.source}; ramp of ${steps} clock steps (paper 003 §V C: energy O(2^B), latency O(2^B)); comparator + ${request.bits}-bit register latches; ${describeScaling(anchor, point)}`,
  })
}
