/**
 * The order test files start in, for two workers on two cores: the build lane
 * (tests/builds.test.ts, every suite that builds again and again) first, so
 * it has a worker to itself from the start while the other worker takes the
 * browser and unit files, largest first (the base sequencer's order: slowest of
 * the last run, or biggest).
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const BUILD_LANE = /\/tests\/builds\.test\.ts$/;

export class FlowSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return [
      ...sorted.filter((f) => BUILD_LANE.test(f.moduleId)),
      ...sorted.filter((f) => !BUILD_LANE.test(f.moduleId)),
    ];
  }
}
