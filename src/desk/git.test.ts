import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deskRoot, type DeskRoot } from '../../tests/helpers/desk-root.ts';
import { commitPaths, identityProblem, readIdentity, repositoryOf, writeIdentity } from './git.ts';

describe('desk git', () => {
  let r: DeskRoot;
  beforeAll(() => {
    r = deskRoot({ inside: true, identity: false });
  });
  afterAll(() => r.cleanup());

  it('finds the repository that holds a content folder', async () => {
    expect(await repositoryOf(r.root)).toBe(r.repo);
  });

  it('keeps the editor in the repository’s local config, not the global one', async () => {
    expect(await readIdentity(r.repo)).toBeUndefined();
    await writeIdentity(r.repo, { name: '李明', email: 'liming@example.cn' });
    expect(await readIdentity(r.repo)).toEqual({ name: '李明', email: 'liming@example.cn' });
    expect(readFileSync(join(r.repo, '.git/config'), 'utf8')).toContain('name = 李明');
  });

  it('refuses a name or e-mail that cannot be kept', () => {
    expect(identityProblem('', 'a@b.cn')).toBeDefined();
    expect(identityProblem('李明', 'not-an-email')).toBeDefined();
    expect(identityProblem('李明\n[core]', 'a@b.cn')).toBeDefined();
    expect(identityProblem('李明', 'liming@example.cn')).toBeUndefined();
  });

  it('commits exactly the paths given: other staged and unstaged changes stay as they were; no hook runs', async () => {
    // A hook of the repository (and one named by core.hooksPath) that would leave a mark.
    const hooks = join(r.repo, 'my-hooks');
    mkdirSync(hooks);
    for (const dir of [hooks, join(r.repo, '.git/hooks')]) {
      writeFileSync(join(dir, 'pre-commit'), `#!/bin/sh\ntouch "${r.repo}/hook-ran"\n`, { mode: 0o755 });
      writeFileSync(join(dir, 'commit-msg'), `#!/bin/sh\ntouch "${r.repo}/hook-ran"\n`, { mode: 0o755 });
    }
    r.git('config', '--local', 'core.hooksPath', hooks);
    const staged = join(r.root, 'regions.yaml');
    writeFileSync(staged, `${readFileSync(staged, 'utf8')}\n`);
    r.git('add', staged);
    const unstaged = join(r.root, 'entries/xixian/cao-wenbin-xixian.mdx');
    writeFileSync(unstaged, `${readFileSync(unstaged, 'utf8')}\n改动\n`);
    const saved = join(r.root, 'entries/yaodu/new-person-yaodu.mdx');
    writeFileSync(saved, '---\nname: 新人\n---\n');
    const photo = join(r.root, 'entries/yaodu/zhang-jianguo-yaodu.jpg');
    rmSync(photo);

    const hash = await commitPaths(r.repo, [saved, photo], '添加新人（尧都区）', {
      name: '李明',
      email: 'liming@example.cn',
    });
    expect(r.git('rev-parse', 'HEAD').trim()).toBe(hash);
    expect(r.git('show', '--name-status', '--format=%an|%cn|%s', 'HEAD').trim().split('\n')).toEqual([
      '李明|李明|添加新人（尧都区）',
      '',
      'A\tcontent/entries/yaodu/new-person-yaodu.mdx',
      'D\tcontent/entries/yaodu/zhang-jianguo-yaodu.jpg',
    ]);
    expect(r.git('diff', '--cached', '--name-only').trim()).toBe('content/regions.yaml');
    expect(r.git('diff', '--name-only').trim()).toBe('content/entries/xixian/cao-wenbin-xixian.mdx');
    expect(existsSync(join(r.repo, 'hook-ran'))).toBe(false);
  });
});
