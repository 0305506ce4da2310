/**
 * The desk's preview of a story: the engine's own story rendering (src/parse/story.ts's
 * `renderStory`, which the entry loader runs at content sync and whose HTML the entry page shows),
 * so what the editor sees is what the site will publish, `<Quote>` included; and the entry's own
 * check (content:check's `checkEntrySource`), so a phone number is said while it is typed.
 */
import { checkEntrySource } from '../editor/check.ts';
import { splitFrontmatter, storyFirstLine } from '../parse/frontmatter.ts';
import { renderStory } from '../parse/story.ts';
import type { PublicContacts } from '../rules/privacy.ts';
import type { Problem } from '../rules/problems.ts';
import { problemCode } from '../rules/problem-codes.ts';

/** The story's HTML as the entry page shows it ('' when the story is refused) and the entry's own problems. */
export function previewEntry(
  raw: string,
  file: string,
  allowed: PublicContacts,
): { html: string; problems: Problem[] } {
  const split = splitFrontmatter(raw);
  const body = split ? split.body : raw;
  const story = renderStory(body, split ? storyFirstLine(split.frontmatter) : 1);
  if (split) return { html: story.ok ? story.html : '', problems: checkEntrySource(raw, file, allowed).problems };
  // A story alone: only the story's own judgement.
  const problems: Problem[] = story.ok
    ? []
    : story.problems.map((p) => ({
        file,
        line: p.line,
        field: '正文',
        message: p.message,
        severity: 'error',
        code: problemCode(p.code, 'story.unsupported'),
      }));
  return { html: story.ok ? story.html : '', problems };
}
