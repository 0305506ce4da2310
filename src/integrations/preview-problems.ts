/**
 * `npm run dev` is where editors look at their work, so a content problem is
 * shown there, in place of every page, as the content check words it (file,
 * line, field, fix), never as a stack trace from deep in the roll. The check
 * runs again after any change under the content root; once it passes, the
 * content is read again and the page reloads itself into the site.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import { sep } from 'node:path';
import { checkContent } from '../editor/check.ts';
import { formatProblem, formatReport, type Problem } from '../rules/problems.ts';
import { t } from '../strings.ts';

/** What the problems page asks, once a second, to know when to reload. */
export const PREVIEW_STATE_PATH = '/__honour/content-state';

interface Verdict {
  /** Errors and warnings; the page is shown only while there is an error. */
  problems: readonly Problem[];
  /** Changes whenever the report does: the page reloads when it is no longer its own. */
  state: string;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page shown for every page request while the content has errors (no CSP: it is never published). */
export function problemsPage({ problems, state }: Verdict): string {
  const errors = problems.filter((p) => p.severity === 'error');
  const items = [...errors, ...problems.filter((p) => p.severity === 'warning')]
    .map((p) => `<li class="${p.severity}">${escapeHtml(formatProblem(p))}</li>`)
    .join('\n');
  const s = t.devProblems;
  return `<!doctype html>
<html lang="${t.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(s.title)}</title>
<style>
body { font: 18px/1.7 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
h1 { color: #a40000; font-size: 1.5rem; }
li { white-space: pre-wrap; overflow-wrap: anywhere; margin: .75rem 0; padding: .5rem .75rem; background: #fff4f4; border-left: 4px solid #a40000; }
li.warning { background: #fffbe6; border-color: #b38600; }
.note { color: #555; }
</style>
</head>
<body>
<h1>${escapeHtml(s.title)}</h1>
<p>${escapeHtml(s.lead(errors.length))}</p>
<ol>
${items}
</ol>
<p class="note">${escapeHtml(s.columns)}</p>
<p class="note">${escapeHtml(s.waiting)}</p>
<script>
// Reloads once the content check's verdict has changed (a fixed file, or another problem).
setInterval(() => {
  fetch(${JSON.stringify(PREVIEW_STATE_PATH)}, { cache: 'no-store' })
    .then((r) => r.text())
    .then((now) => { if (now !== ${JSON.stringify(state)}) location.reload(); }, () => {});
}, 1000);
</script>
</body>
</html>
`;
}

/** A page request from a browser (not Vite's modules, Astro's assets or a photo). */
function wantsPage(req: IncomingMessage): boolean {
  const path = req.url ?? '/';
  return (
    (req.method === 'GET' || req.method === 'HEAD') &&
    !/^\/(@|_|node_modules\/)/.test(path) &&
    (req.headers.accept ?? '').includes('text/html')
  );
}

interface PreviewGate {
  /** Forget the last verdict: a file under the content root changed. */
  changed(path: string): void;
  /** Connect middleware: the problems page in place of pages while there is an error. */
  middleware(req: IncomingMessage, res: ServerResponse, next: () => void): void;
}

/**
 * The preview's gate over `root`. `reload` reads the content into Astro again; it runs when a
 * verdict with errors is followed by one without, before the first page is let through, so no
 * page is rendered from the content as it was while broken.
 */
export function previewGate(root: string, reload: () => Promise<void>, log: (report: string) => void): PreviewGate {
  let verdict: Promise<Verdict> | undefined;
  let hadErrors = false;
  let logged = '';
  const current = (): Promise<Verdict> =>
    (verdict ??= checkContent(root).then(async ({ problems }) => {
      const report = formatReport(problems);
      const errors = problems.some((p) => p.severity === 'error');
      if (errors && report !== logged) log(report);
      logged = errors ? report : '';
      if (hadErrors && !errors) await reload();
      hadErrors = errors;
      return { problems, state: createHash('sha256').update(report).digest('hex').slice(0, 16) };
    }));
  return {
    changed(path) {
      if (path === root || path.startsWith(root + sep)) verdict = undefined;
    },
    middleware(req, res, next) {
      const path = (req.url ?? '').split('?')[0];
      if (path !== PREVIEW_STATE_PATH && !wantsPage(req)) {
        next();
        return;
      }
      current().then(
        (v) => {
          const errors = v.problems.some((p) => p.severity === 'error');
          if (path === PREVIEW_STATE_PATH) {
            res.setHeader('content-type', 'text/plain; charset=utf-8');
            res.setHeader('cache-control', 'no-store');
            res.end(v.state);
          } else if (errors) {
            // 503: the preview is unavailable until the content is fixed; the page says why.
            res.statusCode = 503;
            res.setHeader('content-type', 'text/html; charset=utf-8');
            res.setHeader('cache-control', 'no-store');
            res.end(problemsPage(v));
          } else next();
        },
        () => next(), // a check that could not run at all: Astro's own page says why
      );
    },
  };
}
