import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { format } from 'prettier';
import { describe, expect, it } from 'vitest';
import { readCollections } from './check.ts';
import { idsDocument } from './ids-doc.ts';

describe('docs/ids.md', () => {
  it('is what npm run docs:ids makes from content/ (run it after changing a YAML file)', async () => {
    const { problems, collections } = readCollections(resolve('content'));
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const out = resolve('docs/ids.md');
    const made = await format(idsDocument(collections), { filepath: out });
    expect(existsSync(out), 'docs/ids.md is missing: run npm run docs:ids').toBe(true);
    expect(readFileSync(out, 'utf8'), 'docs/ids.md is out of date: run npm run docs:ids').toBe(made);
  });

  it('lists every id with its Chinese name, and escapes a pipe in a name', () => {
    const doc = idsDocument({
      regions: new Map([['yaodu', { name: '尧都区', kind: '区', order: 1, aliases: ['尧都'] }]]),
      categories: new Map([['zhuren', { name: '助人为乐', order: 1, description: '…' }]]),
      titles: new Map([['lf-hr', { name: '临汾|好人', short: '临汾好人', level: 'city', issuer: '临汾市文明办' }]]),
      releases: new Map([['2026-q3', { title: '2026年第三季度“临汾好人”', date: '2026-09-26', honour: 'lf-hr' }]]),
    } as unknown as Parameters<typeof idsDocument>[0]);
    expect(doc).toContain('| `yaodu` | 尧都区 | 尧都 |');
    expect(doc).toContain('| `zhuren` | 助人为乐 |');
    expect(doc).toContain('| `lf-hr` | 临汾\\|好人 | 临汾好人 | 市级 | 临汾市文明办 |');
    expect(doc).toContain('| `2026-q3` | 2026年第三季度“临汾好人” | `lf-hr` | 2026-09-26 |');
  });
});
