import { describe, expect, it } from 'vitest';
import {
  categorySchema,
  chineseIssue,
  entrySchemaFor,
  partialDateSchema,
  photoFileSchema,
  regionSchema,
  releaseSchemaFor,
  siteSchema,
  slugProblem,
  titleSchema,
} from './schema.ts';
import { plainHelpers } from '../editor/plain-schemas.ts';
import { findPersonalData } from '../rules/privacy.ts';
import { contactsOf } from '../rules/public-contacts.ts';

const entrySchema = entrySchemaFor(plainHelpers);

const valid = {
  name: '张建国',
  kind: 'person',
  region: 'yaodu',
  category: 'jingye',
  honours: [{ title: 'lf-hr', year: 2026, release: '2026-q1' }],
  summary: '扎根社区卫生站三十年，为老人上门问诊。',
  gender: '男',
  birth: 1968,
};

/** The fields and messages of every issue when `data` is parsed (as the content check parses it). */
function issues(data: unknown): Array<{ field: string; message: string }> {
  const r = entrySchema.safeParse(data, { error: chineseIssue });
  return r.success ? [] : r.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
}

describe('entry schema', () => {
  it('accepts a complete valid entry and fills defaults', () => {
    const r = entrySchema.parse(valid);
    expect(r.status).toBe('active');
    expect(r.minor).toBe(false);
    expect(r.formerSlugs).toEqual([]);
    expect(r.birth).toBe('1968');
  });

  it('keeps partial birth dates partial, whatever YAML made of them', () => {
    expect(entrySchema.parse({ ...valid, birth: '1968-05' }).birth).toBe('1968-05');
    expect(entrySchema.parse({ ...valid, birth: new Date('1968-05-17') }).birth).toBe('1968-05-17');
    expect(partialDateSchema.safeParse('1968-13').success).toBe(false);
    expect(partialDateSchema.safeParse('68年').success).toBe(false);
  });

  it('requires at least one honour', () => {
    expect(issues({ ...valid, honours: [] })).toEqual([
      { field: 'honours', message: expect.stringContaining('至少要有一项荣誉') },
    ]);
  });

  it('rejects implausible years', () => {
    expect(issues({ ...valid, honours: [{ title: 'lf-hr', year: 1900 }] })[0]?.field).toBe('honours.0.year');
    expect(issues({ ...valid, honours: [{ title: 'lf-hr', year: new Date().getFullYear() + 5 }] })[0]?.field).toBe(
      'honours.0.year',
    );
    expect(issues({ ...valid, birth: 1850 })[0]?.field).toBe('birth');
    expect(issues({ ...valid, birth: 2010, honours: [{ title: 'lf-hr', year: 2005 }] })[0]).toEqual({
      field: 'honours.0.year',
      message: expect.stringContaining('早于出生年份'),
    });
  });

  it('never lets a minor have a photo or a public birth date', () => {
    const minor = { ...valid, minor: true, gender: undefined, birth: undefined, unit: '某小学' };
    expect(issues({ ...minor, photo: { src: './a.jpg', alt: '照片' } })).toEqual([
      { field: 'photo', message: expect.stringContaining('未成年人不得发布照片') },
    ]);
    expect(issues({ ...minor, birth: 2012 })).toEqual([
      { field: 'birth', message: expect.stringContaining('未成年人不公开出生日期') },
    ]);
    expect(issues({ ...minor, birth: 2012, allowBirth: true })).toEqual([]);
    expect(issues({ ...minor, kind: 'group', birth: undefined, gender: undefined })[0]?.field).toBe('minor');
  });

  it('requires a reason and date for a withdrawn entry, and withdrawn status for a reason', () => {
    expect(issues({ ...valid, status: 'withdrawn' })).toEqual([
      { field: 'withdrawal', message: expect.stringContaining('撤销原因和日期') },
    ]);
    expect(issues({ ...valid, status: 'withdrawn', withdrawal: { reason: '事迹不实', date: '2026-04-01' } })).toEqual(
      [],
    );
    expect(issues({ ...valid, withdrawal: { reason: '事迹不实', date: '2026-04-01' } })[0]?.field).toBe('status');
    expect(issues({ ...valid, status: 'withdrawn', withdrawal: { reason: '', date: '2026-04-01' } })[0]?.field).toBe(
      'withdrawal.reason',
    );
  });

  it('requires alt text for a photo', () => {
    expect(issues({ ...valid, photo: { src: './a.jpg' } })[0]?.field).toBe('photo.alt');
    expect(issues({ ...valid, photo: { src: './a.jpg', alt: '   ' } })[0]?.field).toBe('photo.alt');
  });

  it('rejects unknown fields, wrong kinds and bad former slugs with Chinese messages', () => {
    expect(issues({ ...valid, regoin: 'yaodu' })).toContainEqual({
      field: '',
      message: expect.stringContaining('regoin'),
    });
    expect(issues({ ...valid, kind: 'people' })[0]?.message).toContain('person（个人）');
    expect(issues({ ...valid, formerSlugs: ['Zhang Jianguo'] })[0]?.field).toBe('formerSlugs.0');
  });

  it('bounds the length of every slug and id, and of a photo path, in Chinese', () => {
    // A former slug of 263 characters stopped the build with ENAMETOOLONG and an English stack.
    expect(issues({ ...valid, formerSlugs: ['a'.repeat(263)] })).toEqual([
      { field: 'formerSlugs.0', message: expect.stringMatching(/^太长（最多 60 个字符）：请改短/) },
    ]);
    expect(issues({ ...valid, formerSlugs: [`zhang-${'a'.repeat(54)}`] })).toEqual([]);
    expect(issues({ ...valid, region: 'a'.repeat(61) })).toEqual([
      { field: 'region', message: expect.stringContaining('最多 60 个字符') },
    ]);
    const photo = (src: string) => issues({ ...valid, photo: { src, alt: '张建国在卫生站' } });
    expect(photo(`./${'a'.repeat(80)}.jpg`)).toEqual([
      { field: 'photo.src', message: expect.stringMatching(/^照片文件名太长（最多 80 个字符）/) },
    ]);
    expect(photo('./zhang-jianguo-yaodu.jpg')).toEqual([]);
    expect(
      photoFileSchema.safeParse({ path: `./${'a'.repeat(80)}.jpg`, digest: 'a'.repeat(16), width: 1, height: 1 })
        .success,
    ).toBe(false);
    // Record ids (regions, titles, categories, releases) are read by the check with the same rule.
    expect(slugProblem('yaodu', 'id ')).toBeUndefined();
    expect(slugProblem('a'.repeat(263), 'id ')).toMatch(/^id “a{40}…”太长（263 个字符，最多 60 个）/);
    expect(slugProblem('Yao Du', 'id ')).toMatch(/只能使用小写拼音字母/);
  });

  it('bounds every integer field, in Chinese: a phone number is no session', () => {
    const honour = (session: unknown) => issues({ ...valid, honours: [{ title: 'lf-hr', year: 2026, session }] });
    expect(honour(8)).toEqual([]);
    for (const bad of [13812345679, 101, 0, -1, 1e21]) {
      const found = honour(bad);
      expect(found.length).toBeGreaterThan(0);
      for (const issue of found) {
        expect(issue).toEqual({ field: 'honours.0.session', message: expect.stringMatching(/^session /) });
      }
    }
    expect(issues({ ...valid, honours: [{ title: 'lf-hr', year: 13812345679 }] })).toEqual([
      { field: 'honours.0.year', message: expect.stringContaining('晚于明年') },
    ]);
    const region = { name: '尧都区', kind: '区', order: 1 };
    expect(regionSchema.safeParse(region).success).toBe(true);
    const orderIssue = (r: { success: boolean; error?: { issues: Array<{ message: string }> } }) =>
      r.error?.issues[0]?.message ?? '';
    expect(orderIssue(regionSchema.safeParse({ ...region, order: 13812345679 }))).toMatch(/^order 太大（最大 999）/);
    expect(orderIssue(regionSchema.safeParse({ ...region, order: 0 }))).toMatch(/^order 必须从 1 开始/);
    expect(orderIssue(regionSchema.safeParse({ ...region, aliases: ['尧'.repeat(21)] }))).toMatch(/最多 20 个字/);
    // The county grid's tile: optional, four columns, whole numbers from 1, no other keys.
    expect(regionSchema.safeParse({ ...region, tile: { row: 3, col: 4 } }).success).toBe(true);
    expect(orderIssue(regionSchema.safeParse({ ...region, tile: { row: 1, col: 5 } }))).toMatch(/^tile.col 最大是 4/);
    expect(orderIssue(regionSchema.safeParse({ ...region, tile: { row: 0, col: 1 } }))).toMatch(/^tile.row 从 1 开始/);
    expect(orderIssue(regionSchema.safeParse({ ...region, tile: { row: 1, col: 1, x: 2 } }))).toMatch(
      /^tile 只能有 row、col 两项/,
    );
    expect(orderIssue(regionSchema.safeParse({ ...region, tile: '3,4' }))).toMatch(
      /^tile 要写成 \{ row: 行, col: 列 \}/,
    );
    const category = { name: '助人为乐', order: 13812345679, description: '帮助他人。' };
    expect(orderIssue(categorySchema.safeParse(category))).toMatch(/^order 太大/);
    const title = { name: '临汾好人', level: 'city', issuer: '临汾市文明委', cadence: 'quarter', rank: 13812345679 };
    expect(orderIssue(titleSchema.safeParse(title))).toMatch(/^rank 太大/);
  });

  it('says in Chinese what a field left without a message of its own wants', () => {
    const messages = (data: unknown) => issues(data).map((i) => `${i.field}: ${i.message}`);
    expect(messages({ ...valid, ethnicity: '汉'.repeat(11) })).toEqual(['ethnicity: 太长（最多 10 个字），请删减']);
    expect(messages({ ...valid, unit: '' })).toEqual(['unit: 不能为空，请填写']);
    expect(messages({ ...valid, draft: 'yes' })).toEqual(['draft: 只能是 true 或 false']);
    expect(messages({ ...valid, sources: 'x' })).toEqual(['sources: 必须是列表（每项以 “- ” 开头）']);
    expect(chineseIssue({ code: 'too_big', origin: 'number', maximum: 5 })).toBe('太大（最大是 5），请核对');
  });

  it('gives families and groups no personal details', () => {
    expect(issues({ ...valid, kind: 'family', name: '李家家庭' })[0]?.field).toBe('kind');
    expect(issues({ ...valid, kind: 'family', name: '李家家庭', gender: undefined, birth: undefined })).toEqual([]);
  });
});

describe('taxonomy schemas', () => {
  it('checks title levels and release dates', () => {
    expect(
      titleSchema.safeParse({ name: '临汾好人', level: 'city', issuer: '文明办', cadence: 'quarter', rank: 1 }).success,
    ).toBe(true);
    expect(
      titleSchema.safeParse({ name: '临汾好人', level: 'town', issuer: '文明办', cadence: 'quarter', rank: 1 }).success,
    ).toBe(false);
    const release = releaseSchemaFor(plainHelpers);
    expect(release.safeParse({ title: '第一季度', date: '2026-03', honour: 'lf-hr', intro: '说明' }).success).toBe(
      false,
    );
    expect(
      release.safeParse({ title: '第一季度', date: new Date('2026-03-27'), honour: 'lf-hr', intro: '说明' }).success,
    ).toBe(true);
  });

  it('requires an absolute site URL', () => {
    const site = {
      city: '临汾市',
      province: '山西省',
      title: '临汾好人榜',
      url: 'hrb.example.cn',
      description: '简介',
      corrections: '邮箱',
      licence: 'CC BY 4.0',
      publisher: '文明办',
    };
    expect(siteSchema.safeParse(site).success).toBe(false);
    expect(siteSchema.safeParse({ ...site, url: 'https://hrb.example.cn' }).success).toBe(true);
  });

  it('checks the registrations a site shows, and names a misspelt one', () => {
    const site = {
      city: '临汾市',
      province: '山西省',
      title: '临汾好人榜',
      url: 'https://hrb.example.cn',
      description: '简介',
      corrections: '邮箱',
      licence: 'CC BY 4.0',
      publisher: '文明办',
    };
    const withReg = (registration: Record<string, string>) => siteSchema.safeParse({ ...site, registration });
    expect(withReg({ icp: '晋ICP备12345678号-1', governmentSiteCode: '1410000001' }).success).toBe(true);
    const code = withReg({ governmentSiteCode: '14100' });
    expect(code.error?.issues[0]?.message).toContain('10 位数字');
    const typo = withReg({ icpNumber: '晋ICP备12345678号' });
    expect(typo.error?.issues[0]?.message).toContain('registration 只能有 icp');
    expect(siteSchema.parse(site).registration).toEqual({});
  });

  it("checks the nomination channels, and the privacy scan accepts them as the office's own", () => {
    const site = {
      city: '临汾市',
      province: '山西省',
      title: '临汾好人榜',
      url: 'https://hrb.example.cn',
      description: '简介',
      corrections: '邮箱',
      licence: 'CC BY 4.0',
      publisher: '文明办',
    };
    const nominate = { email: 'tuijian@example.cn', phone: '0357-1234567', address: '临汾市尧都区解放路1号 文明办' };
    const parsed = siteSchema.parse({ ...site, nominate });
    expect(parsed.nominate).toEqual(nominate);
    expect(siteSchema.parse(site).nominate).toEqual({});
    const typo = siteSchema.safeParse({ ...site, nominate: { mail: 'tuijian@example.cn' } });
    expect(typo.error?.issues[0]?.message).toContain('nominate 只能有 office、email、phone、address、note');
    const text = '推荐请寄 临汾市尧都区解放路1号 文明办，或发邮件 tuijian@example.cn，电话 0357-1234567';
    expect(findPersonalData(text).map((h) => h.kind)).toEqual(['landline', 'email', 'address']);
    expect(findPersonalData(text, contactsOf(parsed))).toEqual([]);
  });
});
