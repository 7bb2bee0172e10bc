import { createRandomSource } from '@cimkit/core'
import type { ReliabilityMiddlewareV1 } from '@cimkit/core'
import { describeMiddlewareConformance } from '@cimkit/core/testing'
import { describe, expect, it } from 'vitest'
import { ActionCounter } from '../testing/action-counter.js'
import { mvmThroughChain, programThroughChain } from '../testing/middleware-chain.js'
import { alternatingPolarityDrift, fixedPolarityDrift, ReadDisturbTestDevice, reverseDisturbForGain } from '../testing/read-disturb-test-device.js'
import { TestCrossbar } from '../testing/test-crossbar.js'
import { createAlternatingPolarity, PAPER_000_STABILITY_GAIN } from './alternating-polarity.js'

const rows = 16
const columns = 8
const reads = 1000
const forward = 1e-5
// The double is fitted so that perfect alternation gives paper 000's average gain after 1000 reads.
const reverse = reverseDisturbForGain(forward, reads, PAPER_000_STABILITY_GAIN)

function weightDrift(middleware: ReliabilityMiddlewareV1[], batch: number, relativeStdPerRead = 0): number {
  const device = new ReadDisturbTestDevice({ minS: 1e-6, maxS: 100e-6, forwardDisturbPerRead: forward, reverseDisturbPerRead: reverse, relativeStdPerRead })
  const targets = new Float32Array(rows * columns)
  createRandomSource(1).fillUniform(targets, 5e-6, 20e-6)
  const cells = programThroughChain([], device, targets, { rows, columns }, createRandomSource(2), () => {})
  const initial = Float32Array.from(cells.conductanceS)
  const crossbar = new TestCrossbar(device, cells, rows, columns, createRandomSource(3))
  const inputs = new Float32Array(batch * rows).fill(0.5)
  for (let done = 0; done < reads; done += batch) mvmThroughChain(middleware, crossbar, inputs, batch, { timeS: 1, random: createRandomSource(4), record: () => {}, arrayId: 'a' })
  let drift = 0
  for (let index = 0; index < initial.length; index++) drift += Math.abs(cells.conductanceS[index]! / initial[index]! - 1)
  return drift / initial.length
}

describeMiddlewareConformance('alternating-polarity', { create: () => createAlternatingPolarity(), device: () => new ReadDisturbTestDevice({ minS: 1e-6, maxS: 1e-4, forwardDisturbPerRead: 1e-3, reverseDisturbPerRead: 1e-3 }) })

describe('alternating-polarity', () => {
  it('paper 000 (Yan et al., ICCAD 2017): alternating the read polarity improves weight stability 14.9× on the fitted double', () => {
    expect(reverse).toBeGreaterThan(0.8 * forward)
    const fixed = weightDrift([], 10)
    const alternated = weightDrift([createAlternatingPolarity()], 10)
    expect(fixed).toBeCloseTo(fixedPolarityDrift(forward, reads), 5)
    expect(alternated).toBeCloseTo(alternatingPolarityDrift(forward, reverse, reads), 6)
    expect(Math.abs(fixed / alternated / PAPER_000_STABILITY_GAIN - 1)).toBeLessThan(0.01)
  })

  it('keeps alternating across calls with an odd batch', () => {
    const alternated = weightDrift([createAlternatingPolarity()], 5)
    expect(Math.abs(weightDrift([], 5) / alternated / PAPER_000_STABILITY_GAIN - 1)).toBeLessThan(0.01)
  })

  it('the feedback controller balances unequal SET/RESET disturb and beats plain alternation', () => {
    const feedback = weightDrift([createAlternatingPolarity({ policy: 'feedback', reverseToForwardDisturbRatio: reverse / forward })], 10)
    expect(weightDrift([], 10) / feedback).toBeGreaterThan(10 * PAPER_000_STABILITY_GAIN)
  })

  it('cannot cancel the random part of the disturb: with a random walk the gain falls below the deterministic one', () => {
    const gain = weightDrift([], 10, 2e-6) / weightDrift([createAlternatingPolarity()], 10, 2e-6)
    expect(gain).toBeGreaterThan(1)
    expect(gain).toBeLessThan(PAPER_000_STABILITY_GAIN)
  })

  it('leaves the MVM result unchanged and counts decisions and reverse reads', () => {
    const device = new ReadDisturbTestDevice({ minS: 1e-6, maxS: 1e-4, forwardDisturbPerRead: 0, reverseDisturbPerRead: 0 })
    const targets = new Float32Array(rows * columns)
    createRandomSource(5).fillUniform(targets, 1e-6, 1e-4)
    const cells = programThroughChain([], device, targets, { rows, columns }, createRandomSource(6), () => {})
    const crossbar = new TestCrossbar(device, cells, rows, columns, createRandomSource(7))
    const inputs = new Float32Array(6 * rows)
    createRandomSource(8).fillUniform(inputs, 0, 1)
    const counter = new ActionCounter()
    const plain = mvmThroughChain([], crossbar, inputs, 6, { timeS: 1, random: createRandomSource(9), record: () => {} })
    const alternated = mvmThroughChain([createAlternatingPolarity()], crossbar, inputs, 6, { timeS: 1, random: createRandomSource(9), record: counter.record })
    for (let index = 0; index < plain.length; index++) expect(alternated[index]).toBeCloseTo(plain[index]!, 12)
    expect(counter.get('readPolarity', 'decide')).toBe(6)
    expect(counter.get('readPolarity', 'reverseRead')).toBe(3)
  })

  it('statistics(): alternation reads half the planes in reverse and leaves at most one read of disturb on an array', () => {
    const technique = createAlternatingPolarity()
    weightDrift([technique], 5)
    expect(technique.statistics()).toEqual({ reads, reverseReads: reads / 2, reverseReadFraction: 0.5, maxResidualDisturbReads: 0 })
    const feedback = createAlternatingPolarity({ policy: 'feedback', reverseToForwardDisturbRatio: 0.8 })
    weightDrift([feedback], 5)
    const statistics = feedback.statistics()
    // Balance: forward reads ≈ 0.8 × reverse reads, so about 1/1.8 of the planes go forward.
    expect(Math.abs(statistics.reverseReadFraction - 1 / 1.8)).toBeLessThan(2 / reads)
    expect(statistics.maxResidualDisturbReads).toBeLessThanOrEqual(1)
  })
})
