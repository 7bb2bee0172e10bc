import { defaultServerConditions } from 'vite'
import { defineConfig } from 'vitest/config'

/** Settings every package's vitest project shares (STYLE.md R30). */
export default defineConfig({
  // NOTE: vite 8 (Oxc) reads decorator options from the nearest tsconfig that includes the file;
  // setting them here keeps test files with decorators parseable regardless of tsconfig coverage.
  oxc: { decorator: { legacy: true, emitDecoratorMetadata: true } },
  // Tests import workspace packages from src through the custom export condition (STYLE.md R26).
  ssr: { resolve: { conditions: ['@cimkit/source', ...defaultServerConditions] } },
  test: {
    setupFiles: [new URL('./vitest.setup.ts', import.meta.url).pathname],
    clearMocks: true,
    restoreMocks: true,
    // CI runs every package's suite at once on two shared cores; numeric tests that take 1 s on an
    // idle machine can take 10× that there. Timeouts catch hangs, not slowness.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
