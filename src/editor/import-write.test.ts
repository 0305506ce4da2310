import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  acquireImportLock,
  importLeftovers,
  importLockProblem,
  JOURNAL,
  LOCK,
  recoverImport,
  TEMP_SUFFIX,
  journalText,
} from './import-write.ts';

/** A content root with an entries folder and, outside it, a project folder an attacker aims at. */
function setup() {
  const base = mkdtempSync(join(tmpdir(), 'honour-journal-'));
  const root = join(base, 'content');
  const project = join(base, 'project');
  mkdirSync(join(root, 'entries/yaodu'), { recursive: true });
  mkdirSync(join(project, 'src/pages'), { recursive: true });
  return { root, project };
}

/** A temporary as a killed import left it, and the journal entry naming it. */
function temp(root: string, rel: string, text = '---\nname: 某\n---\n'): [string, string] {
  const final = rel;
  const tmp = rel.replace(/[^/]+$/, (f) => `.${f}${TEMP_SUFFIX}`);
  writeFileSync(join(root, tmp), text);
  return [tmp, final];
}

const journal = (root: string, files: unknown) =>
  writeFileSync(join(root, JOURNAL), JSON.stringify({ format: 'honour-import-journal/2', files }));

const refused = (r: ReturnType<typeof recoverImport>): string => {
  if (r.ok) throw new Error(`the journal was followed: ${r.notes.join('; ')}`);
  return r.message;
};

describe('the import journal is data', () => {
  it('finishes a killed import from a journal of paths relative to the content root', () => {
    const { root } = setup();
    const pairs = [temp(root, 'entries/yaodu/zhang-san-yaodu.mdx'), temp(root, 'entries/yaodu/zhang-san-yaodu.jpg')];
    journal(root, pairs);
    const r = recoverImport(root, root);
    expect(r).toEqual({ ok: true, notes: ['上次导入在写入途中被强制结束：已补完剩下的 2 个文件（共 2 个）'] });
    expect(readdirSync(join(root, 'entries/yaodu')).sort()).toEqual(['zhang-san-yaodu.jpg', 'zhang-san-yaodu.mdx']);
    expect(importLeftovers(root, root)).toEqual([]);
  });

  it('refuses the old absolute-path journal, a forged one aimed outside the root, and renames nothing', () => {
    const { root, project } = setup();
    writeFileSync(join(root, 'entries/notes.txt'), '---\nx: 1\n---\n');
    writeFileSync(
      join(root, JOURNAL),
      JSON.stringify([[join(root, 'entries/notes.txt'), join(project, 'src/pages/pwned.astro')]]),
    );
    const message = refused(recoverImport(root, root));
    expect(message).toContain(JOURNAL);
    expect(message).toMatch(/旧版.*删除/);
    expect(existsSync(join(project, 'src/pages/pwned.astro'))).toBe(false);
    expect(existsSync(join(root, 'entries/notes.txt'))).toBe(true);
    expect(existsSync(join(root, JOURNAL))).toBe(true);
  });

  it('validates every pair before renaming any', () => {
    const { root, project } = setup();
    const good = temp(root, 'entries/yaodu/li-si-yaodu.mdx');
    for (const bad of [
      ['entries/notes.txt', '../project/src/pages/pwned.astro'],
      ['entries/yaodu/.a.mdx.import-tmp', '../project/src/pages/a.mdx'],
      ['entries/yaodu/.a.mdx.import-tmp', 'entries/../../project/a.mdx'],
      ['entries/yaodu/.a.mdx.import-tmp', 'entries/yaodu/b.mdx'],
      ['entries/yaodu/.a.astro.import-tmp', 'entries/yaodu/a.astro'],
      [join(root, 'entries/yaodu/.a.mdx.import-tmp'), join(root, 'entries/yaodu/a.mdx')],
      ['entries/yaodu/.a.mdx.import-tmp'],
    ]) {
      journal(root, [good, bad]);
      expect(refused(recoverImport(root, root))).toMatch(/第 2 项.*删除/);
      expect(existsSync(join(root, good[0]))).toBe(true);
      expect(existsSync(join(root, good[1]))).toBe(false);
    }
    expect(readdirSync(join(project, 'src/pages'))).toEqual([]);
  });

  it('finishes an update of an entry kept directly in entries/ or a deeper folder, as content roots may keep them', () => {
    const { root } = setup();
    mkdirSync(join(root, 'entries/2026/yaodu'), { recursive: true });
    const pairs = [temp(root, 'entries/zeng-hong-dongqu.mdx'), temp(root, 'entries/2026/yaodu/li-si-yaodu.mdx')];
    journal(root, pairs);
    expect(recoverImport(root, root)).toMatchObject({ ok: true });
    expect(existsSync(join(root, 'entries/zeng-hong-dongqu.mdx'))).toBe(true);
    expect(existsSync(join(root, 'entries/2026/yaodu/li-si-yaodu.mdx'))).toBe(true);
    for (const bad of ['entries/./a.mdx', 'entries/Yaodu/a.mdx', 'entries//a.mdx', 'entries/a/b/c/d/e/f.mdx']) {
      journal(root, [[bad.replace(/[^/]+$/, (f) => `.${f}${TEMP_SUFFIX}`), bad]]);
      expect(refused(recoverImport(root, root))).toMatch(/第 1 项.*不是导入会写的文件/);
    }
  });

  it('refuses a pair whose folder is a link leading out of the root', () => {
    const { root, project } = setup();
    symlinkSync(join(project, 'src/pages'), join(root, 'entries/pages'));
    writeFileSync(join(project, 'src/pages/.x.mdx.import-tmp'), 'x');
    journal(root, [['entries/pages/.x.mdx.import-tmp', 'entries/pages/x.mdx']]);
    expect(refused(recoverImport(root, root))).toContain('链接');
    expect(readdirSync(join(project, 'src/pages'))).toEqual(['.x.mdx.import-tmp']);
    // A journal that is itself a link, even to nothing, is reported and refused.
    rmSync(join(root, JOURNAL));
    symlinkSync(join(project, 'nothing.json'), join(root, JOURNAL));
    expect(importLeftovers(root, root)).toContain(JOURNAL);
    expect(refused(recoverImport(root, root))).toMatch(/链接.*删除/);
  });

  it('says in Chinese that a damaged journal cannot be read, and what to do', () => {
    const { root } = setup();
    writeFileSync(join(root, JOURNAL), '{"oops": ');
    expect(refused(recoverImport(root, root))).toMatch(/^导入日志 \.import-journal\.json 已损坏.*删除/);
  });

  it('removes stray temporaries below entries/, never through a link to a folder outside', () => {
    const { root, project } = setup();
    symlinkSync(join(project, 'src/pages'), join(root, 'entries/pages'));
    writeFileSync(join(project, 'src/pages/keep.import-tmp'), 'x');
    temp(root, 'entries/yaodu/a-b-yaodu.mdx');
    expect(recoverImport(root, root)).toMatchObject({ ok: true, notes: [expect.stringContaining('1 个临时文件')] });
    expect(readdirSync(join(project, 'src/pages'))).toEqual(['keep.import-tmp']);
  });

  it('writes its journal with paths relative to the root, and never a path an import does not write', () => {
    const { root } = setup();
    const pair = (rel: string): [string, string] => [
      join(
        root,
        rel.replace(/[^/]+$/, (f) => `.${f}${TEMP_SUFFIX}`),
      ),
      join(root, rel),
    ];
    expect(JSON.parse(journalText(root, [pair('entries/yaodu/a-b-yaodu.mdx')]))).toEqual({
      format: 'honour-import-journal/2',
      files: [['entries/yaodu/.a-b-yaodu.mdx.import-tmp', 'entries/yaodu/a-b-yaodu.mdx']],
    });
    expect(() => journalText(root, [pair('src/pages/a.mdx')])).toThrow();
    // An update writes an existing entry where it is: directly in entries/, or in a folder of its own.
    expect(() => journalText(root, [pair('entries/zeng-hong-dongqu.mdx'), pair('entries/a/b/c-d.jpg')])).not.toThrow();
    expect(() => journalText(root, [pair('entries/../a.mdx')])).toThrow();
    expect(() => journalText(root, [pair('entries/a/b/c/d/e/f.mdx')])).toThrow();
  });
});

describe('the import lock', () => {
  it('takes over a stale lock and says so; content:check mentions a stale lock', () => {
    const { root } = setup();
    mkdirSync(join(root, LOCK));
    writeFileSync(join(root, LOCK, 'pid'), '1');
    expect(importLockProblem(root, root)).toMatchObject({
      file: LOCK,
      severity: 'warning',
      message: expect.stringMatching(/已失效.*删除/),
    });
    const lock = acquireImportLock(root, root);
    expect(lock).toMatchObject({ ok: true, note: expect.stringContaining('进程 1') });
    expect(importLockProblem(root, root)).toBeUndefined();
    if (lock.ok) lock.release();
  });

  it('refuses while another import runs, naming the folder to delete if none does', () => {
    const { root } = setup();
    const held = acquireImportLock(root, root);
    const second = acquireImportLock(root, root);
    expect(second).toMatchObject({ ok: false, message: expect.stringMatching(/另一个导入正在写入.*\.import\.lock/) });
    if (held.ok) held.release();
  });
});
