import { describe, expect, it } from 'vitest'
import { spawnCli } from './spawn-cli.js'

// A full training takes minutes (the trainer itself is tested in @cimkit/nn); here the command's
// contract on bad input.
describe('cimkit train', () => {
  it('names the trainable models when given an unknown one', () => {
    const result = spawnCli(['train', 'resnet-imagenet', '--out', '/tmp/never'])
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/unknown model "resnet-imagenet" \(trainable: .*lenet5-mnist/)
  })

  it('requires --out, so committed models are never overwritten by accident', () => {
    const result = spawnCli(['train', 'mlp-mnist'])
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/--out <directory> is required/)
  })
})
