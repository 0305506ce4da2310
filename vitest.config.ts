import { defineConfig } from 'vitest/config';
import { FlowSequencer } from './tests/setup/sequencer.ts';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    // Builds every shared fixture site once (tests/setup/build-sites.ts); test files read them through inject().
    globalSetup: ['tests/setup/build-sites.ts'],
    // Two workers on two cores: a file that builds mostly waits for its build's processes (which
    // hold the build lock, src/integrations/build-lock.ts) or for Chromium, so another file runs
    // beside it. Vitest's default here is one (cores − 1). tests/setup/sequencer.ts orders the
    // files so that build files and browser files pair up rather than queue behind one another.
    maxWorkers: 2,
    // Test files share their workers' module graph instead of a fresh worker each: the pure
    // modules' tests took 24 s isolated and 6 s shared (measured here); no test changes a module's state.
    isolate: false,
    sequence: { sequencer: FlowSequencer },
    // CI reads the totals from the JSON report (.ci/run prints them as one line).
    reporters: process.env.CI ? ['default', ['json', { outputFile: '.ci/results/vitest.json' }]] : ['default'],
    // Builds wait for one another (the build lock), so a test that builds may wait a while; builds
    // are spawned asynchronously (tests/helpers/build.ts), so these timeouts can fire.
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
