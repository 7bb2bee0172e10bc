import { defineConfig, mergeConfig } from 'vitest/config'
import shared from '../../vitest.shared.js'

// End-to-end tests spawn the built CLI; give them room on a loaded 2-core machine.
export default mergeConfig(shared, defineConfig({ test: { name: '@cimkit/cli', testTimeout: 60_000 } }))
