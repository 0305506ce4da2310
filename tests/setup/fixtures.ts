/**
 * The shared fixture sites, built once and kept while nothing they are made of
 * changes; test files read them through `inject(…)` (build-sites.ts):
 *
 * - `sampleDist`: the repository's own sample content, built in place as
 *   `npm run build` builds it;
 * - `miniDist`: the mini fixture as it is (tests/fixtures/mini);
 * - `everydayDist`: the mini fixture with everyday and careless content
 *   (everyday.ts), copied outside the repository first, as another city's
 *   content root would be.
 *
 * `npm test` builds them beside the lint step (`test:fixtures`, about a minute
 * of builds that would otherwise wait for the lint), and the global setup finds
 * them ready. They are rebuilt when the digest of their inputs (the engine,
 * the content roots, these setup files, the lock file) differs from the one
 * stamped beside them, or when an output no longer has the bytes it was built
 * with (a test that wrote into one).
 *
 * Content roots live in the system's temporary folder (outside the repository);
 * build output stays inside the project (scripts/lib/tmp.ts says why).
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSite } from '../helpers/build.ts';
import { MINI } from '../helpers/fixture.ts';
import { PROJECT_TMP } from '../helpers/tmp.ts';
import { makeEveryday } from './everyday.ts';

export interface Fixtures {
  sampleDist: string;
  miniDist: string;
  everydayRoot: string;
  everydayDist: string;
  /** Where the everyday root's imported code would have written, had it run. */
  everydayMarker: string;
}

/** Every name a test file can `inject(…)`. */
export const FIXTURE_NAMES = [
  'sampleDist',
  'miniDist',
  'everydayRoot',
  'everydayDist',
  'everydayMarker',
] as const satisfies ReadonlyArray<keyof Fixtures>;

const FIXTURES = join(PROJECT_TMP, 'fixtures');
const STAMP = join(FIXTURES, 'stamp.json');
/** One folder of content roots per checkout: another clone's run never removes this one's. */
const ROOTS = join(
  tmpdir(),
  `honour-fixtures-${createHash('sha256').update(process.cwd()).digest('hex').slice(0, 12)}`,
);

/** What the fixture sites are made of: every file of these, by path and bytes. */
const INPUTS = [
  'src',
  'scripts',
  'public',
  'content',
  'tests/fixtures',
  'tests/setup',
  'tests/helpers',
  'astro.config.mjs',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
];

/** Every file below `path` (or `path` itself), sorted. */
function filesOf(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, encoding: 'utf8' })
    .map((f) => join(path, f))
    .filter((f) => statSync(f).isFile())
    .sort();
}

/** What else a build depends on: the runtime, and the year (the check compares birth years with it). */
const CONTEXT = `${process.version} ${new Date().getFullYear()}`;

/** One digest of files' paths and bytes. */
function digestOf(files: string[], relativeTo = ''): string {
  const hash = createHash('sha256');
  for (const f of files) hash.update(f.slice(relativeTo.length)).update('\0').update(readFileSync(f)).update('\0');
  return hash.digest('hex');
}

const outputsDigest = (f: Fixtures) =>
  digestOf(
    [f.sampleDist, f.miniDist, f.everydayDist].flatMap((d) => filesOf(d)),
    FIXTURES,
  );

/** A fresh copy of `from` at a stable path outside the repository. */
function copyOutside(from: string, name: string): string {
  const root = join(ROOTS, name, 'content');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  cpSync(from, root, { recursive: true });
  return root;
}

/** The fixture sites, built unless the ones stamped are of the same inputs and unchanged. */
export async function fixtureSites(say: (line: string) => void = () => undefined): Promise<Fixtures> {
  // A unit test beside a module is not part of any site.
  const files = INPUTS.flatMap((p) => filesOf(resolve(p))).filter((f) => !f.endsWith('.test.ts'));
  const inputs = `${digestOf(files, process.cwd())} ${CONTEXT}`;
  if (existsSync(STAMP)) {
    const stamp = JSON.parse(readFileSync(STAMP, 'utf8')) as { inputs: string; outputs: string; fixtures: Fixtures };
    const present = FIXTURE_NAMES.every((name) => existsSync(stamp.fixtures[name]));
    if (stamp.inputs === inputs && present && outputsDigest(stamp.fixtures) === stamp.outputs) {
      say('测试用网站没有变化，沿用上次构建的结果');
      return stamp.fixtures;
    }
  }
  rmSync(FIXTURES, { recursive: true, force: true });
  const everydayMarker = join(FIXTURES, 'marker');
  mkdirSync(everydayMarker, { recursive: true });
  const everydayRoot = copyOutside(MINI, 'everyday');
  await makeEveryday(everydayRoot, everydayMarker);
  const roots = { sampleDist: null, miniDist: MINI, everydayDist: everydayRoot };
  const built: Partial<Fixtures> = { everydayRoot, everydayMarker };
  for (const [name, root] of Object.entries(roots) as Array<[keyof typeof roots, string | null]>) {
    say(`构建测试用网站 ${name}…`);
    const b = await buildSite(root, join(FIXTURES, name));
    if (b.status !== 0) throw new Error(`${name} build failed:\n${b.output.slice(-4000)}`);
    // Careless content builds quietly: a stack trace in the log is a crash someone would have to read.
    if (/\n\s+at /.test(b.output)) throw new Error(`${name} build printed a stack trace:\n${b.output.slice(-4000)}`);
    built[name] = b.outDir;
  }
  const fixtures = built as Fixtures;
  writeFileSync(STAMP, JSON.stringify({ inputs, outputs: outputsDigest(fixtures), fixtures }, null, 2));
  return fixtures;
}
