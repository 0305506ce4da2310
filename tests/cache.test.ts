/**
 * Warm rebuilds never serve a stale page: after editing an entry, a region's
 * name and a title's name, a rebuild with the caches kept shows every change
 * on every page that shows that data, and rebuilds the search index (which is
 * reused only when no entry page changed).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroBuild } from './helpers/build.ts';
import { copyMini, editFile } from './helpers/fixture.ts';
import { page, text } from './helpers/html.ts';
import { projectTmp } from './helpers/tmp.ts';

describe('warm rebuilds', () => {
  it('show an edited entry, a renamed region and a renamed title everywhere they appear', () => {
    const root = copyMini();
    const out = join(projectTmp('cache-'), 'dist');
    const first = astroBuild(root, out);
    expect(first.status, first.output.slice(-1500)).toBe(0);
    expect(text(page(out, 'people/zhang-san-xixian').querySelector('.lead'))).toBe('义务为乡亲修理农具十多年。');
    const searchIndex = () => readFileSync(join(out, 'pagefind/pagefind-entry.json'), 'utf8');
    const firstIndex = searchIndex();

    editFile(root, 'entries/zhang-san-xixian.mdx', (s) =>
      s.replace('义务为乡亲修理农具十多年。', '义务为乡亲修理农具整整二十年。'),
    );
    editFile(root, 'regions.yaml', (s) => s.replace('name: 西县', 'name: 西山县'));
    editFile(root, 'titles.yaml', (s) => s.replace('name: 测试市好人', 'name: 测试市身边好人'));
    const second = astroBuild(root, out);
    expect(second.status, second.output.slice(-1500)).toBe(0);

    const entry = page(out, 'people/zhang-san-xixian');
    expect(text(entry.querySelector('.lead'))).toBe('义务为乡亲修理农具整整二十年。');
    expect(text(entry.querySelector('.facts'))).toContain('西山县');
    expect(text(entry.querySelector('.ladder'))).toContain('测试市身边好人');
    // Pages that only list the entry: its region roll, title roll, release roll, home, statistics, search data.
    expect(text(page(out, 'regions/xixian').querySelector('h1'))).toContain('西山县');
    expect(text(page(out, 'regions/xixian'))).toContain('义务为乡亲修理农具整整二十年。');
    expect(text(page(out, 'honours/shi').querySelector('h1'))).toContain('测试市身边好人');
    expect(text(page(out, 'releases/2026-q1'))).toContain('整整二十年');
    expect(text(page(out, 'people/li-xiaoming-xixian').querySelector('.facts'))).toContain('西山县');
    expect(text(page(out, 'stats'))).toContain('西山县');
    expect(readFileSync(join(out, 'data/entries.json'), 'utf8')).toContain('测试市身边好人');
    expect(text(page(out, ''))).not.toContain('十多年');

    // The search index was rebuilt for the changed pages, and is reused only when nothing changed.
    expect(second.output).not.toContain('沿用上次的索引');
    expect(searchIndex()).not.toBe(firstIndex);
    const secondIndex = searchIndex();
    const third = astroBuild(root, out);
    expect(third.status, third.output.slice(-1500)).toBe(0);
    expect(third.output).toContain('沿用上次的索引');
    expect(searchIndex()).toBe(secondIndex);
  });
});
