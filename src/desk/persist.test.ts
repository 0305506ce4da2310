import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deskRoot, decapRaw, type DeskRoot } from '../../tests/helpers/desk-root.ts';
import { cleanData, fieldLabel, planSave, type SavePlan } from './persist.ts';
import { ContentStore } from './store.ts';

const ENTRY = 'entries/yaodu/zhang-jianguo-yaodu.mdx';

describe('cleanData', () => {
  it('drops helper fields and empty values at every level, keeps false and zero', () => {
    expect(
      cleanData({
        _slug: 'x',
        name: '张三',
        birth: '',
        gender: null,
        minor: false,
        honours: [{ title: 'lf-hr', year: 2026, note: '', session: null }],
        photo: { src: '', alt: '' },
        sources: [],
        withdrawal: {},
        count: 0,
      }),
    ).toEqual({ name: '张三', minor: false, honours: [{ title: 'lf-hr', year: 2026 }], count: 0 });
  });
});

describe('fieldLabel', () => {
  it('names a field as the form does', () => {
    expect(fieldLabel('honours[0].title')).toBe('荣誉 第 1 项 荣誉称号');
    expect(fieldLabel('region')).toBe('地区');
    expect(fieldLabel('正文')).toBe('正文');
  });
});

describe('planSave', () => {
  let r: DeskRoot;
  let store: ContentStore;
  let original: string;
  beforeAll(() => {
    r = deskRoot();
    store = new ContentStore(r.root, r.repo);
    original = readFileSync(join(r.root, ENTRY), 'utf8');
  });
  afterAll(() => r.cleanup());

  const planned = async (raw: string, assets: Array<{ path: string; bytes: Uint8Array }> = [], path = ENTRY) => {
    const plan = await planSave(store, { path, raw, assets });
    if (!plan.ok) throw new Error(`refused: ${JSON.stringify(plan.problems)}`);
    return plan;
  };
  const textOf = (plan: SavePlan) => String(plan.writes.find((w) => w.abs.endsWith('.mdx'))?.bytes ?? '');

  it('keeps comments, quoting, CRLF line endings and the story of a hand-written file: only the changed value is rewritten', async () => {
    const path = 'entries/yaodu/zhang-jianguo-crlf.mdx';
    const crlf = original
      .replace('name: 张建国\n', "# 由尧都区文明办核对\nname: '张建国'\n")
      .replace('role: 全科医生\n', 'role: 全科医生   # 2026 年起\n')
      .replace(/\n/g, '\r\n');
    writeFileSync(join(r.root, path), crlf);
    // Decap reads the file with its own YAML and writes every value its own way.
    const raw = decapRaw(crlf.replace(/\r\n/g, '\n'), (d) => {
      d.unit = '尧都区某社区卫生服务中心';
    });
    const plan = await planSave(store, { path, raw, assets: [] });
    // The file name is not this person's slug, but an existing file keeps its name.
    expect(plan.ok, JSON.stringify(plan)).toBe(true);
    expect(textOf(plan as SavePlan)).toBe(
      crlf.replace('unit: 尧都区某社区卫生服务站\r\n', 'unit: 尧都区某社区卫生服务中心\r\n'),
    );
    // A copy of a person is the copied-story rule's business: gone before the next case.
    rmSync(join(r.root, path));
  });

  it('leaves the story byte for byte when Decap sends it with other blank lines around it', async () => {
    const split = original.indexOf('\n---\n') + 5;
    const raw = decapRaw(
      original,
      (d) => {
        d.role = '社区医生';
      },
      `\n\n${original.slice(split).trim()}\n\n`,
    );
    const plan = await planned(raw);
    expect(textOf(plan)).toBe(original.replace('role: 全科医生', 'role: 社区医生'));
  });

  it('a new photo for an entry that had one: written by its real format under the slug, the old one removed', async () => {
    const png = await sharp({ create: { width: 500, height: 600, channels: 3, background: '#468' } })
      .png()
      .toBuffer();
    const raw = decapRaw(original, (d) => {
      d.photo = { src: '微信图片_2026.png', alt: '示例照片：张建国在服务站' };
    });
    const plan = await planned(raw, [{ path: 'entries/yaodu/微信图片_2026.png', bytes: png }]);
    expect(textOf(plan)).toContain('  src: ./zhang-jianguo-yaodu.png\n  alt: 示例照片：张建国在服务站\n');
    expect(plan.writes.map((w) => w.abs.slice(r.root.length + 1))).toEqual([
      ENTRY,
      'entries/yaodu/zhang-jianguo-yaodu.png',
    ]);
    expect(plan.removes.map((a) => a.slice(r.root.length + 1))).toEqual(['entries/yaodu/zhang-jianguo-yaodu.jpg']);
  });

  it('a photo taken off the entry is removed with the save', async () => {
    const plan = await planned(
      decapRaw(original, (d) => {
        delete d.photo;
      }),
    );
    expect(textOf(plan)).not.toContain('photo:');
    expect(plan.removes.map((a) => a.slice(r.root.length + 1))).toEqual(['entries/yaodu/zhang-jianguo-yaodu.jpg']);
  });

  it('a photo removed with its caption left (移除图片 only) is taken off the entry, caption and all', async () => {
    const plan = await planned(
      decapRaw(original, (d) => {
        d.photo = { src: '', alt: '示例照片：张建国在服务站' };
      }),
    );
    expect(textOf(plan)).not.toContain('photo:');
    expect(textOf(plan)).not.toContain('示例照片：张建国在服务站');
    expect(plan.removes.map((a) => a.slice(r.root.length + 1))).toEqual(['entries/yaodu/zhang-jianguo-yaodu.jpg']);
  });

  it('a photo too small is refused with the check’s message, naming the file the editor chose', async () => {
    const tiny = await sharp({ create: { width: 120, height: 160, channels: 3, background: '#468' } })
      .jpeg()
      .toBuffer();
    const plan = await planSave(store, {
      path: ENTRY,
      raw: decapRaw(original, (d) => {
        d.photo = { src: 'small.jpg', alt: '示例照片' };
      }),
      assets: [{ path: 'entries/yaodu/small.jpg', bytes: tiny }],
    });
    expect(plan.ok).toBe(false);
    expect(!plan.ok && plan.problems).toContainEqual(
      expect.objectContaining({ code: 'photo.size', field: 'photo.src', severity: 'error' }),
    );
    expect(!plan.ok && plan.error).toMatch(/^没有保存：照片 照片文件 — 照片 small\.jpg/);
  });

  it('a story that copies another entry’s story word for word is refused (the cross-file rules)', async () => {
    const other = readFileSync(join(r.root, 'entries/yaodu/zeng-xiaohong-yaodu.mdx'), 'utf8');
    const story = other.slice(other.indexOf('\n---\n') + 5);
    const plan = await planSave(store, { path: ENTRY, raw: decapRaw(original, () => undefined, story), assets: [] });
    expect(!plan.ok && plan.problems.map((p) => p.code)).toContain('unfinished.copied-story');
  });
});
