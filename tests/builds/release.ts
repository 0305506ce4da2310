/**
 * The quarterly release as a release builder runs it: the command, its
 * changelog from git history, reproducible archives, feeds, open data and
 * redirects of former URLs.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { runNode } from '../helpers/build.ts';
import { launch } from '../helpers/browser.ts';
import { addSecondQuarter, editFile, MINI } from '../helpers/fixture.ts';
import { page, text } from '../helpers/html.ts';
import { serve } from '../helpers/serve.ts';
import { projectTmp } from '../helpers/tmp.ts';
import { routes } from '../../src/model/routes.ts';

const sample = inject('sampleDist');

/** A content repository of its own: the mini fixture committed in a fresh git repo. */
function contentRepo(): { repo: string; root: string; git: (...a: string[]) => string } {
  const repo = mkdtempSync(join(tmpdir(), 'honour-repo-'));
  cpSync(MINI, join(repo, 'content'), { recursive: true });
  const git = (...a: string[]) =>
    execFileSync('git', ['-C', repo, '-c', 'user.name=编辑', '-c', 'user.email=editor@example.org', ...a], {
      encoding: 'utf8',
    });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', '第一批');
  return { repo, root: join(repo, 'content'), git };
}

/** Release builds go inside the project (tests/helpers/tmp.ts says why), one folder per release output. */
const dists = new Map<string, string>();
const distOf = (out: string) => {
  if (!dists.has(out)) dists.set(out, join(projectTmp('release-'), 'dist'));
  return dists.get(out)!;
};

async function release(root: string, id: string, out: string, ...extra: string[]) {
  const r = await runNode(['scripts/release.ts', id, '--out', out, '--dist', distOf(out), ...extra], {
    HONOUR_CONTENT_DIR: root,
  });
  return { status: r.status, out: r.output };
}

describe('npm run release', { timeout: 300_000 }, () => {
  // One content repository through a year of releases: 2026-q1 twice (the same commit must give the same
  // bytes), then 2026-q2 after a new batch, a correction, a withdrawal and a deleted entry (refused
  // before any build until confirmed with --yes), then a trial release of a dirty tree, then a commit
  // with a symlink, refused before any build.
  const { repo, root, git } = contentRepo();
  const releaseOf = (id: string, out: string, ...extra: string[]) => release(root, id, join(repo, out), ...extra);

  it('refuses an unknown release', async () => {
    const unknown = await releaseOf('2030-q9', 'x');
    expect(unknown.status).toBe(1);
    expect(unknown.out).toContain('未知的发布批次 “2030-q9”');
  });

  it('writes the artifact and tags the commit, shipping exactly the committed content', async () => {
    writeFileSync(join(repo, '.gitignore'), 'node_modules/\n');
    git('add', '-A');
    git('commit', '-qm', '忽略 node_modules');
    // An ignored file git status does not show: the working tree has it, the commit does not.
    const ignored = join(root, 'entries/node_modules');
    mkdirSync(ignored, { recursive: true });
    writeFileSync(
      join(ignored, 'ghost-xixian.mdx'),
      readFileSync(join(root, 'entries/zhang-san-xixian.mdx'), 'utf8').replace('name: 张三', 'name: 幽灵'),
    );
    const first = await releaseOf('2026-q1', 'r1');
    expect(first.status, first.out).toBe(0);
    expect(git('tag', '--list')).toContain('release/2026-q1');
    const sums = readFileSync(join(repo, 'r1/SHA256SUMS'), 'utf8');
    for (const f of [
      'site-2026-q1.tar.gz',
      'CHANGELOG.md',
      'data/entries.json',
      'data/entries.csv',
      'data/release-2026-q1.json',
    ]) {
      expect(sums).toMatch(new RegExp(`^[0-9a-f]{64}  ${f.replace('.', '\\.')}$`, 'm'));
    }
    expect(readFileSync(join(repo, 'r1/CHANGELOG.md'), 'utf8')).toContain('这是第一次发布');

    // The ignored entry never reaches the archive or the open data.
    const published = (
      JSON.parse(readFileSync(join(repo, 'r1/data/entries.json'), 'utf8')) as { records: Array<{ id: string }> }
    ).records
      .map((e) => e.id)
      .sort();
    const committedIds = git('ls-tree', '-r', '--name-only', 'release/2026-q1', '--', 'content/entries')
      .split('\n')
      .filter((f) => f.endsWith('.mdx'))
      .filter((f) => !readFileSync(join(repo, f), 'utf8').includes('draft: true'))
      .map((f) => f.replace(/^.*\//, '').replace(/\.mdx$/, ''))
      .sort();
    expect(published).toEqual(committedIds);
    const listing = spawnSync('tar', ['-tzf', join(repo, 'r1/site-2026-q1.tar.gz')], { encoding: 'utf8' }).stdout;
    expect(listing).toContain('people/zhang-san-xixian/');
    expect(listing).not.toContain('ghost');
  });

  it('is reproducible: the same commit gives byte-identical dist/ and archive', async () => {
    const again = await releaseOf('2026-q1', 'r1-again');
    expect(again.status, again.out).toBe(0);
    expect(readFileSync(join(repo, 'r1-again/SHA256SUMS'), 'utf8')).toBe(
      readFileSync(join(repo, 'r1/SHA256SUMS'), 'utf8'),
    );
    const diff = spawnSync('diff', ['-r', distOf(join(repo, 'r1')), distOf(join(repo, 'r1-again'))], {
      encoding: 'utf8',
    });
    expect(diff.stdout.slice(0, 2000)).toBe('');
    expect(diff.status).toBe(0);
  });

  it('lists in a second release what was added, changed and withdrawn, by region', async () => {
    // A quarter later: a new batch, a corrected summary, a withdrawal.
    addSecondQuarter(root, {
      slug: 'sun-qi-xixian',
      name: '孙七',
      region: 'xixian',
      category: 'zhuren',
      summary: '义务接送山区学生上学八年。',
    });
    editFile(root, 'entries/zhang-san-xixian.mdx', (s) =>
      s.replace('义务为乡亲修理农具十多年。', '义务为乡亲修理农具二十年。'),
    );
    editFile(root, 'entries/chen-jia-dongqu.mdx', (s) =>
      s.replace(
        'summary: 三代同堂，和睦孝亲。',
        'summary: 三代同堂，和睦孝亲。\nstatus: withdrawn\nwithdrawal:\n  reason: 经核实，事迹材料有误。\n  date: 2026-06-01',
      ),
    );
    // A release is the committed blobs (src/release/git.ts): a committed .gitattributes changes no byte.
    // git archive expanded the story's comment into this commit's message, whose link then closed the
    // comment and was published; and it left the export-ignore'd new entry out.
    writeFileSync(join(root, '.gitattributes'), '*.mdx export-subst\nsun-qi-xixian.mdx export-ignore\n');
    editFile(root, 'entries/zhang-san-xixian.mdx', (s) =>
      s.replace('张三的故事。', '张三的故事。\n\n<!-- $Format:%B$ -->'),
    );
    // 李小明's file deleted: his published URL breaks, which the release says and asks to confirm.
    git('rm', '-q', 'content/entries/li-xiaoming-xixian.mdx');
    // And, for one commit, a likely second 张三 (same name, region and birth), which the check only reminds of.
    writeFileSync(
      join(root, 'entries/zhang-san-xixian-2.mdx'),
      readFileSync(join(root, 'entries/zhang-san-xixian.mdx'), 'utf8').replace(
        /\n[^\n]*张三的故事。[\s\S]*$/,
        '\n另一段事迹。\n',
      ),
    );
    git('add', '-A');
    git('commit', '-qm', '第二批（草稿）');
    // Without --yes: every reminder printed, the release stopped before any build, nothing written.
    const unconfirmed = await releaseOf('2026-q2', 'r2');
    expect(unconfirmed.status).toBe(1);
    expect(unconfirmed.out).toMatch(
      /［提醒］content\/entries\/zhang-san-xixian\.mdx:2 — name — 可能与 content\/entries\/zhang-san-xixian-2\.mdx 是同一人/,
    );
    expect(unconfirmed.out).toMatch(
      /［提醒］content\/entries\/li-xiaoming-xixian\.mdx — （整个文件） — 上次发布（release\/2026-q1）公开的网页 \/people\/li-xiaoming-xixian\/（李小明）这个文件这次已删除.*formerSlugs: \[li-xiaoming-xixian\]/,
    );
    expect(unconfirmed.out).toContain('以上 2 条提醒要由您确认，发布已停止');
    expect(unconfirmed.out).toContain('npm run release -- 2026-q2 --yes');
    expect(unconfirmed.out).not.toContain('构建网站');
    expect(existsSync(join(repo, 'r2'))).toBe(false);
    expect(git('tag', '--list')).not.toContain('release/2026-q2');
    git('rm', '-q', 'content/entries/zhang-san-xixian-2.mdx');
    git('add', '-A');
    git('commit', '-qm', '第二批 -->\n\n[申请补贴，请填写身份证和银行卡](https://subsidy.example.cn/apply)\n\n<!--');
    const second = await releaseOf('2026-q2', 'r2', '--yes');
    expect(second.status, second.out).toBe(0);
    expect(second.out).toContain('发布前请看这 1 条提醒');
    expect(second.out).toContain('已确认以上提醒（--yes），继续发布。');
    const dist = distOf(join(repo, 'r2'));
    expect(text(page(dist, routes.entry('zhang-san-xixian')).querySelector('.story'))).not.toContain('申请补贴');
    expect(spawnSync('grep', ['-rl', 'subsidy.example.cn', dist], { encoding: 'utf8' }).stdout).toBe('');
    const archive = join(repo, 'r2/site-2026-q2.tar.gz');
    expect(spawnSync('tar', ['-xzOf', archive], { maxBuffer: 1 << 30 }).stdout.includes('subsidy.example.cn')).toBe(
      false,
    );
    expect(text(page(dist, routes.entry('sun-qi-xixian')).querySelector('h1'))).toContain('孙七');
    expect(spawnSync('tar', ['-tzf', archive], { encoding: 'utf8' }).stdout).toContain('people/sun-qi-xixian/');
    const log = readFileSync(join(repo, 'r2/CHANGELOG.md'), 'utf8');
    expect(log).toContain('对比上次发布：release/2026-q1');
    expect(log).toContain('本次共新增 1 条，修改 1 条，撤销 1 条，删除 1 条。');
    expect(log).toContain('### 删除（1）\n\n- 李小明（/people/li-xiaoming-xixian/）');
    expect(log).toMatch(/## 东区\n\n### 撤销（1）\n\n- 陈家家庭：经核实，事迹材料有误。（2026-06-01）/);
    expect(log).toMatch(
      /## 西县\n\n### 新增（1）\n\n- 孙七（\/people\/sun-qi-xixian\/）\n\n### 修改（1）\n\n- 张三：一句话事迹/,
    );
  });

  it('refuses a dirty content tree, unless asked for a trial release', async () => {
    editFile(root, 'entries/zhang-san-xixian.mdx', (s) => s.replace('张三的故事。', '张三的新故事。'));
    const dirty = await releaseOf('2026-q2', 'x');
    expect(dirty.status).toBe(1);
    expect(dirty.out).toContain('内容有未提交的修改');
    // 李小明's URL still breaks against release/2026-q1: confirmed.
    const trial = await releaseOf('2026-q2', 'x', '--allow-dirty', '--yes');
    expect(trial.status, trial.out).toBe(0);
    expect(text(page(distOf(join(repo, 'x')), routes.entry('zhang-san-xixian')).querySelector('.story'))).toContain(
      '张三的新故事。',
    );
  });

  it('refuses a committed symlink before building, writing no release folder', async () => {
    git('checkout', '--', 'content/entries/zhang-san-xixian.mdx');
    // A link git archive followed out of the repository: the release would have carried the file it points at.
    symlinkSync('/etc/hostname', join(root, 'entries/notes.txt'));
    git('add', '-A');
    git('commit', '-qm', '链接');
    const linked = await releaseOf('2026-q2', 'r3');
    expect(linked.status).toBe(1);
    expect(linked.out).toContain('content/entries/notes.txt');
    expect(linked.out).toContain('符号链接');
    expect(linked.out).toContain('发布已停止');
    expect(existsSync(join(repo, 'r3'))).toBe(false);
  });
});

describe('feeds, discovery and open data on the sample site', () => {
  it('has an RSS 2.0 feed of releases and new entries, newest first', () => {
    const xml = readFileSync(join(sample, 'rss.xml'), 'utf8');
    expect(xml).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?><rss version="2\.0">/);
    const items = [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map((m) => m[1] ?? '');
    expect(items.length).toBeGreaterThan(5);
    const dates = items.map((i) => Date.parse(/<pubDate>(.*?)<\/pubDate>/.exec(i)?.[1] ?? ''));
    expect(dates.every((d) => !Number.isNaN(d))).toBe(true);
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    expect(items.some((i) => i.includes('<link>https://hrb.example.cn/releases/2026-q3/</link>'))).toBe(true);
    for (const i of items) expect(i).toMatch(/<title>.+<\/title>[\s\S]*<link>https:\/\/hrb\.example\.cn\//);
    expect(xml).not.toContain('hu-zhigang-yaodu');
  });

  it('lists every published entry in the sitemap, and robots.txt points at it', () => {
    const xml = readFileSync(join(sample, 'sitemap.xml'), 'utf8');
    expect(xml).toContain('<loc>https://hrb.example.cn/people/zeng-xiaohong-yaodu/</loc>');
    expect(xml).toContain('<loc>https://hrb.example.cn/regions/yaodu/</loc>');
    expect(xml).not.toContain('hu-zhigang-yaodu');
    expect(readFileSync(join(sample, 'robots.txt'), 'utf8')).toContain('Sitemap: https://hrb.example.cn/sitemap.xml');
  });

  it('publishes open data without private fields: minors by name, school and deed; withdrawn by status only', () => {
    const data = JSON.parse(readFileSync(join(sample, 'data/entries.json'), 'utf8')) as {
      licence: string;
      records: Array<Record<string, unknown>>;
    };
    expect(data.licence).toContain('CC BY 4.0');
    const minor = data.records.find((r) => r.name === '陈思雨');
    expect(minor).toMatchObject({ minor: true, school: '乡宁县某小学' });
    for (const key of ['gender', 'birth', 'ethnicity', 'photo', 'unit']) expect(minor).not.toHaveProperty(key);
    const withdrawn = data.records.find((r) => r.id === 'hu-zhigang-yaodu');
    expect(Object.keys(withdrawn ?? {}).sort()).toEqual(['id', 'status', 'url', 'withdrawnOn']);
    const csv = readFileSync(join(sample, 'data/entries.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFid,url,status,name,')).toBe(true);
    expect(csv.trim().split('\r\n').length).toBe(data.records.length + 1);
    const q1 = JSON.parse(readFileSync(join(sample, 'data/releases/2026-q1.json'), 'utf8')) as { records: unknown[] };
    expect(q1.records.length).toBe(7);
  });
});

describe('permalinks survive', () => {
  it('redirects a sample former slug with a static page and a _redirects line', () => {
    const doc = page(sample, routes.entry('ou-yangming-xiangfen'));
    expect(doc.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toBe(
      '0; url=/people/ouyang-ming-xiangfen/',
    );
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      'https://hrb.example.cn/people/ouyang-ming-xiangfen/',
    );
    expect(readFileSync(join(sample, '_redirects'), 'utf8')).toContain(
      `${routes.entry('ou-yangming-xiangfen')} ${routes.entry('ouyang-ming-xiangfen')} 301`,
    );
  });

  it('follows the old URL of a renamed entry to its new page in Chromium', async () => {
    const server = await serve(sample);
    const browser = await launch();
    try {
      const p = await browser.newPage();
      await p.goto(`${server.url}${routes.entry('ou-yangming-xiangfen')}`);
      await p.waitForURL(`${server.url}${routes.entry('ouyang-ming-xiangfen')}`);
      expect(await p.locator('h1').textContent()).toContain('欧阳明');
    } finally {
      await browser.close();
      await server.close();
    }
  }, 60_000);
});
