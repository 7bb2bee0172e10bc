import { defineConfig, mergeConfig } from 'vitest/config'
import shared from '../../vitest.shared.js'

export default mergeConfig(
  shared,
  defineConfig({
    test: {
      name: '@cimkit/kernels',
      globalSetup: [new URL('./scripts/ensure-wasm.mjs', import.meta.url).pathname],
    },
  }),
)
