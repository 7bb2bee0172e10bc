import { spawnSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const nativeDirectory = fileURLToPath(new URL('../../native/', import.meta.url))
const executable = fileURLToPath(new URL('../../build/test/avx512-geometry', import.meta.url))
const compiler = process.env.CXX ?? 'g++'
const compilerFound = spawnSync(compiler, ['--version']).status === 0

describe('native AVX-512 geometry on any CPU', () => {
  // NOTE: needs a C++ compiler (the native addon needs one too); CI has g++. The AVX-512 kernel
  // itself only runs on AVX-512 CPUs (then the conformance suite in native-backend.test.ts covers
  // it); this test runs its tile and blocking through the production driver with an emulated
  // 16-float vector everywhere else.
  it.runIf(compilerFound)('12×32 tiles, kc 192 and mc 144 give float32-bound results for every edge, transpose and thread split', () => {
    mkdirSync(fileURLToPath(new URL('../../build/test/', import.meta.url)), { recursive: true })
    const sources = ['test/avx512-geometry.cc', 'src/gemm.cc', 'src/thread-pool.cc']
    const build = spawnSync(compiler, ['-O2', '-std=gnu++17', '-pthread', '-Wall', '-Wextra', '-Wno-psabi', ...sources, '-o', executable], { cwd: nativeDirectory, encoding: 'utf8' })
    expect(build.status, build.stderr).toBe(0)
    const run = spawnSync(executable, { encoding: 'utf8' })
    expect(run.stdout).toMatch(/^64 passed, 0 failed$/m)
    expect(run.status).toBe(0)
  }, 120_000)
})
