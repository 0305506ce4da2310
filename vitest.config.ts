import './tests/setup/compile-cache.ts';
import { defineConfig } from 'vitest/config';
import { FlowSequencer } from './tests/setup/sequencer.ts';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    // Builds every shared fixture site once (tests/setup/build-sites.ts); test files read them through inject().
    globalSetup: ['tests/setup/build-sites.ts'],
    // Two workers on two cores (vitest's default here is one, cores − 1): the build lane
    // (tests/builds.test.ts, started first by tests/setup/sequencer.ts) in one, the browser and
    // unit files in the other; a build waits on its processes, a browser test on Chromium.
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
    // A poll that is met returns at once; 1 s (vitest's default) ran out in a loaded CI run while
    // Decap's toast played its exit, a CSS animation in real time that page.clock does not speed up.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 300_000,
  },
});
