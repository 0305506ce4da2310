/**
 * Builds every shared fixture site once per test run, one after another (builds
 * share one lock); test files read them through `inject(…)`:
 *
 * - `sampleDist`: the sample content, copied outside the repository first, as
 *   another city's content root would be;
 * - `miniDist`: the mini fixture as it is (tests/fixtures/mini);
 * - `everydayDist`: the mini fixture with everyday and careless content (everyday.ts).
 *
 * Content roots live in the system's temporary folder at stable paths (so a
 * local rerun finds its build cache warm); build output stays inside the project
 * (tests/helpers/tmp.ts says why).
 */
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite } from '../helpers/build.ts';
import { MINI } from '../helpers/fixture.ts';
import { projectTmp } from '../helpers/tmp.ts';
import { makeEveryday } from './everyday.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    sampleDist: string;
    miniDist: string;
    everydayRoot: string;
    everydayDist: string;
    /** Where the everyday root's imported code would have written, had it run. */
    everydayMarker: string;
  }
}

/** A fresh copy of `from` at a stable path outside the repository. */
function stableCopy(from: string, name: string): string {
  const root = join(tmpdir(), `honour-fixture-${process.getuid?.() ?? 0}`, name, 'content');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  cpSync(from, root, { recursive: true });
  return root;
}

export default async function setup(project: TestProject) {
  const names = ['sampleDist', 'miniDist', 'everydayRoot', 'everydayDist', 'everydayMarker'] as const;
  // `npm run test:unit` runs only the pure modules' tests, which need no site.
  if (process.env.HONOUR_UNIT_ONLY === '1') {
    for (const name of names) project.provide(name, '');
    return;
  }
  const dir = projectTmp('dist-');
  const marker = join(dir, 'marker');
  mkdirSync(marker);
  const everydayRoot = stableCopy(MINI, 'everyday');
  await makeEveryday(everydayRoot, marker);
  const roots = {
    sampleDist: stableCopy(resolve('content'), 'sample'),
    miniDist: MINI,
    everydayDist: everydayRoot,
  };
  for (const [name, root] of Object.entries(roots)) {
    const b = await buildSite(root, join(dir, name));
    if (b.status !== 0) throw new Error(`${name} build failed:\n${b.output.slice(-4000)}`);
    // Careless content builds quietly: a stack trace in the log is a crash someone would have to read.
    if (/\n\s+at /.test(b.output)) throw new Error(`${name} build printed a stack trace:\n${b.output.slice(-4000)}`);
    project.provide(name as keyof typeof roots, b.outDir);
  }
  project.provide('everydayRoot', everydayRoot);
  project.provide('everydayMarker', marker);
  return () => rmSync(dir, { recursive: true, force: true });
}
