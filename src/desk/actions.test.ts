import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../editor/check.ts';
import { photoMemo } from '../editor/photo-memo.ts';
import type { Problem } from '../rules/problems.ts';
import { deskRoot, decapRaw, type DeskRoot } from '../../tests/helpers/desk-root.ts';
import { runAction, slugEndpoint, identityEndpoint, type DeskContext } from './actions.ts';
import { ContentStore } from './store.ts';

const ENTRY = 'entries/yaodu/zhang-jianguo-yaodu.mdx';

/** A desk over `r`'s root, as startDesk makes one. */
const contextOf = (r: DeskRoot): DeskContext => ({ store: new ContentStore(r.root, r.repo), queue: Promise.resolve() });

/** Decap's persistEntry of one file. */
const persist = (ctx: DeskContext, path: string, raw: string, assets: Array<{ path: string; bytes: Buffer }> = []) =>
  runAction(ctx, {
    branch: 'main',
    action: 'persistEntry',
    params: {
      branch: 'main',
      dataFiles: [{ slug: 'x', path, raw }],
      assets: assets.map((a) => ({ path: a.path, content: a.bytes.toString('base64'), encoding: 'base64' })),
      options: { commitMessage: 'Update', useWorkflow: false, status: '' },
    },
  });

const problemsOf = (body: unknown) => (body as { problems: Problem[] }).problems;
const photoJpeg = () =>
  sharp({ create: { width: 600, height: 800, channels: 3, background: '#8a6' } })
    .jpeg()
    .toBuffer();
/** The first twelve bytes of an iPhone photo and some more: an ISO media `ftyp` box of brand heic. */
const HEIC = Buffer.concat([
  Buffer.from([0, 0, 0, 0x18, ...Buffer.from('ftypheic'), 0, 0, 0, 0, ...Buffer.from('mif1heic')]),
  Buffer.alloc(2000, 7),
]);

/** A new person of 尧都区 as Decap's form writes them, with the slug helper field and a quotation. */
function newPersonRaw(o: { name: string; region?: string; story?: string; photo?: string }): string {
  const photo = o.photo ? `photo:\n  src: ${o.photo}\n  alt: 示例照片：${o.name}在社区服务站\n` : '';
  return `---\n_slug: x\nname: ${o.name}\nkind: person\nregion: ${o.region ?? 'yaodu'}\ncategory: jingye\nhonours:\n  - title: lf-hr\n    year: 2026\n    release: 2026-q1\n    note: ""\nsummary: 示例：在社区服务站为老人义务理发二十年，风雨无阻。\n${photo}gender: 男\nbirth: ""\n---\n${o.story ?? `${o.name}是示例人物。\n\n<Quote by="社区居民">他理的发，老人们都说好看。</Quote>\n`}`;
}

/** A desk over a fresh root (deskRoot's options) for the tests of one describe block, removed after them. */
function deskFor(o?: Parameters<typeof deskRoot>[0]): { r: DeskRoot; ctx: DeskContext } {
  const desk = {} as { r: DeskRoot; ctx: DeskContext };
  beforeAll(() => {
    desk.r = deskRoot(o);
    desk.ctx = contextOf(desk.r);
  });
  afterAll(() => desk.r.cleanup());
  return desk;
}
describe('desk actions: saves (root is its own repository)', () => {
  const desk = deskFor();

  it('an edit of one field changes that line and no other byte, and commits only that file as the editor', async () => {
    const path = join(desk.r.root, ENTRY);
    const before = readFileSync(path, 'utf8');
    // Another change in the work tree that the save must leave alone.
    const other = join(desk.r.root, 'entries/xixian/cao-wenbin-xixian.mdx');
    writeFileSync(other, `${readFileSync(other, 'utf8')}\n追加的一行。\n`);
    const raw = decapRaw(before, (d) => {
      d.summary = '扎根社区卫生服务站三十年，为行动不便的老人上门问诊上万次，从不收礼。';
      d._slug = 'zhang-jianguo-yaodu';
    });
    const a = await persist(desk.ctx, ENTRY, raw);
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    expect(readFileSync(path, 'utf8')).toBe(
      before.replace(
        'summary: 扎根社区卫生服务站三十年，为行动不便的老人上门问诊上万次。',
        'summary: 扎根社区卫生服务站三十年，为行动不便的老人上门问诊上万次，从不收礼。',
      ),
    );
    expect(desk.r.git('log', '-1', '--format=%an <%ae>|%s')).toBe('李明 <liming@example.cn>|修改张建国（尧都区）\n');
    expect(desk.r.git('show', '--name-only', '--format=', 'HEAD').trim()).toBe(ENTRY);
    expect(desk.r.git('status', '--porcelain')).toContain('entries/xixian/cao-wenbin-xixian.mdx');
  });

  it('a save git cannot commit (another git holds the index) leaves every file as it was, and says so', async () => {
    const path = join(desk.r.root, ENTRY);
    const before = readFileSync(path, 'utf8');
    const commits = desk.r.commits();
    const lock = join(desk.r.repo, '.git', 'index.lock');
    writeFileSync(lock, '');
    try {
      const raw = decapRaw(before, (d) => {
        d.summary = '扎根社区三十年，上门问诊上万次，风雨无阻。';
        d._slug = 'zhang-jianguo-yaodu';
      });
      const a = await persist(desk.ctx, ENTRY, raw);
      expect(a.status).toBe(500);
      expect((a.body as { error: string }).error).toMatch(/没有保存.*已恢复/);
      expect(readFileSync(path, 'utf8')).toBe(before);
      // A new person with a photo: neither file stays behind.
      const b = await persist(
        desk.ctx,
        'entries/yaodu/han-mei-yaodu.mdx',
        newPersonRaw({ name: '韩梅', photo: './han-mei-yaodu.jpg' }),
        [{ path: 'entries/yaodu/han-mei-yaodu.jpg', bytes: await photoJpeg() }],
      );
      expect(b.status, JSON.stringify(b.body)).toBe(500);
      expect(existsSync(join(desk.r.root, 'entries/yaodu/han-mei-yaodu.mdx'))).toBe(false);
      expect(existsSync(join(desk.r.root, 'entries/yaodu/han-mei-yaodu.jpg'))).toBe(false);
    } finally {
      rmSync(lock, { force: true });
    }
    expect(desk.r.commits()).toBe(commits);
    expect(desk.r.git('status', '--porcelain', '--', 'entries/yaodu')).toBe('');
  });

  it('a save that changes nothing writes nothing and makes no commit', async () => {
    const path = join(desk.r.root, ENTRY);
    const before = readFileSync(path, 'utf8');
    const commits = desk.r.commits();
    const a = await persist(
      desk.ctx,
      ENTRY,
      decapRaw(before, () => undefined),
    );
    expect(a.status).toBe(200);
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(desk.r.commits()).toBe(commits);
  });

  it('a changed story replaces the story only; the front matter keeps its bytes', async () => {
    const path = join(desk.r.root, ENTRY);
    const before = readFileSync(path, 'utf8');
    const story = '张建国在社区卫生服务站工作了三十年。\n\n<Quote by="社区居民">有事找张医生。</Quote>\n';
    const a = await persist(
      desk.ctx,
      ENTRY,
      decapRaw(before, () => undefined, story),
    );
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    const after = readFileSync(path, 'utf8');
    const head = before.slice(0, before.indexOf('\n---\n') + 5);
    expect(after).toBe(`${head}\n${story}`);
  });

  it('a new person with a photo and a quotation is written where the roll expects them, checked and committed', async () => {
    const slug = slugEndpoint(desk.ctx, { name: '孙大伟', region: 'yaodu' });
    expect(slug.body).toEqual({ slug: 'sun-dawei-yaodu', path: 'entries/yaodu/sun-dawei-yaodu.mdx' });
    const { path } = slug.body as { path: string };
    const a = await persist(desk.ctx, path, newPersonRaw({ name: '孙大伟', photo: 'IMG_2034.jpeg' }), [
      { path: 'entries/yaodu/IMG_2034.jpeg', bytes: await photoJpeg() },
    ]);
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    const text = readFileSync(join(desk.r.root, path), 'utf8');
    expect(text).toContain('src: ./sun-dawei-yaodu.jpg');
    expect(text).not.toContain('_slug');
    expect(text).not.toMatch(/note:|birth:/);
    expect(existsSync(join(desk.r.root, 'entries/yaodu/sun-dawei-yaodu.jpg'))).toBe(true);
    expect(existsSync(join(desk.r.root, 'entries/yaodu/IMG_2034.jpeg'))).toBe(false);
    expect(desk.r.git('log', '-1', '--format=%s')).toBe('添加孙大伟（尧都区）\n');
    expect(desk.r.git('show', '--name-only', '--format=', 'HEAD').trim().split('\n').sort()).toEqual([
      'entries/yaodu/sun-dawei-yaodu.jpg',
      path,
    ]);
    const check = await checkContent(desk.r.root, desk.r.repo, photoMemo());
    expect(check.problems.filter((p) => p.severity === 'error' && p.file.includes('sun-dawei'))).toEqual([]);
  });

  it('a new entry never overwrites a file that exists', async () => {
    const files = desk.r.snapshot();
    const a = await runAction(desk.ctx, {
      action: 'persistEntry',
      params: {
        branch: 'main',
        dataFiles: [{ slug: 'x', path: ENTRY, raw: newPersonRaw({ name: '张建国' }) }],
        assets: [],
        options: { commitMessage: 'x', useWorkflow: false, status: '', newEntry: true },
      },
    });
    expect(a.status).toBe(422);
    expect(problemsOf(a.body).map((p) => p.code)).toEqual(['file.name-taken']);
    expect(desk.r.snapshot()).toEqual(files);
  });

  it('a new entry under another name than its slug is refused', async () => {
    const a = await persist(desk.ctx, 'entries/yaodu/someone-else.mdx', newPersonRaw({ name: '钱多多' }));
    expect(a.status).toBe(422);
    expect(problemsOf(a.body).map((p) => p.code)).toContain('file.name');
  });

  it('the cross-file rules run: a former slug that is another entry’s address is refused', async () => {
    const before = readFileSync(join(desk.r.root, ENTRY), 'utf8');
    const a = await persist(
      desk.ctx,
      ENTRY,
      decapRaw(before, (d) => {
        d.formerSlugs = ['zeng-xiaohong-yaodu'];
      }),
    );
    expect(a.status).toBe(422);
    expect(problemsOf(a.body)).toContainEqual(
      expect.objectContaining({ code: 'file.former-slug', field: 'formerSlugs[0]' }),
    );
  });
});

describe('desk actions: refusals write nothing and commit nothing', () => {
  const desk = deskFor({ inside: true });

  const refusedWithNothingWritten = async (
    path: string,
    raw: string,
    assets: Array<{ path: string; bytes: Buffer }> = [],
  ) => {
    const files = desk.r.snapshot();
    const commits = desk.r.commits();
    const a = await persist(desk.ctx, path, raw, assets);
    expect(a.status, JSON.stringify(a.body)).toBe(422);
    expect(desk.r.snapshot()).toEqual(files);
    expect(desk.r.commits()).toBe(commits);
    return a.body as { error: string; problems: Problem[] };
  };

  it('a phone number in the story', async () => {
    const body = await refusedWithNothingWritten(
      'entries/yaodu/sun-dawei-yaodu.mdx',
      newPersonRaw({ name: '孙大伟', story: '孙大伟的电话是 138 1234 5678，有事请找他。\n' }),
    );
    const phone = body.problems.find((p) => p.code === 'privacy.mobile');
    expect(phone).toMatchObject({ field: '正文', severity: 'error' });
    expect(body.error).toContain(phone?.message);
  });

  it('an unknown county', async () => {
    const body = await refusedWithNothingWritten(
      'entries/beixian/sun-dawei-beixian.mdx',
      newPersonRaw({ name: '孙大伟', region: 'beixian' }),
    );
    expect(body.problems).toContainEqual(expect.objectContaining({ code: 'ref.region-unknown', field: 'region' }));
  });

  it('a HEIC photo, said as the check says it: 导出为 JPEG', async () => {
    const body = await refusedWithNothingWritten(
      'entries/yaodu/sun-dawei-yaodu.mdx',
      newPersonRaw({ name: '孙大伟', photo: 'IMG_0001.HEIC' }),
      [{ path: 'entries/yaodu/IMG_0001.HEIC', bytes: HEIC }],
    );
    const heic = body.problems.find((p) => p.code === 'photo.heic');
    expect(heic?.message).toContain('导出为 JPEG');
  });

  it('a HEIC photo under a .jpg name, known by its bytes', async () => {
    const body = await refusedWithNothingWritten(
      'entries/yaodu/sun-dawei-yaodu.mdx',
      newPersonRaw({ name: '孙大伟', photo: 'photo.jpg' }),
      [{ path: 'entries/yaodu/photo.jpg', bytes: HEIC }],
    );
    expect(body.problems.map((p) => p.code)).toContain('photo.heic');
  });

  it('a save before the editor gave their name', async () => {
    desk.r.git('config', '--local', '--unset', 'user.name');
    try {
      const body = await refusedWithNothingWritten(
        'entries/yaodu/sun-dawei-yaodu.mdx',
        newPersonRaw({ name: '孙大伟' }),
      );
      expect(body.error).toContain('姓名和邮箱');
      expect((await identityEndpoint(desk.ctx, {})).body).toMatchObject({ name: null });
    } finally {
      desk.r.git('config', '--local', 'user.name', '李明');
    }
  });

  it('a delete', async () => {
    const files = desk.r.snapshot();
    const a = await runAction(desk.ctx, {
      action: 'deleteFile',
      params: { branch: 'main', path: ENTRY, options: { commitMessage: 'x' } },
    });
    expect(a.status).toBe(422);
    expect(desk.r.snapshot()).toEqual(files);
  });

  it('and a good save in a content folder inside a repository commits there, by its path in the repository', async () => {
    const a = await persist(desk.ctx, 'entries/yaodu/sun-dawei-yaodu.mdx', newPersonRaw({ name: '孙大伟' }));
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    expect(desk.r.git('show', '--name-only', '--format=%s', 'HEAD').trim()).toBe(
      '添加孙大伟（尧都区）\n\ncontent/entries/yaodu/sun-dawei-yaodu.mdx',
    );
  });
});

describe('desk actions: reading, as decap-server answers', () => {
  const desk = deskFor();

  it('lists a county folder: each entry file’s text and the SHA-256 of its bytes, photos and symlinks left out', async () => {
    const a = await runAction(desk.ctx, {
      action: 'entriesByFolder',
      params: { branch: 'main', folder: 'entries/yaodu', extension: 'mdx', depth: 1 },
    });
    const list = a.body as Array<{ data: string; file: { path: string; id: string } }>;
    expect(list.map((e) => e.file.path)).toContain(ENTRY);
    expect(list.every((e) => e.file.path.endsWith('.mdx'))).toBe(true);
    const one = list.find((e) => e.file.path === ENTRY);
    const bytes = readFileSync(join(desk.r.root, ENTRY));
    expect(one?.data).toBe(bytes.toString('utf8'));
    const { createHash } = await import('node:crypto');
    expect(one?.file.id).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('a file changed outside the desk (a text editor) is listed as it is now', async () => {
    const list = async () =>
      (
        (
          await runAction(desk.ctx, {
            action: 'entriesByFolder',
            params: { branch: 'main', folder: 'entries/xixian', extension: 'mdx', depth: 1 },
          })
        ).body as Array<{ data: string; file: { path: string } }>
      ).find((e) => e.file.path === 'entries/xixian/cao-wenbin-xixian.mdx')?.data;
    const path = join(desk.r.root, 'entries/xixian/cao-wenbin-xixian.mdx');
    expect(await list()).toBe(readFileSync(path, 'utf8'));
    writeFileSync(path, `${readFileSync(path, 'utf8')}\n在文本编辑器里补的一段。\n`);
    expect(await list()).toContain('在文本编辑器里补的一段。');
  });

  it('reads an entry and a photo; a missing entry is data null', async () => {
    const entry = await runAction(desk.ctx, { action: 'getEntry', params: { branch: 'main', path: ENTRY } });
    expect((entry.body as { data: string }).data).toContain('name: 张建国');
    const none = await runAction(desk.ctx, {
      action: 'entriesByFiles',
      params: { branch: 'main', files: [{ path: 'entries/yaodu/nobody-yaodu.mdx' }] },
    });
    expect(none.body).toEqual([{ data: null, file: { path: 'entries/yaodu/nobody-yaodu.mdx', id: null } }]);
    const photo = await runAction(desk.ctx, {
      action: 'getMediaFile',
      params: { branch: 'main', path: 'entries/yaodu/zhang-jianguo-yaodu.jpg' },
    });
    expect(photo.body).toMatchObject({ name: 'zhang-jianguo-yaodu.jpg', encoding: 'base64' });
    expect(Buffer.from((photo.body as { content: string }).content, 'base64')).toEqual(
      readFileSync(join(desk.r.root, 'entries/yaodu/zhang-jianguo-yaodu.jpg')),
    );
    // As Decap names a photo of an entry-relative media folder.
    const dotted = await runAction(desk.ctx, {
      action: 'getMediaFile',
      params: { branch: 'main', path: 'entries/yaodu/./zhang-jianguo-yaodu.jpg' },
    });
    expect(dotted.body).toEqual(photo.body);
    // A county's photos are never listed (every photo, base64, each time an entry opens): Decap asks for the one it shows.
    const media = await runAction(desk.ctx, {
      action: 'getMedia',
      params: { branch: 'main', mediaFolder: 'entries/yaodu' },
    });
    expect(media).toEqual({ status: 200, body: [] });
    const outside = await runAction(desk.ctx, {
      action: 'getMediaFile',
      params: { branch: 'main', path: 'entries/yaodu/./../../site.yaml' },
    });
    expect(outside.status).toBe(403);
    const text = await runAction(desk.ctx, { action: 'getMediaFile', params: { branch: 'main', path: ENTRY } });
    expect(text.status).toBe(403);
  });

  it('persistMedia keeps a photo the checks pass and refuses a HEIC one, writing nothing', async () => {
    const put = (path: string, bytes: Buffer) =>
      runAction(desk.ctx, {
        action: 'persistMedia',
        params: {
          branch: 'main',
          asset: { path, content: bytes.toString('base64'), encoding: 'base64' },
          options: { commitMessage: 'x' },
        },
      });
    const files = desk.r.snapshot();
    const heic = await put('entries/yaodu/IMG_0002.HEIC', HEIC);
    expect(heic.status).toBe(422);
    expect(problemsOf(heic.body).map((p) => p.code)).toEqual(['photo.heic']);
    expect(desk.r.snapshot()).toEqual(files);
    const ok = await put('entries/yaodu/upload.jpg', await photoJpeg());
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ path: 'entries/yaodu/upload.jpg', name: 'upload.jpg' });
    // Then saved with an entry: named by the entry's slug, committed with it.
    const before = readFileSync(join(desk.r.root, ENTRY), 'utf8');
    const a = await persist(
      desk.ctx,
      ENTRY,
      decapRaw(before, (d) => {
        d.photo = { src: 'upload.jpg', alt: '示例照片：张建国' };
      }),
    );
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    const saved = readFileSync(join(desk.r.root, 'entries/yaodu/zhang-jianguo-yaodu.jpg'));
    expect(saved.equals(readFileSync(join(desk.r.root, 'entries/yaodu/upload.jpg')))).toBe(true);
    expect(desk.r.git('show', '--name-only', '--format=', 'HEAD').trim().split('\n').sort()).toEqual([
      'entries/yaodu/zhang-jianguo-yaodu.jpg',
      ENTRY,
    ]);
  });
});
