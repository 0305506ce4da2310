/**
 * The order test files start in, for two workers on two cores: the build lane
 * (tests/builds.test.ts, every suite that builds again and again) first, so
 * it has a worker to itself from the start; then the slow files, slowest
 * first, so the other worker never ends on a long file while the lane's worker
 * is idle; then the rest in the base sequencer's order (slowest of the last
 * run, or biggest). A clean clone has no last run: the base order put
 * a11y.test.ts (25 s, a small file) last, and a CI run ended on it for 25 s
 * with one worker idle.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const BUILD_LANE = /\/tests\/builds\.test\.ts$/;

/** Files of 10 s and more in a CI run (.ci/results/vitest.json), slowest first. */
const SLOW = [
  'tests/browser/phone.test.ts',
  'tests/browser/webkit.test.ts',
  'tests/browser/a11y.test.ts',
  'tests/browser/search.test.ts',
  'tests/import-integrity.test.ts',
  'tests/browser/desk.test.ts',
  'tests/browser/read-aloud.test.ts',
  'tests/audit.test.ts',
  'tests/hostile/text.test.ts',
  'tests/dev.test.ts',
];

const rank = (f: TestSpecification) => {
  if (BUILD_LANE.test(f.moduleId)) return -1;
  const i = SLOW.findIndex((s) => f.moduleId.endsWith(`/${s}`));
  return i < 0 ? SLOW.length : i;
};

export class FlowSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    // Array.prototype.sort is stable: files of one rank keep the base order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
