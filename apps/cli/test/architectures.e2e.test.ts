import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawnCli } from './spawn-cli.js'

const examples = fileURLToPath(new URL('../../../examples/', import.meta.url))
let directory: string

interface PeakReport {
  ppa: { areaMm2: number; peak: { tops: number; topsPerW: number; topsPerMm2: number; powerShare: Record<string, number> } }
}

function runJson(config: string): PeakReport {
  const result = spawnCli(['run', config, '--json'])
  // stderr carries progress lines; a failure shows as a non-zero status with its message there.
  expect(result.status, result.stderr).toBe(0)
  return JSON.parse(result.stdout) as PeakReport
}

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'cimkit-arch-'))
})

afterAll(() => rmSync(directory, { recursive: true, force: true }))

describe('examples/isaac.yaml through the real device and peripheral plugins', () => {
  it('ISAAC-CE peak within 10 % of survey Table III (41.3 TOPS, 0.48 TOPS/mm², 0.63 TOPS/W), ADC ≈ 49 % of power', () => {
    const { ppa } = runJson(join(examples, 'isaac.yaml'))
    expect(Math.abs(ppa.peak.tops / 41.3 - 1)).toBeLessThan(0.1)
    expect(Math.abs(ppa.peak.topsPerMm2 / 0.48 - 1)).toBeLessThan(0.1)
    expect(Math.abs(ppa.peak.topsPerW / 0.63 - 1)).toBeLessThan(0.1)
    // ISAAC (Shafiee et al. 2016) reports the ADCs at ≈ 49 % of chip power; ±3 points.
    expect(Math.abs(ppa.peak.powerShare.adc! - 0.49)).toBeLessThan(0.03)
  })
})

describe('a user-composed architecture (examples/custom-256.yaml)', () => {
  it('runs, and its numbers move in the expected directions when a parameter changes', () => {
    const base = readFileSync(join(examples, 'custom-256.yaml'), 'utf8')
    const variant = (name: string, from: string, to: string): string => {
      const path = join(directory, name)
      expect(base).toContain(from)
      writeFileSync(path, base.replace(from, to))
      return path
    }
    const reference = runJson(join(examples, 'custom-256.yaml')).ppa
    // More ADC bits: each conversion costs more (ADC survey scaling), so efficiency falls and the ADCs grow.
    const moreAdcBits = runJson(variant('adc8.yaml', 'bits: 6,', 'bits: 8,')).ppa
    expect(moreAdcBits.peak.topsPerW).toBeLessThan(reference.peak.topsPerW)
    expect(moreAdcBits.areaMm2).toBeGreaterThan(reference.areaMm2)
    // Twice the tiles: twice the peak throughput, about the same density.
    const moreTiles = runJson(variant('tiles64.yaml', 'tiles: 32,', 'tiles: 64,')).ppa
    expect(moreTiles.peak.tops / reference.peak.tops).toBeCloseTo(2, 1)
    expect(Math.abs(moreTiles.peak.topsPerMm2 / reference.peak.topsPerMm2 - 1)).toBeLessThan(0.1)
    // One ADC for all 256 columns: 256 conversions of 0.78 ns (1/1.28 GS/s) outlast the 100 ns array
    // read, so the ADC sets the cycle and peak throughput falls. (At 16 or 64 columns per ADC the
    // conversions still fit inside the read, and throughput rightly does not change.)
    const sharedAdc = runJson(variant('shared.yaml', 'columnsPerAdc: 16,', 'columnsPerAdc: 256,')).ppa
    expect(sharedAdc.peak.tops).toBeLessThan(reference.peak.tops)
  })
})

describe('examples/pipelayer.yaml and pipelayer-training.yaml', () => {
  interface PipeLayerReport {
    ppa: { schedule: { mode: string }; layers: { layer: string; forwardCycles: number; backwardCycles: number; energyJ: number; throughputFps: number }[] }
  }

  it('inference and training of LeNet-5 report cycles, energy and throughput per layer', () => {
    const inference = runJson(join(examples, 'pipelayer.yaml')) as unknown as PipeLayerReport
    const training = runJson(join(examples, 'pipelayer-training.yaml')) as unknown as PipeLayerReport
    expect(inference.ppa.schedule.mode).toBe('inference')
    expect(training.ppa.schedule.mode).toBe('training')
    // LeNet-5's four array-mapped layers (conv1, conv2, fc1, fc2, fc3 in this build), each costed.
    expect(inference.ppa.layers.length).toBeGreaterThanOrEqual(4)
    for (const layer of inference.ppa.layers) {
      expect(layer.forwardCycles).toBeGreaterThan(0)
      expect(layer.backwardCycles).toBe(0)
      expect(layer.energyJ).toBeGreaterThan(0)
      expect(layer.throughputFps).toBeGreaterThan(0)
    }
    // Training adds the backward pass and the weight update: more cycles and energy per example.
    const sum = (report: PipeLayerReport, key: 'energyJ' | 'backwardCycles'): number => report.ppa.layers.reduce((total, layer) => total + layer[key], 0)
    expect(sum(training, 'backwardCycles')).toBeGreaterThan(0)
    expect(sum(training, 'energyJ')).toBeGreaterThan(sum(inference, 'energyJ'))
  })
})
