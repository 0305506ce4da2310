/**
 * The "everyday" content root: the mini fixture with what real content
 * brings, all at once, so one build serves every test that reads it
 * (tests/hostile/text.test.ts, tests/hostile/privacy.test.ts):
 *
 * - 张三: a story that is not valid MDX (<0度, a lone brace, comments, an
 *   autolink), with a news link whose numeric id passes the Luhn check and
 *   lists of years and amounts side by side; a phone photo carrying EXIF (artist, GPS); a summary that a
 *   spreadsheet would read as a formula;
 * - 李小明 (a minor): a Quote with no import line; gender, ethnicity and role,
 *   which the public view of a minor leaves out;
 * - 王五 (withdrawn): a photo, whose rendition names 陈家家庭's story carries
 *   as plain text;
 * - 韦堃喆 (invented): the rarest characters of a name, for the share card's fonts;
 * - 钱八: imported from a sheet whose story cell is code and markup, written
 *   by `content:import` (`MARKER` in it is where the code would write).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { editFile } from '../helpers/fixture.ts';
import { projectTmp } from '../helpers/tmp.ts';
import { photoFiles } from '../../src/photos/photo-file.ts';
import { renditionName } from '../../src/photos/renditions.ts';

export const SHEET_HEADER =
  '序号,姓名,类型,性别,民族,出生年月,政治面貌,工作单位及职务,所在县（市、区）,类别,荣誉称号,年份,期次,事迹简介,事迹全文';

/** The story cell of 钱八's sheet row: an expression, MDX, Markdown and an import, all to be read as text. */
export const CODE_CELL = `{globalThis.process.getBuiltinModule('fs').writeFileSync('MARKER/ran', 'x')} 气温<0度 **不是粗体** <b>不是标签</b>\n# 不是标题\n1. 不是列表\n- 也不是\n> 不是引用 & 不是实体 &amp;\nimport fs from 'node:fs'`;

/** 张三's story, as an editor pasted it. */
export const EVERYDAY_STORY =
  '冬天气温<0度，他一个 { 括号也不打，照样出门。<!-- 备注：待核实 -->\n\n<!-- 整段备注 -->\n\n报道见 <https://example.cn/news/1>。\n\n' +
  '微博也转了：<https://m.weibo.cn/status/4912345678901230>\n\n- 2019、2020、2021年\n- 捐款100、200、300、500元';

/** An invented person whose name and deed hold 堃 喆 珺 玥 彧 垚 镕 (the everyday root's 2026-q1 release has them too). */
export const RARE = {
  name: '韦堃喆',
  slug: 'wei-kunzhe-dongqu',
  summary: '十年照看邻家孩子珺玥、彧垚和小镕。',
} as const;

const csvCell = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** `text` with `from` replaced by `to`; a fixture edit that matches nothing would test nothing, so it throws. */
function swap(text: string, from: string | RegExp, to: string): string {
  const out = text.replace(from, to);
  if (out === text) throw new Error(`everyday fixture: “${String(from)}” not found`);
  return out;
}

/** The names the site wrote for a photo while its entry was public. */
export async function renditionsOf(photo: string): Promise<string[]> {
  const { digest } = await photoFiles(join(projectTmp('photo-memo-'), 'memo.json')).read(photo);
  return [
    renditionName({ digest, width: 72, height: 96, format: 'webp' }),
    renditionName({ digest, width: 240, height: 320, format: 'avif', quality: 50 }),
    renditionName({ digest, width: 600, height: 800, format: 'jpeg' }),
  ];
}

/** Turns a copy of the mini fixture at `root` into the everyday root; `marker` is where a running cell would write. */
export async function makeEveryday(root: string, marker: string): Promise<void> {
  const zhang = 'entries/zhang-san-xixian.mdx';
  editFile(root, zhang, (s) =>
    swap(
      swap(
        swap(s, '张三的故事。', EVERYDAY_STORY),
        'summary: 义务为乡亲修理农具十多年。',
        'summary: =HYPERLINK("https://evil.example","义务修理农具十多年")',
      ),
      'birth: 1980',
      'birth: 1980\nphoto:\n  src: ./zhang-san-xixian.jpg\n  alt: 张三在修农具',
    ),
  );
  await sharp({ create: { width: 600, height: 800, channels: 3, background: '#964' } })
    .jpeg()
    .withExif({
      IFD0: { Artist: 'Camera Owner Zhang', Copyright: 'Zhang San 13812345678' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '36/1 5/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '111/1 31/1 0/1' },
    })
    .toFile(join(root, 'entries/zhang-san-xixian.jpg'));

  editFile(root, 'entries/li-xiaoming-xixian.mdx', (s) =>
    swap(
      swap(s, 'minor: true', 'minor: true\ngender: 男\nethnicity: 回族\nrole: 少先队大队长'),
      /\n---\n[\s\S]*$/,
      '\n---\n\n王五的故事。\n\n<Quote by="邻居（示例）">他是我们村的好人。</Quote>\n',
    ),
  );

  const withdrawn = 'wang-wu-dongqu';
  await sharp({ create: { width: 600, height: 800, channels: 3, background: '#864' } })
    .jpeg()
    .toFile(join(root, `entries/${withdrawn}.jpg`));
  editFile(root, `entries/${withdrawn}.mdx`, (s) =>
    swap(s, '\nsummary:', `\nphoto:\n  src: ./${withdrawn}.jpg\n  alt: 照片\nsummary:`),
  );
  const named = await renditionsOf(join(root, `entries/${withdrawn}.jpg`));
  editFile(root, 'entries/chen-jia-dongqu.mdx', (s) =>
    swap(s, '陈家的故事。', `旧网址：${named.map((n) => `/_astro/${n}`).join(' ')}`),
  );

  // The rarest characters a name may hold (none of them in GB2312, so a subset font draws boxes), for the share card.
  writeFileSync(
    join(root, `entries/${RARE.slug}.mdx`),
    `---\nname: ${RARE.name}\nkind: person\nregion: dongqu\ncategory: zhuren\nhonours:\n  - title: shi\n    year: 2026\n    release: 2026-q1\nsummary: ${RARE.summary}\n---\n\n虚构人物，用于测试生僻字。\n`,
  );

  const sheet = join(mkdtempSync(join(tmpdir(), 'honour-sheet-')), 'list.csv');
  writeFileSync(
    sheet,
    `${SHEET_HEADER}\n1,钱八,个人,男,汉族,1970,群众,某厂,西县,助人为乐,县级好人,2025,,帮助邻居照顾孩子多年。,${csvCell(CODE_CELL.replace('MARKER', marker))}\n`,
  );
  const imported = spawnSync(process.execPath, [resolve('scripts/import.ts'), sheet, '--write'], {
    env: { ...process.env, HONOUR_CONTENT_DIR: root },
    encoding: 'utf8',
  });
  if (imported.status !== 0) throw new Error(`${imported.stdout}${imported.stderr}`);
}
