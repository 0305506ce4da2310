/**
 * The desk's page for the desk's server (src/desk/server.ts): the admin HTML, Decap's
 * configuration, and the files the page loads. Decap CMS comes from the project's own
 * `decap-cms-app` (its browser build, served from node_modules as it is); the page script
 * (./client/) is bundled with React by esbuild when the desk starts, into the project's cache
 * folder. Nothing here is part of the published site: no page of `dist/` names these files.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { readCollections } from '../../editor/check.ts';
import { t } from '../../strings.ts';
import { collectionNames, deskConfigYaml } from '../config.ts';
import { isFlatRoot } from '../persist.ts';

/** What the desk's server serves for the page. */
export interface DeskPage {
  /** The admin page. */
  html(o: { token: string; origin: string }): string;
  /** Decap's configuration, YAML, generated anew for each request. */
  config(o: { token: string; origin: string; root: string }): string;
  /** URL path (e.g. `/desk/decap-cms-app.js`) → absolute file path. */
  assets(): Map<string, string>;
}

/** The repository this engine runs from (this file is its src/desk/ui/page.ts). */
const ENGINE = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Where the page script is bundled (the project's cache folder, beside ESLint's). */
const BUNDLE_DIR = join(ENGINE, 'node_modules', '.cache', 'honour-desk');

/** Decap CMS's browser build: the main file and the chunks it loads on demand. */
export function decapDist(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('decap-cms-app/package.json')), 'dist');
}

/** The main file of Decap's build: it loads its chunks from its own folder on the page. */
export const DECAP_MAIN = 'decap-cms-app.js';

/**
 * Bundles the page script with React (about 0.2 s), written atomically so two desks starting at
 * once never serve half a file. Returns the bundle's path.
 */
export function bundleClient(): string {
  mkdirSync(BUNDLE_DIR, { recursive: true });
  const out = join(BUNDLE_DIR, 'desk.js');
  const temp = `${out}.${process.pid}.${Date.now()}.tmp`;
  buildSync({
    entryPoints: [fileURLToPath(new URL('./client/main.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    charset: 'utf8',
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'none',
    logLevel: 'silent',
    outfile: temp,
  });
  renameSync(temp, out);
  return out;
}

/** The branch checked out in the repository holding `root` (Decap sends it with every request). */
function branchOf(root: string): string {
  try {
    return execFileSync('git', ['symbolic-ref', '--short', 'HEAD'], {
      cwd: root,
      encoding: 'utf8',
      stdio: 'pipe',
    }).trim();
  } catch {
    return 'main';
  }
}

/**
 * The page's own security policy: scripts and every request only from the desk itself (Decap's
 * build needs `eval` for its form validation and inline styles for its components).
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob: data:",
  "connect-src 'self' blob:",
  "font-src 'self' data:",
  "frame-src 'self' blob: about:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const escapeAttr = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** The desk's page over the content root `root`. Bundles the page script once, now. */
export function deskPage(root: string): DeskPage {
  const bundle = bundleClient();
  const dist = decapDist();
  const branch = branchOf(root);
  const assets = new Map<string, string>([
    ['/desk/desk.js', bundle],
    ['/desk/desk.css', fileURLToPath(new URL('./desk.css', import.meta.url))],
    ['/desk/preview.css', fileURLToPath(new URL('./preview.css', import.meta.url))],
    ['/desk/site.css', join(ENGINE, 'src', 'styles', 'global.css')],
    // The site's style sheet names its large-text cursors from the site's root.
    ['/cursor-large.svg', join(ENGINE, 'public', 'cursor-large.svg')],
    ['/cursor-large-hand.svg', join(ENGINE, 'public', 'cursor-large-hand.svg')],
  ]);
  for (const name of readdirSync(dist)) {
    if (!/\.(?:js|wasm)$/.test(name) || !statSync(join(dist, name)).isFile()) continue;
    assets.set(`/desk/${name}`, join(dist, name));
  }
  return {
    html({ token }) {
      const lists = readCollections(root).collections;
      const names = collectionNames(lists, isFlatRoot(root)).join(' ');
      return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${escapeAttr(CSP)}">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
<meta name="desk-api" content="/api/${escapeAttr(token)}">
<meta name="desk-collections" content="${escapeAttr(names)}">
<link rel="cms-config-url" type="text/yaml" href="/config.yml">
<title>${escapeAttr(t.desk.title)}</title>
<link rel="stylesheet" href="/desk/desk.css">
<script src="/desk/desk.js"></script>
<script src="/desk/${DECAP_MAIN}"></script>
</head>
<body>
<noscript>${escapeAttr(t.desk.noScript)}</noscript>
</body>
</html>
`;
    },
    config({ token, origin, root: configRoot }) {
      return deskConfigYaml({
        proxyUrl: `${origin}/api/${token}/v1`,
        branch,
        lists: readCollections(configRoot).collections,
        flat: isFlatRoot(configRoot),
      });
    },
    assets: () => assets,
  };
}
