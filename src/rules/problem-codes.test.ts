import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES } from './problem-codes.ts';

const registered = Object.keys(PROBLEM_CODES);
const groups = new Set(registered.map((c) => c.split('.')[0]));

/** Strings of a code's form that are field paths of the front matter, not codes. */
const FIELDS = new Set(['photo.src', 'photo.alt']);

/** Every source file of the engine and its commands (tests left out). */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && /\.(ts|astro)$/.test(d.name) && !/\.test\.ts$/.test(d.name))
    .map((d) => join(d.parentPath, d.name));
}

/** Quoted strings of the form `group.name` whose group is a code's group: the codes the code can give. */
function codesUsed(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of [...sources('src'), ...sources('scripts')]) {
    if (file.endsWith(join('rules', 'problem-codes.ts'))) continue;
    for (const m of readFileSync(file, 'utf8').matchAll(/['"`]([a-z]+)\.([a-z][a-z-]*)['"`]/g)) {
      if (
        groups.has(m[1] ?? '') &&
        !FIELDS.has(`${m[1]}.${m[2]}`) &&
        !/^(ts|js|mjs|json|yaml|mdx|md|css|jpg|png|webp|xml|txt)$/.test(m[2] ?? '')
      )
        found.set(`${m[1]}.${m[2]}`, file);
    }
  }
  return found;
}

/** The codes in the guide's table of messages (rows starting with a code in backticks), with their titles. */
function guideRows(): Map<string, string> {
  const guide = readFileSync('docs/editing.md', 'utf8');
  const rows = new Map<string, string>();
  for (const m of guide.matchAll(/^\| `([a-z]+\.[a-z-]+)` +\| ([^|]+?) +\|/gm)) rows.set(m[1] ?? '', m[2] ?? '');
  return rows;
}

describe('problem codes', () => {
  it('every code the engine and its commands give is registered', () => {
    const used = codesUsed();
    // The scan finds the codes the check sets; an empty scan would prove nothing.
    expect(used.size).toBeGreaterThan(40);
    const unknown = [...used].filter(([code]) => !Object.hasOwn(PROBLEM_CODES, code));
    expect(unknown, 'add these codes to src/rules/problem-codes.ts and the guide’s table').toEqual([]);
  });

  it('every registered code is given somewhere (a code nothing gives is left out of the guide)', () => {
    const used = codesUsed();
    expect(registered.filter((code) => !used.has(code))).toEqual([]);
  });

  it('the guide’s table has one row per code, with the registry’s title', () => {
    const rows = guideRows();
    expect(
      registered.filter((code) => !rows.has(code)),
      'codes missing from the table in docs/editing.md',
    ).toEqual([]);
    expect(
      [...rows.keys()].filter((code) => !Object.hasOwn(PROBLEM_CODES, code)),
      'codes in docs/editing.md that src/rules/problem-codes.ts does not have',
    ).toEqual([]);
    for (const [code, title] of rows) expect(title, code).toBe(PROBLEM_CODES[code as keyof typeof PROBLEM_CODES]);
  });

  it('codes are stable words: group.name in lower case', () => {
    for (const code of registered) expect(code).toMatch(/^[a-z]+\.[a-z][a-z-]*$/);
  });
});
