/**
 * The global setup: the shared fixture sites (fixtures.ts), built once per
 * change of what they are made of; test files read them through `inject(…)`.
 */
import type { TestProject } from 'vitest/node';
import { FIXTURE_NAMES, fixtureSites, type Fixtures } from './fixtures.ts';

declare module 'vitest' {
  // Declaration merging needs an interface; it adds exactly the fixtures' fields.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  export interface ProvidedContext extends Fixtures {}
}

export default async function setup(project: TestProject) {
  // `npm run test:unit` runs only the pure modules' tests, which need no site.
  if (process.env.HONOUR_UNIT_ONLY === '1') {
    for (const name of FIXTURE_NAMES) project.provide(name, '');
    return;
  }
  const fixtures = await fixtureSites();
  for (const name of FIXTURE_NAMES) project.provide(name, fixtures[name]);
}
