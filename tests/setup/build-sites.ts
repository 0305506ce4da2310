/**
 * Builds the sample site and the mini fixture once per test run; test files
 * read the output through `inject('sampleDist')` / `inject('miniDist')`.
 */
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { astroBuild } from '../helpers/build.ts';
import { projectTmp } from '../helpers/tmp.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    sampleDist: string;
    miniDist: string;
  }
}

export default function setup(project: TestProject) {
  // `npm run test:unit` runs only the pure modules' tests, which need no site.
  if (process.env.HONOUR_UNIT_ONLY === '1') {
    project.provide('sampleDist', '');
    project.provide('miniDist', '');
    return;
  }
  const dir = projectTmp('dist-');
  const builds = {
    sampleDist: astroBuild(resolve('content'), join(dir, 'sample')),
    miniDist: astroBuild(resolve('tests/fixtures/mini'), join(dir, 'mini')),
  };
  for (const [name, b] of Object.entries(builds)) {
    if (b.status !== 0) throw new Error(`${name} build failed:\n${b.output.slice(-4000)}`);
  }
  project.provide('sampleDist', builds.sampleDist.outDir);
  project.provide('miniDist', builds.miniDist.outDir);
  return () => rmSync(dir, { recursive: true, force: true });
}
