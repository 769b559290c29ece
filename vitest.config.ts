import { defineConfig } from 'vitest/config';

// Unit, property, golden-file and main-process tests. End-to-end (Playwright) and the oracle
// suite (real strongSwan daemons) have their own runners.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'test/oracle/**', 'node_modules/**'],
    environment: 'node',
    pool: 'threads',
  },
});
