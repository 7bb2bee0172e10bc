import { describe, expect, it } from 'vitest'
import { idealDifferentialBitErrorRate } from './storage-bit-error-rates.js'
import { DecodeStatus, eccDataBitErrorRate, HammingCode } from './hamming-code.js'

function allWords(k: number): Uint8Array[] {
  const words: Uint8Array[] = []
  for (let value = 0; value < 2 ** k; value++) words.push(Uint8Array.from({ length: k }, (_, bit) => (value >> bit) & 1))
  return words
}

describe('Hamming SEC and SECDED codes', () => {
  it('has the standard (n,k): SEC(7,4), SECDED(8,4), SEC(12,8), SECDED(13,8), SECDED(39,32), SECDED(72,64)', () => {
    expect(new HammingCode(4, false).name).toBe('SEC(7,4)')
    expect(new HammingCode(4, true).name).toBe('SECDED(8,4)')
    expect(new HammingCode(4, true).rate).toBe(0.5) // the 2T2R cell's redundancy (paper 004 §3.1)
    expect(new HammingCode(8, false).name).toBe('SEC(12,8)')
    expect(new HammingCode(8, true).name).toBe('SECDED(13,8)')
    expect(new HammingCode(32, true).name).toBe('SECDED(39,32)')
    expect(new HammingCode(64, true).name).toBe('SECDED(72,64)')
  })

  for (const [k, secded] of [[4, false], [4, true], [8, true], [5, false]] as const) {
    const code = new HammingCode(k, secded)
    it(`${code.name}: every single error in every codeword is corrected`, () => {
      const codeword = new Uint8Array(code.codeBits)
      const data = new Uint8Array(k)
      for (const word of allWords(k)) {
        code.encode(word, codeword)
        expect(code.decode(codeword, data)).toBe(DecodeStatus.clean)
        expect(Array.from(data)).toEqual(Array.from(word))
        for (let position = 0; position < code.codeBits; position++) {
          codeword[position]! ^= 1
          expect(code.decode(codeword, data)).toBe(DecodeStatus.corrected)
          expect(Array.from(data)).toEqual(Array.from(word))
          codeword[position]! ^= 1
        }
      }
    })
  }

  it('SECDED(8,4) detects every double error; SEC(7,4) miscorrects them', () => {
    const secded = new HammingCode(4, true)
    const sec = new HammingCode(4, false)
    const word = Uint8Array.of(1, 0, 1, 1)
    const data = new Uint8Array(4)
    for (const code of [secded, sec]) {
      const codeword = new Uint8Array(code.codeBits)
      code.encode(word, codeword)
      for (let a = 0; a < code.codeBits; a++) {
        for (let b = a + 1; b < code.codeBits; b++) {
          codeword[a]! ^= 1
          codeword[b]! ^= 1
          const status = code.decode(codeword, data)
          expect(status).toBe(code === secded ? DecodeStatus.detectedUncorrectable : DecodeStatus.corrected)
          codeword[a]! ^= 1
          codeword[b]! ^= 1
        }
      }
    }
  })

  it('post-decoding BER: SECDED(8,4) ≈ 7p² (seed-002-004 B.1.7), SEC(7,4) ≈ 9p²', () => {
    for (const p of [1e-4, 1e-3]) {
      expect(eccDataBitErrorRate(new HammingCode(4, true), p) / (7 * p * p)).toBeCloseTo(1, 1)
      expect(eccDataBitErrorRate(new HammingCode(4, false), p) / (9 * p * p)).toBeCloseTo(1, 1)
    }
    expect(eccDataBitErrorRate(new HammingCode(4, true), 0)).toBe(0)
  })

  it('paper 004 §3.1: SECDED(8,4) and the ideal-PCSA 2T2R cell reduce errors alike (within 1.5× for p = 1e-4 … 1e-2; seed-002-004 C.2 #5)', () => {
    for (const p of [1e-4, 1e-3, 1e-2]) {
      const ratio = eccDataBitErrorRate(new HammingCode(4, true), p) / idealDifferentialBitErrorRate(p)
      expect(ratio).toBeGreaterThan(1 / 1.5)
      expect(ratio).toBeLessThan(1.5)
    }
  })

  it('paper 004 §3.1: codes with less redundancy reduce errors less (SECDED(13,8), SECDED(39,32) above SECDED(8,4))', () => {
    const p = 1e-3
    const rates = [4, 8, 32].map((k) => eccDataBitErrorRate(new HammingCode(k, true), p))
    expect(rates[0]!).toBeLessThan(rates[1]!)
    expect(rates[1]!).toBeLessThan(rates[2]!)
    expect(rates[2]!).toBeLessThan(p)
  })
})
