import { checkSerialisable } from '@cimkit/core/testing'
import { describe, expect, it } from 'vitest'
import { networkMacs } from './vgg-like-cifar.js'
import { VggLikeCifarWorkload, vggLikeCifarWorkloadOptionsSchema } from './vgg-like-cifar-workload.js'

describe('vgg-like-cifar10 shape-only workload (paper 002 Table 1)', () => {
  it('describes the nine array layers of 128C3-128C3-MP2-256C3-256C3-MP2-512C3-512C3-MP2-1024FC-1024FC-10FC, ≈ 0.617 G MAC per image (research digest A.1.10) within 1 %', () => {
    const network = new VggLikeCifarWorkload().describe()
    expect(network.layers.map((layer) => layer.name)).toEqual(['conv1', 'conv2', 'conv3', 'conv4', 'conv5', 'conv6', 'fc1', 'fc2', 'fc3'])
    expect(Math.abs(networkMacs(network) / 0.617e9 - 1)).toBeLessThan(0.01)
  })

  it('has no evaluate (PPA only, no accuracy) and its multiples-of-7 variant narrows the convs to 126/252/504', () => {
    const workload = new VggLikeCifarWorkload({ multiplesOf7: true })
    expect((workload as { evaluate?: unknown }).evaluate).toBeUndefined()
    expect(workload.describe().layers.slice(0, 6).map((layer) => layer.outputs)).toEqual([126, 126, 252, 252, 504, 504])
    expect(workload.toJSON()).toMatchObject({ type: 'vgg-like-cifar10', multiplesOf7: true, network: 'vgg-like-cifar10-x7' })
    checkSerialisable(workload)
  })

  it('rejects unknown keys (strict options)', () => {
    expect(vggLikeCifarWorkloadOptionsSchema.safeParse({ model: 'vgg' }).success).toBe(false)
  })
})
