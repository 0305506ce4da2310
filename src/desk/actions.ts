/**
 * Decap's proxy protocol (`{ branch, action, params }` POSTed to `proxy_url`), as its proxy
 * backend (decap-cms-backend-proxy) sends it and decap-server answers it: the parameter shapes
 * below follow decap-server's joi schema, the answers its local-fs middleware. Unlike
 * decap-server, every path is judged against the content root (403, nothing written), a save is
 * checked by content:check's rules first (422 with the check's messages), merged into the file,
 * and committed alone; an error says what went wrong instead of "Unknown error". Also the desk's
 * own endpoints: `/slug`, `/preview`, `/identity`.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { basename, relative } from 'node:path';
import { z } from 'astro/zod';
import { KINDS, slugPattern, type Kind } from '../model/schema.ts';
import type { Problem } from '../rules/problems.ts';
import { lookupRef } from '../editor/ref-names.ts';
import { judgePath, PHOTO_EXT } from './guard.ts';
import { commitPaths, identityProblem, readIdentity, repositoryOf, writeIdentity } from './git.ts';
import { judgeUpload } from './media.ts';
import { entryPathFor, newSlug, planSave, refusalSummary } from './persist.ts';
import { previewEntry } from './preview.ts';
import { writeAtomically } from './write.ts';
import type { ContentStore } from './store.ts';

/** An answer: HTTP status and JSON body. */
export interface Answer {
  status: number;
  body: unknown;
}

/** What the actions share for one start of the desk. */
export interface DeskContext {
  store: ContentStore;
  /** Saves run one at a time: each is checked against the files the one before wrote. */
  queue: Promise<unknown>;
}

const path = z.string();
const asset = z.object({ path, content: z.string(), encoding: z.literal('base64') });
const dataFile = z.object({ slug: z.string(), path, raw: z.string(), newPath: path.optional() });
const commitOptions = z.object({ commitMessage: z.string() }).loose();

/** decap-server's parameter schema, action by action (only the actions the desk serves). */
const PARAMS = {
  info: z.unknown(),
  entriesByFolder: z.object({ folder: path, extension: z.string(), depth: z.number() }).loose(),
  entriesByFiles: z.object({ files: z.array(z.object({ path, label: z.string().optional() }).loose()) }).loose(),
  getEntry: z.object({ path }).loose(),
  persistEntry: z
    .object({
      entry: dataFile.optional(),
      dataFiles: z.array(dataFile).optional(),
      assets: z.array(asset),
      options: z.object({ commitMessage: z.string().optional(), newEntry: z.boolean().optional() }).loose(),
    })
    .loose(),
  getMedia: z.object({ mediaFolder: path }).loose(),
  getMediaFile: z.object({ path }).loose(),
  persistMedia: z.object({ asset, options: commitOptions.optional() }).loose(),
  deleteFile: z.object({ path }).loose(),
  deleteFiles: z.object({ paths: z.array(path).min(1) }).loose(),
  getDeployPreview: z.unknown(),
} as const;

type Action = keyof typeof PARAMS;

const forbidden = (message: string): Answer => ({ status: 403, body: { error: message } });
const refused = (error: string, problems: Problem[] = []): Answer => ({ status: 422, body: { error, problems } });

/** A path as Decap names it (relative to the content root, `/`-separated). */
const relOf = (ctx: DeskContext, abs: string) => relative(ctx.store.root, abs).split(/[\\/]/).join('/');

/** decap-server's answer for an entry file: its text and Decap's id (the SHA-256 of its bytes). */
function entryAnswer(ctx: DeskContext, rel: string, label?: string) {
  const judged = judgePath(ctx.store.root, rel);
  return fileAnswer(ctx, judged.ok ? judged.abs : undefined, rel, label);
}

/** The same for a file already judged (`abs`, undefined when refused or missing). */
function fileAnswer(ctx: DeskContext, abs: string | undefined, rel: string, label?: string) {
  const file = abs === undefined ? undefined : ctx.store.read(abs);
  return file
    ? { data: file.bytes.toString('utf8'), file: { path: rel, label, id: file.id } }
    : { data: null, file: { path: rel, label, id: null } };
}

/** decap-server's answer for a media file. */
function mediaAnswer(ctx: DeskContext, abs: string) {
  const file = ctx.store.read(abs);
  if (!file) return undefined;
  return {
    id: file.id,
    content: file.bytes.toString('base64'),
    encoding: 'base64',
    path: relOf(ctx, abs),
    name: basename(abs),
  };
}

/** The commit message of a save: what was done, to whom (the log is read by people, in Chinese). */
export function commitMessage(isNew: boolean, name: string, regionName: string): string {
  return `${isNew ? '添加' : '修改'}${name}（${regionName}）\n\n由编辑台保存。`;
}

async function persistEntry(ctx: DeskContext, params: z.infer<(typeof PARAMS)['persistEntry']>): Promise<Answer> {
  const files = params.dataFiles ?? (params.entry ? [params.entry] : []);
  if (files.length !== 1) return refused('编辑台一次只保存一个条目');
  const [one] = files;
  if (!one) return refused('编辑台一次只保存一个条目');
  if (one.newPath && one.newPath !== one.path)
    return refused('条目的文件名就是它的网址，发布后不能改：请不要更改文件名（改名请技术同事处理并写上 formerSlugs）');
  for (const a of params.assets) {
    const judged = judgePath(ctx.store.root, a.path);
    if (!judged.ok) return forbidden(judged.message);
  }
  const repo = await repositoryOf(ctx.store.root);
  const who = repo ? await readIdentity(repo) : undefined;
  if (repo && !who) return refused('请先在编辑台填写您的姓名和邮箱（每台电脑只填一次），再保存');
  const plan = await planSave(ctx.store, {
    newEntry: params.options.newEntry === true,
    path: one.path,
    raw: one.raw,
    assets: params.assets.map((a) => ({ path: a.path, bytes: Buffer.from(a.content, 'base64') })),
  });
  if (!plan.ok) return plan.status === 403 ? forbidden(plan.error) : refused(plan.error, plan.problems);
  // What the files were, so that a save git cannot commit is undone: a save is written and committed, or nothing.
  const before = [...plan.writes.map((w) => w.abs), ...plan.removes].map((abs) => ({
    abs,
    bytes: existsSync(abs) ? readFileSync(abs) : undefined,
  }));
  for (const w of plan.writes) {
    writeAtomically(ctx.store.root, w.abs, w.bytes);
    ctx.store.forget(w.abs);
  }
  for (const abs of plan.removes) {
    rmSync(abs, { force: true });
    ctx.store.forget(abs);
  }
  const changed = [...plan.writes.map((w) => w.abs), ...plan.removes];
  let commit: string | undefined;
  let note = '';
  if (repo && who && changed.length) {
    try {
      const paths = plan.photo && !changed.includes(plan.photo) ? [...changed, plan.photo] : changed;
      commit = await commitPaths(repo, paths, commitMessage(plan.isNew, plan.name, plan.regionName), who);
    } catch (e) {
      for (const b of before) {
        if (b.bytes) writeAtomically(ctx.store.root, b.abs, b.bytes);
        else rmSync(b.abs, { force: true });
        ctx.store.forget(b.abs);
      }
      return {
        status: 500,
        body: {
          error: `没有保存：提交到 git 时出错（${(e as Error).message.replace(/\s+/g, ' ')}），文件已恢复原样。请稍后再保存一次；仍不行，请把这句话复制给技术同事`,
          problems: [],
        },
      };
    }
  } else if (!repo) note = '（内容目录不在 git 仓库里，没有提交）';
  return {
    status: 200,
    body: {
      message: changed.length ? `已保存并提交${plan.name}${note}` : '没有改动',
      path: relOf(ctx, plan.entry),
      commit,
      warnings: plan.warnings,
    },
  };
}

async function persistMedia(ctx: DeskContext, params: z.infer<(typeof PARAMS)['persistMedia']>): Promise<Answer> {
  const judged = judgePath(ctx.store.root, params.asset.path);
  if (!judged.ok) return forbidden(judged.message);
  const rel = judged.rel;
  const bytes = Buffer.from(params.asset.content, 'base64');
  // Named by the entry folder's rules later; judged now by the check's photo rules.
  const stem =
    basename(rel)
      .replace(/\.[^.]*$/, '')
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'photo';
  const upload = await judgeUpload(bytes, rel, stem, rel);
  const errors = upload.problems.filter((p) => p.severity === 'error');
  if (errors.length || !upload.name) return refused(refusalSummary(errors), upload.problems);
  if (!PHOTO_EXT.test(rel)) return refused('照片文件名要以 .jpg、.png 或 .webp 结尾');
  writeAtomically(ctx.store.root, judged.abs, bytes);
  ctx.store.forget(judged.abs);
  return { status: 200, body: mediaAnswer(ctx, judged.abs) };
}

/** Runs one action of Decap's proxy protocol. */
export async function runAction(ctx: DeskContext, request: unknown): Promise<Answer> {
  const envelope = z.object({ action: z.string(), params: z.unknown().optional() }).loose().safeParse(request);
  if (!envelope.success) return refused('请求内容不对（缺少 action）');
  const action = envelope.data.action;
  if (!Object.hasOwn(PARAMS, action)) return refused(`编辑台不支持操作 ${action.slice(0, 40)}`);
  const parsed = PARAMS[action as Action].safeParse(envelope.data.params ?? {});
  if (!parsed.success) return refused(`操作 ${action} 的参数不对：${parsed.error.issues[0]?.message ?? ''}`);
  const params = parsed.data as never;
  const root = ctx.store.root;
  switch (action as Action) {
    case 'info':
      return { status: 200, body: { repo: basename(root), publish_modes: ['simple'], type: 'local_fs' } };
    case 'entriesByFolder': {
      const p = params as z.infer<(typeof PARAMS)['entriesByFolder']>;
      const judged = judgePath(root, p.folder);
      if (!judged.ok) return forbidden(judged.message);
      const extension = p.extension.startsWith('.') ? p.extension : `.${p.extension}`;
      const files = ctx.store.list(judged.abs, extension, Math.min(Math.max(p.depth, 1), 8));
      // The walk below a judged folder never follows a symlink: its files need no judging one by one.
      const body = files.map((abs) => fileAnswer(ctx, abs, relOf(ctx, abs)));
      // Once the first list is answered, the checks a save needs are made between requests (errors are the save's to say).
      ctx.store.warm().catch(() => undefined);
      return { status: 200, body };
    }
    case 'entriesByFiles': {
      const p = params as z.infer<(typeof PARAMS)['entriesByFiles']>;
      for (const f of p.files) {
        const judged = judgePath(root, f.path);
        if (!judged.ok) return forbidden(judged.message);
      }
      return { status: 200, body: p.files.map((f) => entryAnswer(ctx, f.path, f.label)) };
    }
    case 'getEntry': {
      const p = params as z.infer<(typeof PARAMS)['getEntry']>;
      const judged = judgePath(root, p.path);
      if (!judged.ok) return forbidden(judged.message);
      return { status: 200, body: entryAnswer(ctx, p.path) };
    }
    case 'persistEntry': {
      const run = ctx.queue.then(() => persistEntry(ctx, params));
      ctx.queue = run.catch(() => undefined);
      return run;
    }
    case 'getMedia': {
      const p = params as z.infer<(typeof PARAMS)['getMedia']>;
      const judged = judgePath(root, p.mediaFolder);
      if (!judged.ok) return forbidden(judged.message);
      // Decap asks for the media folder of an entry each time one opens, and photos live beside the entries: the
      // answer would be every photo of the county, base64 (hundreds of MB for a large county). Each person's photo is
      // their own, so the desk lists none: Decap then asks for the one photo an entry names (getMediaFile).
      return { status: 200, body: [] };
    }
    case 'getMediaFile': {
      const p = params as z.infer<(typeof PARAMS)['getMediaFile']>;
      // An entry-relative media folder makes `entries/yaodu/./x.jpg`: a `.` part names nothing (`..` stays refused).
      const judged = judgePath(root, p.path.replace(/(^|\/)(?:\.\/)+/g, '$1'));
      if (!judged.ok) return forbidden(judged.message);
      if (!PHOTO_EXT.test(judged.abs)) return forbidden('只能读取照片文件，已拒绝');
      const media = mediaAnswer(ctx, judged.abs);
      return media ? { status: 200, body: media } : { status: 404, body: { error: '找不到这张照片' } };
    }
    case 'persistMedia': {
      const run = ctx.queue.then(() => persistMedia(ctx, params));
      ctx.queue = run.catch(() => undefined);
      return run;
    }
    case 'deleteFile':
    case 'deleteFiles': {
      const p = params as { path?: string; paths?: string[] };
      for (const rel of p.paths ?? [p.path ?? '']) {
        const judged = judgePath(root, rel);
        if (!judged.ok) return forbidden(judged.message);
      }
      // A published page must keep its address: an entry is withdrawn, never deleted (docs/editing.md, 第七节).
      return refused(
        '编辑台不删除文件：要撤下一位好人，请打开他的条目，把“状态”改为撤销并写明原因和日期；照片请在条目里替换或清空后保存',
      );
    }
    case 'getDeployPreview':
      return { status: 200, body: null };
    default: {
      // The parameter schema admits only the actions above; kept for a Decap that sends a new one.
      const unknown: string = action;
      return refused(`编辑台不支持操作 ${unknown.slice(0, 40)}`);
    }
  }
}

/** `/slug`: the slug and path a new entry of this name gets (content:new's rules), unique in the root. */
export function slugEndpoint(ctx: DeskContext, request: unknown): Answer {
  const r = z
    .object({ name: z.string().trim().min(1).max(100), region: z.string().optional(), kind: z.string().optional() })
    .safeParse(request);
  if (!r.success) return refused('请先填写姓名');
  const { collections, allowed } = ctx.store.collections();
  let region = r.data.region ?? '';
  const found = region ? lookupRef(collections, 'region', region) : undefined;
  if (found?.is === 'name') region = found.id;
  if (!region || !collections.regions.has(region) || !slugPattern.test(region))
    return refused(`找不到地区“${(r.data.region ?? '').slice(0, 40)}”：请在“地区”里选择一个县（市、区）`);
  const kind: Kind = (KINDS as readonly string[]).includes(r.data.kind ?? '') ? (r.data.kind as Kind) : 'person';
  const slug = newSlug(r.data.name, kind, region, ctx.store.entries(allowed));
  return { status: 200, body: { slug, path: entryPathFor(ctx.store.root, region, slug) } };
}

/** `/preview`: the story as the site renders it, and the entry's own problems. */
export function previewEndpoint(ctx: DeskContext, request: unknown): Answer {
  const r = z.object({ raw: z.string().max(1024 * 1024), path: z.string().optional() }).safeParse(request);
  if (!r.success) return refused('预览请求不对（缺少 raw）');
  let file = '预览';
  if (r.data.path) {
    const judged = judgePath(ctx.store.root, r.data.path);
    if (!judged.ok) return forbidden(judged.message);
    file = ctx.store.show(judged.abs);
  }
  return { status: 200, body: previewEntry(r.data.raw, file, ctx.store.collections().allowed) };
}

/** `/identity`: `{}` reads the editor's name and e-mail; `{ name, email }` keeps them in the repository's local config. */
export async function identityEndpoint(ctx: DeskContext, request: unknown): Promise<Answer> {
  const r = z.object({ name: z.unknown().optional(), email: z.unknown().optional() }).safeParse(request);
  if (!r.success) return refused('请求内容不对');
  const repo = await repositoryOf(ctx.store.root);
  if (r.data.name === undefined && r.data.email === undefined) {
    const who = repo ? await readIdentity(repo) : undefined;
    return { status: 200, body: who ?? { name: null, repository: repo !== undefined } };
  }
  if (!repo) return refused('内容目录不在 git 仓库里，不能记下姓名和邮箱：请技术同事把它放进 git 仓库');
  const problem = identityProblem(r.data.name, r.data.email);
  if (problem) return refused(problem);
  await writeIdentity(repo, { name: String(r.data.name), email: String(r.data.email) });
  return { status: 200, body: await readIdentity(repo) };
}
