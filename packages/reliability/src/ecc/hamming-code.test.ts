import { createRandomSource } from '@cimkit/core'
import { describe, expect, it } from 'vitest'
import { HammingCode } from './hamming-code.js'

function randomWord(code: HammingCode, seed: number): Uint8Array {
  const random = createRandomSource(seed)
  return Uint8Array.from({ length: code.dataBits }, () => (random.nextUniform() < 0.5 ? 1 : 0))
}

/** Flips codeword bit `position` (data bits first, then check bits). */
function flip(data: Uint8Array, check: Uint8Array, position: number): void {
  if (position < data.length) data[position] = data[position]! ^ 1
  else check[position - data.length] = check[position - data.length]! ^ 1
}

describe('HammingCode', () => {
  it('has the (n,k) of the classic codes: SEC(7,4), SECDED(8,4), SEC(38,32), SECDED(72,64)', () => {
    expect(new HammingCode(4, 'sec').name).toBe('SEC(7,4)')
    expect(new HammingCode(4, 'secded').name).toBe('SECDED(8,4)')
    expect(new HammingCode(32, 'sec').name).toBe('SEC(38,32)')
    expect(new HammingCode(64, 'secded').name).toBe('SECDED(72,64)')
  })

  for (const [dataBits, kind] of [[4, 'sec'], [4, 'secded'], [11, 'sec'], [64, 'secded'], [10, 'sec']] as const) {
    const code = new HammingCode(dataBits, kind)
    it(`${code.name}: decodes clean words and corrects every single-bit error`, () => {
      for (let trial = 0; trial < 8; trial++) {
        const data = randomWord(code, trial)
        const check = code.encode(data)
        expect(code.decode(data.slice(), check.slice())).toBe('clean')
        for (let position = 0; position < code.length; position++) {
          const received = data.slice()
          const receivedCheck = check.slice()
          flip(received, receivedCheck, position)
          expect(code.decode(received, receivedCheck)).toBe('corrected')
          expect(Array.from(received)).toEqual(Array.from(data))
        }
      }
    })
  }

  for (const dataBits of [4, 11, 64]) {
    const code = new HammingCode(dataBits, 'secded')
    it(`${code.name}: detects every double-bit error and never miscorrects it`, () => {
      const data = randomWord(code, 3)
      const check = code.encode(data)
      for (let first = 0; first < code.length; first++) {
        for (let second = first + 1; second < code.length; second++) {
          const received = data.slice()
          const receivedCheck = check.slice()
          flip(received, receivedCheck, first)
          flip(received, receivedCheck, second)
          const before = received.slice()
          expect(code.decode(received, receivedCheck)).toBe('detected')
          expect(Array.from(received)).toEqual(Array.from(before))
        }
      }
    })
  }

  it('SEC(7,4) is perfect: a double error always reads as a single one and is miscorrected into a third', () => {
    const code = new HammingCode(4, 'sec')
    const data = new Uint8Array(4)
    const check = code.encode(data)
    for (let first = 0; first < 7; first++) {
      for (let second = first + 1; second < 7; second++) {
        const received = data.slice()
        const receivedCheck = check.slice()
        flip(received, receivedCheck, first)
        flip(received, receivedCheck, second)
        expect(code.decode(received, receivedCheck)).toBe('corrected')
        let wrong = 0
        for (const bit of received) wrong += bit
        for (const bit of receivedCheck) wrong += bit
        // The decoder flipped a third bit (possibly a check bit, which it leaves uncorrected): 2 or 3 wrong.
        expect(wrong).toBeGreaterThanOrEqual(2)
      }
    }
  })

  it('storage overheads (n − k)/k: SEC(7,4) 75 %, SECDED(8,4) 100 % (the 2T2R cell\'s two devices per bit), SECDED(72,64) 12.5 %', () => {
    const overhead = (code: HammingCode) => code.checkBits / code.dataBits
    expect(overhead(new HammingCode(4, 'sec'))).toBe(0.75)
    expect(overhead(new HammingCode(4, 'secded'))).toBe(1)
    expect(overhead(new HammingCode(64, 'secded'))).toBe(0.125)
  })

  it('paper 004 (Gregori et al. 2003 via Hirtzlin et al. 2020): decoders take hundreds to thousands of gates', () => {
    const wide = new HammingCode(64, 'secded')
    expect(wide.decoderGates()).toBeGreaterThan(100)
    expect(wide.decoderGates()).toBeLessThan(10000)
    // SECDED(8,4): 3 syndrome trees of 3 XOR2, 4×(2 AND2) + 4 XOR2, 7 XOR2 parity, 3 for the flag.
    expect(new HammingCode(4, 'secded').decoderGates()).toBe(9 + 12 + 7 + 3)
    expect(wide.decodeEnergyJ()).toBeCloseTo(wide.decoderGates() * 0.75e-15, 20)
  })
})
