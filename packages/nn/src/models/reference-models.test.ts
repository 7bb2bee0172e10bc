import { describe, expect, it } from 'vitest'
import { loadReferenceModel, readReferenceModelConfig, referenceModelNames } from './reference-models.js'

/** Issue 7 targets on the full MNIST test set (10,000 images), as measured by the training script. */
const targets: Readonly<Record<string, number>> = { 'lenet5-mnist': 0.985 }

describe('reference models', () => {
  it.each(referenceModelNames)('%s has a committed, schema-valid training config', (name) => {
    const config = readReferenceModelConfig(name)
    expect(config.model).toBe(name)
    expect(['mnist', 'fashion-mnist']).toContain(config.dataset)
  })

  it.each(Object.entries(targets))('%s loads with its measured float accuracy meeting the target (≥ %s)', (name, target) => {
    const model = loadReferenceModel(name as never)
    expect(model.accuracy?.testSamples).toBe(10_000)
    expect(model.accuracy!.top1).toBeGreaterThanOrEqual(target)
    expect(model.network.outputShape).toEqual([10])
  })
})
