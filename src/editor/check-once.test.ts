/** A hand-copied entry with the usual mistakes: every problem the check can see is said in the first run. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { checkContent } from './check.ts';
import { formatProblem } from '../rules/problems.ts';
import { copyMini, editFile } from '../../tests/helpers/fixture.ts';
import { checkErrors } from '../../tests/hostile/helpers.ts';

const HAND_COPIED = [
  '---',
  'name：孙大伟',
  'kind: person',
  'region: xixian',
  'category: zhuren',
  'honours:',
  '\t- title: shi',
  '    year: 2026',
  'summary:"常年义务修理农具',
  'photo:',
  '  src: ./IMG_4521.HEIC',
  '  alt: 孙大伟在修农具',
  '---',
  '',
  '孙大伟的故事 {name}。',
  '',
].join('\n');

/** The first twelve bytes of an iPhone photo: an ISO media `ftyp` box of brand heic. */
const HEIC_HEAD = Buffer.from([0, 0, 0, 0x18, ...Buffer.from('ftypheic'), 0, 0, 0, 0, ...Buffer.from('mif1heic')]);

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: '#c33' } })
    .png()
    .toBuffer();

describe('the check says every problem of a file in one run', () => {
  it('a hand-copied file: each YAML mistake with its cause, the file name to use, HEIC, the story', async () => {
    const root = copyMini();
    writeFileSync(join(root, 'entries/孙大伟.mdx'), HAND_COPIED);
    writeFileSync(join(root, 'entries/IMG_4521.HEIC'), HEIC_HEAD);
    const errors = await checkErrors(root);
    const file = 'entries/孙大伟.mdx';
    expect(errors).toEqual([
      expect.stringMatching(
        new RegExp(`^［错误］${file}:2 — （整个文件） — 资料区 YAML 格式有误：“name：孙大伟” 用了中文（全角）冒号`),
      ),
      expect.stringMatching(
        new RegExp(`^［错误］${file}:7 — （整个文件） — 资料区 YAML 格式有误：这一行开头用了 Tab 键缩进`),
      ),
      expect.stringMatching(
        new RegExp(
          `^［错误］${file}:9 — （整个文件） — 资料区 YAML 格式有误：“summary:"常年义务修理农具” 的冒号后面少了一个空格`,
        ),
      ),
      expect.stringMatching(new RegExp(`^［错误］${file}:15 — 正文 — 正文里不允许花括号表达式`)),
      `［错误］${file} — 文件名 — 文件名 “孙大伟” 不能作网址（只能用小写拼音、数字和连字符）：请把文件改名为 sun-dawei-xixian.mdx（姓名拼音加地区 id；照片也按它命名，例如 sun-dawei-xixian.jpg）［代码 file.name］`,
      `［错误］${file}:11 — photo.src — 照片 ./IMG_4521.HEIC 是 HEIC/HEIF 格式（苹果手机默认的照片格式），网页不能显示：请在手机或电脑上导出为 JPEG，命名为 sun-dawei-xixian.jpg 放在条目文件旁边，并把 src 改为 ./sun-dawei-xixian.jpg［代码 photo.heic］`,
    ]);
    expect(errors.join('\n')).not.toMatch(/Implicit|Tabs|[A-Za-z]{4,} [a-z]{3,} [a-z]{2,}/);
  });

  it('a HEIC photo renamed to .jpg is refused by its bytes, at the first run', async () => {
    const root = copyMini();
    writeFileSync(join(root, 'entries/zeng-hong-dongqu.jpg'), HEIC_HEAD);
    editFile(root, 'entries/zeng-hong-dongqu.mdx', (s) =>
      s.replace('./zeng-hong-dongqu.png', './zeng-hong-dongqu.jpg'),
    );
    expect(await checkErrors(root)).toEqual([
      expect.stringContaining(
        'photo.src — 照片 ./zeng-hong-dongqu.jpg 是 HEIC/HEIF 格式（苹果手机默认的照片格式），网页不能显示：请在手机或电脑上导出为 JPEG',
      ),
    ]);
  });

  it('a photo path of another form gives the photo file name to use', async () => {
    const root = copyMini();
    editFile(root, 'entries/zeng-hong-dongqu.mdx', (s) => s.replace('./zeng-hong-dongqu.png', './曾红 照片.jpg'));
    expect(await checkErrors(root)).toEqual([
      expect.stringContaining(
        '请把照片文件改名为 zeng-hong-dongqu.jpg（PNG 照片用 .png），并把 src 改为 ./zeng-hong-dongqu.jpg',
      ),
    ]);
  });

  it('warns of a phone screenshot and a long image, and keeps warning on later runs', async () => {
    const root = copyMini();
    writeFileSync(join(root, 'entries/zeng-hong-dongqu.png'), await png(1170, 2532));
    const warnings = async () =>
      (await checkContent(root, root)).problems.filter((p) => p.severity === 'warning').map(formatProblem);
    const expected = [
      expect.stringMatching(
        /^［提醒］entries\/zeng-hong-dongqu\.mdx:\d+ — photo\.src — 照片 \.\/zeng-hong-dongqu\.png（1170×2532 像素）长宽比超过 2:1，像是手机截图/,
      ),
    ];
    expect(await warnings()).toEqual(expected);
    expect(await warnings()).toEqual(expected);
    writeFileSync(join(root, 'entries/zeng-hong-dongqu.png'), await png(1080, 1920));
    expect(await warnings()).toEqual([expect.stringContaining('是手机屏幕大小的 PNG，像是手机截图')]);
    writeFileSync(join(root, 'entries/zeng-hong-dongqu.png'), await png(1600, 1200));
    expect(await warnings()).toEqual([]);
  });
});
