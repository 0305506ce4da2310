import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from './check.ts';
import { fixEntryRefs } from './fix-refs.ts';
import { copyMini, editFile } from '../../tests/helpers/fixture.ts';
import { runScript } from '../../tests/hostile/helpers.ts';

const ZHANG = 'entries/zhang-san-xixian.mdx';

describe('content:check --fix', () => {
  it('rewrites names to ids in place, keeps every other byte, and says each change', async () => {
    const root = copyMini();
    const original = readFileSync(join(root, ZHANG), 'utf8');
    editFile(root, ZHANG, (s) =>
      s
        .replace('region: xixian', 'region: 西县 # 县里报的')
        .replace('category: zhuren', 'category: 助人为乐')
        .replace('title: shi', 'title: “测试市好人”')
        .replace('release: 2026-q1', 'release: 第1期'),
    );
    const { fixes } = fixEntryRefs(root, root);
    expect(fixes).toEqual([
      { file: ZHANG, line: 4, field: 'region', from: '西县', to: 'xixian' },
      { file: ZHANG, line: 5, field: 'category', from: '助人为乐', to: 'zhuren' },
      { file: ZHANG, line: 7, field: 'honours[0].title', from: '“测试市好人”', to: 'shi' },
      { file: ZHANG, line: 9, field: 'honours[0].release', from: '第1期', to: '2026-q1' },
    ]);
    expect(readFileSync(join(root, ZHANG), 'utf8')).toBe(
      original.replace('region: xixian', 'region: xixian # 县里报的'),
    );
    expect((await checkContent(root, root)).problems).toEqual([]);
  });

  it('changes nothing where a name is unknown or could mean two records', () => {
    const root = copyMini();
    editFile(root, ZHANG, (s) => s.replace('region: xixian', 'region: 南县'));
    const before = readFileSync(join(root, ZHANG), 'utf8');
    expect(fixEntryRefs(root, root).fixes).toEqual([]);
    expect(readFileSync(join(root, ZHANG), 'utf8')).toBe(before);
  });

  it('leaves a file whose front matter is broken, and names it', () => {
    const root = copyMini();
    editFile(root, ZHANG, (s) => s.replace('region: xixian', 'region: 西县').replace('kind: person', 'kind：person'));
    const before = readFileSync(join(root, ZHANG), 'utf8');
    expect(fixEntryRefs(root, root)).toEqual({ fixes: [], skipped: [ZHANG] });
    expect(readFileSync(join(root, ZHANG), 'utf8')).toBe(before);
  });

  it('runs as npm run content:check -- --fix and then checks', () => {
    const root = copyMini();
    editFile(root, ZHANG, (s) => s.replace('region: xixian', 'region: 西县'));
    const r = runScript('scripts/check.ts', root, ['--fix']);
    expect(r.out).toContain('region — “西县” 改为 xixian');
    expect(r.out).toContain('内容检查通过');
    expect(r.status).toBe(0);
  });
});
