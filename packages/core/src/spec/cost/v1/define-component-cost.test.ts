import { describe, expect, it } from 'vitest'
import { defineComponentCost } from './define-component-cost.js'

const isaacAdc = { componentClass: 'adc-sar', energyPerActionJ: { convert: 1.5625e-12 }, areaMm2: 0.0012, source: 'ISAAC Table 6' }

describe('defineComponentCost', () => {
  it('fills the spec tag and defaults, and freezes the result', () => {
    const cost = defineComponentCost(isaacAdc)
    expect(cost).toEqual({ specificationVersion: 'v1', componentClass: 'adc-sar', energyPerActionJ: { convert: 1.5625e-12 }, latencyPerActionS: {}, leakagePowerW: 0, areaMm2: 0.0012, source: 'ISAAC Table 6' })
    expect(Object.isFrozen(cost) && Object.isFrozen(cost.energyPerActionJ)).toBe(true)
  })

  it('refuses a missing source and negative or non-finite numbers, naming the field', () => {
    expect(() => defineComponentCost({ ...isaacAdc, source: ' ' })).toThrow(/every cost names its source/)
    expect(() => defineComponentCost({ ...isaacAdc, areaMm2: -1 })).toThrow(/areaMm2: adc-sar: must be finite and non-negative/)
    expect(() => defineComponentCost({ ...isaacAdc, energyPerActionJ: { convert: Number.NaN } })).toThrow(/energyPerActionJ\.convert/)
    expect(() => defineComponentCost({ ...isaacAdc, latencyPerActionS: { convert: Infinity } })).toThrow(/latencyPerActionS\.convert/)
  })
})
