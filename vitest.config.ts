import { defineConfig } from 'vitest/config';

// Unit, property, golden-file and main-process tests. End-to-end (Playwright) and the oracle
// suite (real strongSwan daemons) have their own runners.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'test/oracle/**', 'node_modules/**'],
    environment: 'node',
    pool: 'threads',
    // A timeout only catches a hang: property tests, the read-back and Batfish runs take seconds
    // on an idle machine and several times that on a loaded 2-core one, so no test may fail for
    // being slow (vitest's default is 5 s).
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
