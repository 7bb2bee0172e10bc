import { describe, expect, it } from 'vitest'
import { inferenceSchedule, trainingSchedule } from './pipelayer-schedule.js'

const work = [
  { layer: 'conv1', forwardSteps: 10, backwardSteps: 0, gradientS: 2.56e-6 },
  { layer: 'conv2', forwardSteps: 8, backwardSteps: 8, gradientS: 0.64e-6 },
  { layer: 'fc', forwardSteps: 1, backwardSteps: 1, gradientS: 40e-9 },
]

describe('PipeLayer schedules (hand-computed, 16 spike slots of 100 ns per MVM)', () => {
  it('inference of 10 images: step = 10 MVMs × 16 = 160 cycles (16 µs); L + N − 1 = 12 steps = 1920 cycles', () => {
    const schedule = inferenceSchedule(work, 16, 100e-9, 10)
    expect(schedule.layers.map((layer) => layer.forwardCycles)).toEqual([160, 128, 16])
    expect(schedule.stepS).toBeCloseTo(16e-6, 15)
    expect(schedule.steps).toBe(12)
    expect(schedule.totalCycles).toBe(1920)
    expect(schedule.latencyS).toBeCloseTo(48e-6, 15)
    expect(schedule.throughputFps).toBeCloseTo(62500, 6)
  })

  it('training a batch of 4: 2L + 1 + (B − 1) = 10 steps, then the update', () => {
    const schedule = trainingSchedule(work, 16, 100e-9, 4, 14.08e-6)
    expect(schedule.layers.map((layer) => layer.backwardCycles)).toEqual([0, 128, 16])
    expect(schedule.steps).toBe(10)
    // the step is still conv1's 160-cycle forward pass (its 2.56 µs gradient is shorter)
    expect(schedule.stepS).toBeCloseTo(16e-6, 15)
    expect(schedule.totalS).toBeCloseTo(10 * 16e-6 + 14.08e-6, 15)
    expect(schedule.totalCycles).toBe(1741) // 174.08 µs / 100 ns, rounded up
    expect(schedule.latencyS).toBeCloseTo(7 * 16e-6, 15)
    expect(schedule.throughputFps).toBeCloseTo(4 / 174.08e-6, 3)
  })

  it('a gradient longer than every MVM pass sets the step', () => {
    const slow = [{ layer: 'fc', forwardSteps: 1, backwardSteps: 1, gradientS: 5e-6 }]
    expect(trainingSchedule(slow, 16, 100e-9, 1, 0).stepS).toBeCloseTo(5e-6, 15)
  })

  it('rejects empty networks and batches', () => {
    expect(() => inferenceSchedule([], 16, 1e-7, 1)).toThrow(/layers/)
    expect(() => trainingSchedule(work, 16, 1e-7, 0, 0)).toThrow(/batch/)
  })
})
