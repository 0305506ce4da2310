/**
 * The order test files start in, for two workers on two cores. Files that
 * build sites spend their time in build processes, which take turns under one
 * lock; browser files spend theirs in Chromium or WebKit. Two build files side
 * by side only wait for each other, so each build file starts beside a
 * browser file: the two kinds alternate, largest first (the base sequencer's
 * order: slowest of the last run, or biggest), then the quick files fill the
 * workers' tails.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Test files that run builds, releases or editor commands (separate processes under the build lock or not). */
const BUILDS = /\/tests\/(hostile\/|cache|release|integrity|import-integrity|editor)[^/]*\.test\.ts$/;
const BROWSERS = /\/(tests\/browser\/|tests\/nginx|src\/client\/)[^/]*\.test\.ts$/;

export class FlowSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const builds = sorted.filter((f) => BUILDS.test(f.moduleId));
    const browsers = sorted.filter((f) => BROWSERS.test(f.moduleId));
    const quick = sorted.filter((f) => !builds.includes(f) && !browsers.includes(f));
    const paired: TestSpecification[] = [];
    for (let i = 0; i < Math.max(builds.length, browsers.length); i++) {
      const build = builds[i];
      const browser = browsers[i];
      if (build) paired.push(build);
      if (browser) paired.push(browser);
    }
    return [...paired, ...quick];
  }
}
