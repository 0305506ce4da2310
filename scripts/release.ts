/**
 * npm run release -- <release-id> [--allow-dirty] [--yes] [--out DIR] [--dist DIR]
 *
 * One reproducible command for a quarterly release: checks the content,
 * shows the check's reminders and the published URLs this release breaks
 * (and stops there, before building, unless --yes), builds the site, and writes releases/<id>/ with the site archive, open
 * data, CHANGELOG.md (against the previous release's git tag) and
 * SHA256SUMS. Tags the content's commit as release/<id>.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { sortedFiles } from '../src/release/archive.ts';
import { checksums, writeSiteFiles } from '../src/release/release-folder.ts';
import { extractTree, previousReleaseTag, readTreeFiles, TreeRefusedError } from '../src/release/git.ts';
import { brokenUrlProblem, brokenUrls, renderChangelog, type EntrySnapshot } from '../src/release/changelog.ts';
import { checkContent } from '../src/editor/check.ts';
import { contentRoot, entryIdFromPath } from '../src/model/content-root.ts';
import { readEntryFile } from '../src/editor/entry-file.ts';
import { formatProblem, formatReport, type Problem } from '../src/rules/problems.ts';
import { publishOutput } from '../src/build/publish.ts';
import { commandArgs } from './lib/args.ts';

const { values, positional } = commandArgs({
  script: 'release',
  options: {
    'allow-dirty': { type: 'boolean', default: false },
    // Goes on past the reminders (likely duplicates, published URLs that break).
    yes: { type: 'boolean', default: false },
    out: { type: 'string', value: '文件夹' },
    dist: { type: 'string', value: '文件夹', default: 'dist' },
  },
  // A release id, as in releases.yaml: 2026-q4.
  positional: { name: '批次（如 2026-q4）', required: true, looksLike: (arg) => /^\d{4}-/.test(arg) },
});
const id = positional as string;
const say = (s: string) => console.log(s);
function stop(message: string): never {
  console.error(message);
  process.exit(1);
}

const workingRoot = contentRoot();

// ---- git: the content's repository, its state, and the previous release ----
const top = execFileSync('git', ['-C', workingRoot, 'rev-parse', '--show-toplevel'], { encoding: 'utf8' }).trim();
/** Git in the content's repository; paths are relative to its top folder. */
const git = (...args: string[]) => execFileSync('git', ['-C', top, ...args], { encoding: 'utf8' }).trim();
const contentPath = relative(top, workingRoot) || '.';
const dirty = git('status', '--porcelain', '--', contentPath);
if (dirty && !values['allow-dirty']) {
  stop(
    `内容有未提交的修改，发布必须对应一个确定的提交：\n${dirty}\n请先提交（git commit），或加 --allow-dirty（仅用于试发布）。`,
  );
}
const head = git('rev-parse', 'HEAD');

// ---- the committed tree: engine and content as of HEAD, extracted to stable folders ----
// The committed blobs byte for byte (src/release/git.ts: no .gitattributes applies); untracked and
// ignored files never ship. The folders keep their paths between releases, so the build cache (one
// per content-root path) stays warm. --allow-dirty builds the working tree instead.
const committed = !values['allow-dirty'];
let root = workingRoot;
/** Where the check's paths are shown from: the repository's top, so a file reads as it does in git. */
let shownFrom = top;
/** extractTree, or a stop that says what in the commit cannot be released; nothing is written then. */
async function extracted(repo: string, rev: string, path: string, into: string): Promise<void> {
  try {
    await extractTree(repo, rev, path, into);
  } catch (e) {
    if (e instanceof TreeRefusedError) {
      stop(`${e.message}\n提交中有 ${e.problems.length} 处不能发布，发布已停止，没有写出任何发布文件。`);
    }
    stop(
      `无法从 git 取出提交 ${rev.slice(0, 12)} 的文件（${repo}）：${e instanceof Error ? e.message : String(e)}\n发布已停止。`,
    );
  }
}
let engine = process.cwd();
if (committed) {
  const stage = resolve('.release-build');
  engine = join(stage, 'engine');
  await extracted(process.cwd(), 'HEAD', '.', engine);
  symlinkSync(resolve('node_modules'), join(engine, 'node_modules'), 'dir');
  const contentCopy = join(
    stage,
    `content-${createHash('sha256').update(join(top, contentPath)).digest('hex').slice(0, 12)}`,
  );
  await extracted(top, head, contentPath, contentCopy);
  root = join(contentCopy, contentPath);
  shownFrom = contentCopy;
  const engineDirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
    encoding: 'utf8',
  }).trim();
  if (engineDirty) say('注意：程序有未提交的修改；发布使用的是已提交的版本（HEAD）。');
  say(`✓ 已取出提交 ${head.slice(0, 12)} 的内容和程序`);
}

const { problems, content } = await checkContent(root, shownFrom);
const release = content.releases.get(id);
if (!release)
  stop(`未知的发布批次 “${id}”：请先在 releases.yaml 中添加，已有：${[...content.releases.keys()].join('、')}`);
if (problems.some((p) => p.severity === 'error')) stop(`${formatReport(problems)}\n内容检查未通过，不能发布。`);
const warned = problems.filter((p) => p.severity === 'warning').length;
say(`✓ 内容检查通过（${content.entries.length} 个条目${warned ? `，${warned} 个提醒，见下` : ''}）`);

const tags = git('tag', '--list', 'release/*').split('\n').filter(Boolean);
const earlier = previousReleaseTag(tags, content.releases, release.date);

/**
 * Entry files (id → frontmatter and body) at a commit: its blobs, as the release of that commit
 * built them; each with its path in the repository.
 */
async function entriesAt(rev: string): Promise<Map<string, EntrySnapshot & { path: string }>> {
  const files = await readTreeFiles(top, rev, join(contentPath, 'entries'), (f) => f.endsWith('.mdx'));
  const out = new Map<string, EntrySnapshot & { path: string }>();
  for (const [f, bytes] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    out.set(entryIdFromPath(f), { ...readEntryFile(bytes.toString('utf8')), path: f });
  }
  return out;
}
function readEntries(dir: string): Map<string, EntrySnapshot> {
  const out = new Map<string, EntrySnapshot>();
  for (const f of sortedFiles(dir).filter((f) => f.endsWith('.mdx'))) {
    out.set(entryIdFromPath(f), readEntryFile(readFileSync(join(dir, f), 'utf8')));
  }
  return out;
}

const before = earlier ? await entriesAt(earlier.tag) : new Map<string, EntrySnapshot & { path: string }>();
const after = readEntries(join(root, 'entries'));

// ---- reminders: what the check only warns about, and the published URLs this release breaks ----
// Said before anything is built or written: without --yes the release stops here.
const reminders: Problem[] = [
  ...problems.filter((p) => p.severity === 'warning'),
  ...(earlier
    ? brokenUrls(before, after).map((b) => brokenUrlProblem(b, before.get(b.id)?.path ?? b.id, earlier.tag))
    : []),
];
if (reminders.length) {
  say(`发布前请看这 ${reminders.length} 条提醒：`);
  for (const r of reminders) say(formatProblem(r));
  if (!values.yes) {
    stop(
      [
        `以上 ${reminders.length} 条提醒要由您确认，发布已停止：还没有构建，也没有写出任何发布文件。`,
        '请逐条看过：需要改的，改正并提交（git commit）后再发布；',
        `都确认没问题（例如确实要删除那个网页），请在命令末尾加上 --yes 再运行一次，例如：npm run release -- ${id}${values['allow-dirty'] ? ' --allow-dirty' : ''} --yes`,
      ].join('\n'),
    );
  }
  say('已确认以上提醒（--yes），继续发布。');
}

// ---- build ----
const dist = resolve(values.dist);
// Astro shares ./.astro/.prerender/ between builds whose outDir is outside the working directory.
if (!dist.startsWith(process.cwd())) stop(`--dist 必须在项目目录内：${dist}`);
say(`… 构建网站到 ${relative(process.cwd(), dist) || dist}`);
// The build's output must sit inside the engine's folder (scripts/build.ts); a committed build is then moved into place.
const engineDist = committed ? join(engine, 'dist') : dist;
const built = spawnSync(process.execPath, [join(engine, 'scripts/build.ts'), '--outDir', engineDist], {
  cwd: engine,
  env: { ...process.env, HONOUR_CONTENT_DIR: root },
  encoding: 'utf8',
});
if (built.status !== 0) stop(`${built.stdout}\n${built.stderr}\n构建失败，没有发布。`);
if (committed) publishOutput(engineDist, dist);
say('✓ 网站、搜索索引、开放数据、RSS 和光荣榜已构建');

// ---- the release folder ----
const out = resolve(values.out ?? join('releases', id));
const archiveName = await writeSiteFiles(dist, out, id);

const regionOrder = [...content.regions].sort(([, a], [, b]) => a.order - b.order).map(([rid]) => rid);
const changelog = renderChangelog({
  heading: `${release.title} 更新说明`,
  meta: [
    `- 发布批次：${id}（${release.date}）`,
    `- 内容提交：${head.slice(0, 12)}`,
    earlier
      ? `- 对比上次发布：${earlier.tag}（${git('rev-list', '-n', '1', earlier.tag).slice(0, 12)}）`
      : '- 这是第一次发布：所有条目都列为新增',
  ],
  before,
  after,
  regionName: (rid) => content.regions.get(rid)?.name ?? rid,
  regionOrder,
});
writeFileSync(join(out, 'CHANGELOG.md'), changelog);

const sums = checksums(out);
writeFileSync(join(out, 'SHA256SUMS'), `${sums}\n`);

// ---- tag the commit, unless this release was already tagged ----
if (!tags.includes(`release/${id}`)) {
  git('tag', `release/${id}`, head);
  say(`✓ 已创建标签 release/${id} → ${head.slice(0, 12)}`);
} else if (git('rev-list', '-n', '1', `release/${id}`) !== head) {
  say(`注意：标签 release/${id} 已指向另一个提交，未移动它。`);
}

say(`✓ 发布文件在 ${relative(process.cwd(), out) || out}：`);
for (const f of readdirSync(out, { recursive: true, encoding: 'utf8' }).sort()) say(`  ${f}`);
say(sums.split('\n').find((l) => l.endsWith(archiveName)) ?? '');
