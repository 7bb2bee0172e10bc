import { defineConfig, mergeConfig } from 'vitest/config'
import shared from './vitest.shared.js'

/** Root entry: one vitest project per package, so CI runs every suite in one process tree. */
export default mergeConfig(
  shared,
  defineConfig({
    test: {
      projects: ['packages/*', 'apps/*', 'examples/plugin-template'],
    },
  }),
)
