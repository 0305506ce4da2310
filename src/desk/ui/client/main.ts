/**
 * The desk's page script, bundled at each start with React (src/desk/ui/page.ts) and loaded
 * before Decap CMS (`decap-cms-app`'s own build, which takes React from `window`). It registers
 * the story widget, the preview, the slug of new entries and the problems panel, asks the editor's
 * name once, then starts Decap with the configuration the desk serves at /config.yml.
 */
import * as React from 'react';
import * as ReactDOM from 'react-dom';
import type { ComponentType } from 'react';
import type { Problem } from '../../../rules/problems.ts';
import { t } from '../../../strings.ts';
import { isRecord, post } from './api.ts';
import { askIdentityOnce } from './identity.ts';
import { hideProblems, showProblems } from './panel.ts';
import { PHOTO_MAX_BYTES, refusedPhotos } from './photo-choice.ts';
import { EntryPreview, type ImmutableMap } from './preview.ts';
import { StoryControl } from './story-widget.ts';

/** The helper field a new entry's slug travels in (src/desk/config.ts, SLUG_FIELD); the server strips it. */
const SLUG_FIELD = '_slug';

/** Decap's entry as its event listeners get it. */
interface DecapEntry extends ImmutableMap {
  get(key: 'data'): DecapData;
  get(key: string): unknown;
}
interface DecapData extends ImmutableMap {
  set(key: string, value: unknown): DecapData;
}

/** The part of Decap's registry the desk uses. */
interface DecapCms {
  registerWidget(name: string, control: ComponentType<never>): void;
  registerPreviewTemplate(name: string, component: ComponentType<never>): void;
  registerPreviewStyle(href: string): void;
  registerEventListener(listener: {
    name: 'preSave';
    handler: (event: { entry: DecapEntry }) => Promise<DecapData | undefined>;
  }): void;
  init(): void;
}

declare global {
  interface Window {
    React?: unknown;
    ReactDOM?: unknown;
    DecapCmsApp?: { default?: DecapCms } & Partial<DecapCms>;
    CMS_MANUAL_INIT?: boolean;
  }
}

// decap-cms-app's build takes React from the page (React 19 ships no browser build of its own).
window.React = React;
window.ReactDOM = ReactDOM;

/** Decap's proxy requests that write: their refusals are listed in the panel. */
const WRITES = new Set(['persistEntry', 'persistMedia', 'deleteFile', 'deleteFiles']);

/** When the editor last clicked 发布 and no write has gone out since: a save Decap's own form checks stopped. */
let publishPending = false;
/** A new entry saved: Decap now moves from `…/new` to the entry's own address, which is the same entry. */
let savedNew = false;

/**
 * Watches Decap's requests to the desk: a refused write's problems go to the panel (Decap itself
 * shows only the summary, in a toast that closes after 8 s); a passed save clears it or lists its warnings.
 */
function watchSaves(): void {
  const realFetch = window.fetch.bind(window);
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    let action = '';
    if (new URL(url, location.href).pathname.endsWith('/v1') && typeof init?.body === 'string') {
      try {
        const sent: unknown = JSON.parse(init.body);
        if (isRecord(sent) && typeof sent.action === 'string') action = sent.action;
      } catch {
        // not a request of Decap's protocol
      }
    }
    if (WRITES.has(action)) publishPending = false;
    const response = await realFetch(input, init);
    if (!WRITES.has(action)) return response;
    const answer: unknown = await response
      .clone()
      .json()
      .catch(() => undefined);
    const problems = isRecord(answer) && Array.isArray(answer.problems) ? (answer.problems as Problem[]) : [];
    const warnings = isRecord(answer) && Array.isArray(answer.warnings) ? (answer.warnings as Problem[]) : [];
    if (!response.ok) {
      const summary = isRecord(answer) && typeof answer.error === 'string' ? answer.error : undefined;
      showProblems('refused', problems, summary);
    } else if (action === 'persistEntry') {
      savedNew = location.hash.endsWith('/new');
      if (warnings.length) showProblems('warnings', warnings);
      else hideProblems();
    }
    return response;
  };
}

/** The collection and entry of a desk address: `#/collections/yaodu/entries/x` → `yaodu/x`. */
const routeOf = (hash: string) => hash.replace(/^#\/collections\//, '').replace(/\/entries\//, '/');

/**
 * The panel speaks of one entry's save: another entry (or list) opened clears it, and so does each
 * 发布, so an old list never stands for the answer to a new save. When Decap's own form checks stop a
 * save (a required field left empty), no request goes out and Decap's toast closes after 8 s: the
 * panel says what to do instead.
 */
function watchEntryAndPublish(): void {
  let route = routeOf(location.hash);
  window.addEventListener('hashchange', () => {
    const next = routeOf(location.hash);
    const sameNewEntry = savedNew && route.endsWith('/new') && next.startsWith(route.slice(0, -'new'.length));
    savedNew = false;
    if (next !== route && !sameNewEntry) hideProblems();
    route = next;
  });
  document.addEventListener(
    'click',
    (event) => {
      const target =
        event.target instanceof Element ? event.target.closest('button, [role="menuitem"], [role="button"]') : null;
      const words = target?.textContent.trim() ?? '';
      if (!/^(立即)?发布/.test(words)) return;
      hideProblems();
      if (words === '发布') return;
      publishPending = true;
      // Decap checks the form at once; a save it lets through sends its request within moments.
      window.setTimeout(() => {
        if (publishPending && document.querySelector('.Toastify__toast--error')) {
          showProblems('refused', [], t.deskNotices.fillRequired);
        }
        publishPending = false;
      }, 1000);
    },
    true,
  );
}

/**
 * Decap's image library lists only the formats browsers show, so a HEIC photo chosen from an iPhone
 * would vanish without a word, and a photo over the check's limit would be refused only after a long
 * upload: the editor is told at once what to do instead, and a photo too large is not taken at all.
 * (A HEIC under another name reaches the desk, which refuses it at save with the check's own words.)
 */
function watchPhotoChoices(): void {
  document.addEventListener(
    'change',
    (event) => {
      const input = event.target;
      if (!(input instanceof HTMLInputElement) || input.type !== 'file') return;
      const { heic, tooLarge } = refusedPhotos([...(input.files ?? [])]);
      if (tooLarge.length) {
        // Decap (React) listens further down: stopped here, it never reads the file.
        event.stopPropagation();
        input.value = '';
        showProblems('refused', [], t.deskNotices.photoTooLarge(tooLarge.join('、'), PHOTO_MAX_BYTES / 2 ** 20));
      } else if (heic.length) showProblems('refused', [], t.desk.panel.heicChosen(heic.join('、')));
      else hideProblems();
    },
    true,
  );
}

/** A new entry's slug from the desk (the project's pinyin rules, unique in the root), put in the slug field. */
async function slugOfNewEntry({ entry }: { entry: DecapEntry }): Promise<DecapData | undefined> {
  if (entry.get('newRecord') !== true) return undefined;
  const data = entry.get('data');
  const values = data.toJS() as Record<string, unknown>;
  const { status, json } = await post('slug', { name: values.name, kind: values.kind, region: values.region });
  if (status !== 200 || !isRecord(json) || typeof json.slug !== 'string') {
    const message = isRecord(json) && typeof json.error === 'string' ? json.error : t.desk.panel.slugFailed;
    const problems = isRecord(json) && Array.isArray(json.problems) ? (json.problems as Problem[]) : [];
    showProblems('refused', problems, message);
    throw new Error(message);
  }
  return data.set(SLUG_FIELD, json.slug);
}

async function start(): Promise<void> {
  const app = window.DecapCmsApp;
  const cms = app?.default ?? (app as DecapCms | undefined);
  if (!cms) throw new Error('decap-cms-app did not load');
  watchSaves();
  watchPhotoChoices();
  watchEntryAndPublish();
  cms.registerWidget('story', StoryControl as ComponentType<never>);
  // A preview template is registered by collection: the page names them (one per county).
  const collections = document.querySelector<HTMLMetaElement>('meta[name="desk-collections"]')?.content ?? '';
  for (const name of collections.split(' ').filter(Boolean))
    cms.registerPreviewTemplate(name, EntryPreview as ComponentType<never>);
  cms.registerPreviewStyle('/desk/site.css');
  cms.registerPreviewStyle('/desk/preview.css');
  cms.registerEventListener({ name: 'preSave', handler: slugOfNewEntry });
  // The proxy backend has no accounts: the desk's token is its login, so Decap's login button is skipped.
  localStorage.setItem('decap-cms-user', JSON.stringify({ backendName: 'proxy' }));
  await askIdentityOnce();
  cms.init();
}

window.CMS_MANUAL_INIT = true;
document.addEventListener('DOMContentLoaded', () => void start());
