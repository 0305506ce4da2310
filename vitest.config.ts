import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    globalSetup: ['tests/setup/build-sites.ts'],
    fileParallelism: true,
    // CI reads the totals from the JSON report (.ci/run prints them as one line).
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.ci/results/vitest.json' }]] : ['default'],
    // Builds wait for one another (src/integrations/build-lock.ts), so a test that builds may wait a while.
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
