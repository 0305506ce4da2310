/**
 * The preview pane (`CMS.registerPreviewTemplate`): the entry as the site shows it. The desk's
 * `/preview` renders the story with the engine's own story rendering and says what the check
 * would refuse; the pane shows it in the site's own style sheet, normal or in 长辈模式 (the
 * site's `html.large-text`), switched by a button.
 */
import { createElement as h, useEffect, useState, type ReactElement } from 'react';
import type { Problem } from '../../../rules/problems.ts';
import { t } from '../../../strings.ts';
import { isRecord, post } from './api.ts';
import { problemLine } from './panel.ts';
import { entryText } from './raw.ts';

/** Decap's Immutable map, the part the pane reads. */
export interface ImmutableMap {
  get(key: string): unknown;
  toJS(): unknown;
}

/** What Decap gives a preview template (the part the desk uses). */
export interface PreviewProps {
  entry: ImmutableMap;
  getAsset: (path: string) => { toString(): string } | undefined;
  document: Document;
}

/** Time to wait after the last keystroke before asking for a new preview. */
const SETTLE_MS = 400;

interface Rendered {
  html: string;
  problems: Problem[];
}

export function EntryPreview(props: PreviewProps): ReactElement {
  const data = props.entry.get('data') as ImmutableMap | undefined;
  const values = (data?.toJS() ?? {}) as Record<string, unknown>;
  const raw = entryText(values);
  const [rendered, setRendered] = useState<Rendered | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const [large, setLarge] = useState(false);
  const p = t.desk.preview;

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      post('preview', { raw })
        .then(({ status, json }) => {
          if (!current) return;
          if (status === 200 && isRecord(json) && typeof json.html === 'string') {
            setRendered({
              html: json.html,
              problems: Array.isArray(json.problems) ? (json.problems as Problem[]) : [],
            });
            setFailed(false);
          } else setFailed(true);
        })
        .catch(() => {
          if (current) setFailed(true);
        });
    }, SETTLE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [raw]);

  useEffect(() => {
    props.document.documentElement.classList.toggle('large-text', large);
    props.document.documentElement.lang = 'zh-CN';
  }, [large, props.document]);

  const name = typeof values.name === 'string' ? values.name : '';
  const summary = typeof values.summary === 'string' ? values.summary : '';
  const photo = isRecord(values.photo) && typeof values.photo.src === 'string' ? values.photo : undefined;
  const photoUrl = photo ? props.getAsset(photo.src as string)?.toString() : undefined;
  const errors = rendered?.problems.filter((x) => x.severity === 'error') ?? [];

  return h(
    'div',
    { className: 'desk-preview' },
    h(
      'p',
      { className: 'desk-preview-tools' },
      h(
        'button',
        { type: 'button', 'aria-pressed': large, onClick: () => setLarge(!large), className: 'large-text-toggle' },
        p.largeText,
      ),
    ),
    h(
      'main',
      { id: 'main' },
      h(
        'article',
        { className: 'entry' },
        h('h1', null, name),
        summary && h('p', { className: 'entry-summary' }, summary),
        photoUrl &&
          h(
            'figure',
            { className: 'entry-photo' },
            h('img', { src: photoUrl, alt: typeof photo?.alt === 'string' ? photo.alt : p.photo }),
          ),
        h(
          'section',
          { className: 'story', 'aria-label': t.entry.story },
          h('h2', null, t.entry.story),
          rendered
            ? h('div', { className: 'story-body', dangerouslySetInnerHTML: { __html: rendered.html } })
            : h('p', null, failed ? p.failed : p.loading),
        ),
      ),
      errors.length > 0 &&
        h(
          'aside',
          { className: 'desk-preview-problems' },
          h('h2', null, p.problems),
          h('ul', null, ...errors.map((x, i) => h('li', { key: i }, problemLine(x)))),
        ),
    ),
  );
}
