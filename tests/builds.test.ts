/**
 * The build lane: every suite that runs whole builds, releases or editor
 * commands over and over, in one test file so that they run one after another
 * in one vitest worker while the other worker runs the browser and unit files.
 * Builds take turns under one lock (src/integrations/build-lock.ts): two of
 * these suites in two workers only waited for each other, and no browser file
 * ran meanwhile (in one 2-core CI run release and cache overlapped for 34 s). Each suite is a module
 * of its own in tests/builds/. Suites that run editor commands but no build
 * (tests/import-integrity.test.ts) stay out of the lane, so the two workers
 * carry about the same load.
 */
import './builds/release.ts';
import './builds/cache.ts';
import './builds/integrity.ts';
import './builds/editor.ts';
import './builds/portal.ts';
