/**
 * Warm rebuilds never serve a stale page: after editing an entry, a region's
 * name and a title's name, replacing a photo under the same name and
 * withdrawing an entry from the last page of its rolls, one rebuild with the
 * caches kept shows every change on every page that shows that data, and
 * rebuilds the search indexes whose pages changed (each is reused only when
 * none of its pages changed). One content root, built four times: cold, after
 * the entry, region and title edits, unchanged, and after a story edit, a
 * photo replaced and a withdrawal (kept apart from the renames, which would
 * render the pages they must render anyway).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import sharp from 'sharp';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build.ts';
import { addSecondQuarter, copyMini, editFile } from '../helpers/fixture.ts';
import { htmlFiles, page, text } from '../helpers/html.ts';
import { pageLog } from '../../src/build/page-log.ts';
import { projectTmp } from '../helpers/tmp.ts';
import { routes } from '../../src/model/routes.ts';
import { fileOf } from '../../src/search/names-table.ts';

describe('warm rebuilds', () => {
  it(
    'show an edited entry, a renamed region and title, a replaced photo and a withdrawal everywhere they appear',
    { timeout: 300_000 },
    async () => {
      const root = copyMini();
      // 26 more entries in 西县, 助人为乐, 测试市好人 2026 (release 2026-q1): every roll of them runs to two pages.
      const names = '安白蔡丁范高韩江孔林马倪欧潘钱任宋唐汪夏杨于袁岳赵邹'.split('');
      names.forEach((surname, i) => {
        writeFileSync(
          join(root, `entries/gen-${i}-xixian.mdx`),
          `---\nname: ${surname}为民\nkind: person\nregion: xixian\ncategory: zhuren\nhonours:\n  - title: shi\n    year: 2026\n    release: 2026-q1\nsummary: 多年义务为村里老人理发。\n---\n\n${surname}为民的故事。\n`,
        );
      });
      const out = join(projectTmp('cache-'), 'dist');
      const first = await buildSite(root, out);
      expect(first.status, first.output.slice(-1500)).toBe(0);
      // Built from a test runner, which sets DEV=1 in the environment (as a shell may), pages keep their policy.
      expect(process.env.DEV).toBe('1');
      expect(
        page(out, routes.entry('zhang-san-xixian')).querySelector('meta[http-equiv="Content-Security-Policy"]'),
      ).not.toBeNull();
      expect(text(page(out, routes.entry('zhang-san-xixian')).querySelector('.lead'))).toBe(
        '义务为乡亲修理农具十多年。',
      );
      // The names table's file of 张 (the first tier of search) holds 张三's card.
      const searchIndex = () => readFileSync(join(out, routes.namesTable, fileOf('张')), 'utf8');
      expect(searchIndex()).toContain('义务为乡亲修理农具十多年。');
      const shownPhoto = () => ({
        entry: page(out, routes.entry('zeng-hong-dongqu')).querySelector('.entry-photo img')?.getAttribute('src') ?? '',
        card: page(out, routes.region('dongqu')).querySelector('img.thumb')?.getAttribute('src') ?? '',
      });
      const photoBefore = shownPhoto();
      expect(existsSync(join(out, photoBefore.entry))).toBe(true);
      const rolls = [
        'people',
        routes.region('xixian'),
        routes.category('zhuren'),
        routes.title('shi'),
        routes.year(2026),
        'releases/2026-q1',
      ];
      const count = (path: string) => text(page(out, path).querySelector('.count'));
      /** The text of every page of a roll, following its pagination. */
      const rollText = (base: string) => {
        const texts: string[] = [];
        for (let path: string | undefined = base; path;) {
          const doc = page(out, path);
          texts.push(text(doc.querySelector('main')));
          path = doc.querySelector('.pagination a[rel="next"]')?.getAttribute('href') ?? undefined;
        }
        return texts.join('\n');
      };
      const countsBefore = rolls.map(count);

      editFile(root, 'entries/zhang-san-xixian.mdx', (s) =>
        s.replace('义务为乡亲修理农具十多年。', '义务为乡亲修理农具整整二十年。'),
      );
      editFile(root, 'regions.yaml', (s) => s.replace('name: 西县', 'name: 西山县'));
      editFile(root, 'titles.yaml', (s) => s.replace('name: 测试市好人', 'name: 测试市身边好人'));
      const second = await buildSite(root, out);
      expect(second.status, second.output.slice(-1500)).toBe(0);

      const entry = page(out, routes.entry('zhang-san-xixian'));
      expect(text(entry.querySelector('.lead'))).toBe('义务为乡亲修理农具整整二十年。');
      expect(text(entry.querySelector('.facts'))).toContain('西山县');
      expect(text(entry.querySelector('.timeline'))).toContain('测试市身边好人');
      // Pages that only list the entry: its region roll, title roll, release roll, home, statistics, search data.
      expect(text(page(out, routes.region('xixian')).querySelector('h1'))).toContain('西山县');
      expect(rollText(routes.region('xixian'))).toContain('义务为乡亲修理农具整整二十年。');
      expect(text(page(out, routes.title('shi')).querySelector('h1'))).toContain('测试市身边好人');
      expect(rollText(routes.release('2026-q1'))).toContain('整整二十年');
      expect(text(page(out, routes.entry('li-xiaoming-xixian')).querySelector('.facts'))).toContain('西山县');
      expect(text(page(out, 'stats'))).toContain('西山县');
      expect(readFileSync(join(out, 'data/entries.json'), 'utf8')).toContain('测试市身边好人');
      expect(text(page(out, ''))).not.toContain('十多年');

      // The search data follow: the names table shows the new summary and region; the story index was
      // rebuilt for the changed pages, and is reused only when nothing changed.
      expect(searchIndex()).toContain('义务为乡亲修理农具整整二十年。');
      expect(searchIndex()).toContain('西山县');
      expect(searchIndex()).not.toContain('十多年');
      expect(second.output).toMatch(/事迹索引 1 份，重建 1 份/);
      const secondIndex = searchIndex();
      const third = await buildSite(root, out);
      expect(third.status, third.output.slice(-1500)).toBe(0);
      expect(third.output).toContain('重建 0 份');
      expect(searchIndex()).toBe(secondIndex);

      // A story edit rebuilds the story index of that entry (the fixture has one); which of several
      // story shards a change touches is proven in src/search/search-index.test.ts.
      editFile(root, 'entries/zhang-san-xixian.mdx', (s) => s.replace('张三的故事。', '张三冒雨抢修水渠的故事。'));
      // With it, another picture of the same size and format, written over the old file; the entry file unchanged.
      await sharp({ create: { width: 400, height: 500, channels: 3, background: '#2a7a3a' } })
        .png()
        .toFile(join(root, 'entries/zeng-hong-dongqu.png'));
      // And a withdrawal from a last page. Not with the renames (they render every roll's first page
      // anyway); here nothing else touches the first pages of 西县's and 助人为乐's rolls.
      // 邹为民 sorts last by pinyin and by strokes: withdraw it.
      editFile(root, 'entries/gen-25-xixian.mdx', (s) =>
        s.replace(
          'summary:',
          'status: withdrawn\nwithdrawal:\n  reason: 经核实，事迹不实。\n  date: 2026-05-01\nsummary:',
        ),
      );
      const fourth = await buildSite(root, out);
      expect(fourth.status, fourth.output.slice(-1500)).toBe(0);
      expect(fourth.output).toMatch(/事迹索引 1 份，重建 1 份（\d+ 个页面）/);
      expect(text(page(out, routes.entry('zhang-san-xixian')).querySelector('.story'))).toContain(
        '张三冒雨抢修水渠的故事。',
      );
      expect(JSON.parse(readFileSync(join(out, 'pagefind-stories/shards.json'), 'utf8'))).toHaveLength(1);
      // The replaced photo, on the entry page and on its card, and the old renditions gone.
      const photoAfter = shownPhoto();
      expect(photoAfter.entry).not.toBe(photoBefore.entry);
      expect(photoAfter.card).not.toBe(photoBefore.card);
      const { data } = await sharp(join(out, photoAfter.entry)).raw().toBuffer({ resolveWithObject: true });
      // The new picture is green.
      expect(data[1] ?? 0).toBeGreaterThan((data[0] ?? 0) + 40);
      expect(existsSync(join(out, photoBefore.entry))).toBe(false);

      // Every roll family's page 1 total, though the withdrawn entry was on a last page.
      rolls.forEach((path, i) => {
        const n = Number(/共 (\d+)/.exec(countsBefore[i] ?? '')?.[1]);
        expect(count(path), path).toContain(`共 ${n - 1}`);
      });

      // A quarterly release of one entry in 东区, 孝老爱亲: a new record in releases.yaml was in every
      // page's cache key, and every page was rendered again. Now only the pages that show the new entry
      // or the counts it changes are; each of them shows it, and the others are reused as they were.
      const pagesBefore = new Map(htmlFiles(out).map((f) => [`/${f}`, readFileSync(join(out, f), 'utf8')]));
      addSecondQuarter(root, {
        slug: 'zuo-qin-dongqu',
        name: '左勤',
        region: 'dongqu',
        category: 'xiaolao',
        summary: '照顾瘫痪的婆婆二十年。',
      });
      const fifth = await buildSite(root, out);
      expect(fifth.status, fifth.output.slice(-1500)).toBe(0);
      const { rendered, reused } = pageLog(fifth.output);
      const file = (path: string) => `/${path.replace(/^\/|\/$/g, '')}/index.html`.replace('//', '/');
      // Pages that show it: its page, its release's roll and board, its county's, category's, title's
      // and year's rolls and the whole roll, the home page's latest batch, the list of releases.
      const showing = [
        routes.entry('zuo-qin-dongqu'),
        routes.release('2026-q2'),
        routes.poster('2026-q2'),
        routes.region('dongqu'),
        routes.category('xiaolao'),
        routes.title('shi'),
        routes.year(2026),
        routes.people,
      ];
      for (const path of showing) expect(rendered, path).toContain(file(path));
      expect(text(page(out, routes.entry('zuo-qin-dongqu')).querySelector('h1'))).toContain('左勤');
      for (const path of showing.slice(1)) expect(rollText(path), path).toContain('左勤');
      expect(text(page(out, '')), 'the home page').toContain('左勤');
      expect(text(page(out, ''))).toContain('2026年第二季度测试市好人');
      expect(text(page(out, routes.releases))).toContain('2026年第二季度测试市好人');
      // Pages that do not show it: the first release's roll and board, 西县's and 助人为乐's rolls,
      // 西县's entries (their related entries are all in 西县), 张三's page.
      for (const path of [
        routes.release('2026-q1'),
        routes.listPage(routes.release('2026-q1'), 1, 'pinyin'),
        routes.poster('2026-q1'),
        routes.region('xixian'),
        routes.listPage(routes.region('xixian'), 2),
        routes.category('zhuren'),
        routes.entry('zhang-san-xixian'),
        routes.entry('gen-3-xixian'),
      ])
        expect(reused, path).toContain(file(path));
      // And no page with a cache key is rendered again that shows nothing new: each is new or changed.
      const keyed = rendered.filter((f) =>
        /^\/(people\/|(regions|honours|categories|years|releases)\/[^/]+\/)/.test(f),
      );
      expect(keyed.length).toBeGreaterThan(showing.length);
      expect(keyed.filter((f) => pagesBefore.get(f) === readFileSync(join(out, f), 'utf8'))).toEqual([]);
      // The build says so: files rendered and reused, and pages whose bytes changed.
      expect(fifth.output).toContain(`页面生成：生成 ${rendered.length} 个文件，沿用上次构建的 ${reused.length} 个`);
      expect(fifth.output).toMatch(/页面：\d+ 个，其中 \d+ 个是新页面或内容有变化/);
    },
  );
});
