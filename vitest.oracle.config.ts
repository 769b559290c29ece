import { defineConfig } from 'vitest/config';

// The oracle suite: real strongSwan daemons in network namespaces (test/oracle/README.md).
// One file at a time, so the harness's own limiter decides how many daemon pairs run at once.
export default defineConfig({
  test: {
    include: ['test/oracle/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    maxConcurrency: 64,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
