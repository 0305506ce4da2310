/**
 * Checks in real Chromium on served pages: axe-core (WCAG 2.2 AA, and the
 * AAA contrast rule in large-text mode), China's elderly-friendly practice
 * (text size, touch targets, visible focus, no pop-ups or autoplay), and no
 * request leaving the site's origin.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

export interface PageAudit {
  path: string;
  mode: 'normal' | 'large';
  /** axe violations as `rule: target`. */
  violations: string[];
  /** Elderly-friendly practice breaches. */
  elderly: string[];
  /** Requests to another origin. */
  foreign: string[];
}

/**
 * Controls that must be at least 44 × 44 CSS px, 60 × 60 in 长辈模式 (MIIT's elderly version):
 * header, menu, buttons, form fields, lists of links and whole cards. Links inside running text
 * (a paragraph's words) are exempt, as WCAG 2.5.8 and the MIIT text allow.
 */
export const TARGETS = [
  'button:not([hidden])',
  'input:not([type=hidden])',
  'select',
  'summary',
  '.site-title',
  '.header-button',
  '.nav-list a',
  '.pagination a',
  '.order-toggle a',
  '.facet label',
  '.card-name a',
  'main li > a',
  'main th > a',
  '.region-tiles a',
  '.button-link',
  '.certificate-meta a',
].join(', ');

/**
 * The elderly-friendly checks of one page, run inside it (Chromium or WebKit): text sizes,
 * line and paragraph spacing (MIIT: line spacing ≥ 1.3, paragraph spacing ≥ 1.3 lines), touch
 * targets, and no pop-ups or autoplaying media.
 */
export function elderlyProbe({ targets, large }: { targets: string; large: boolean }): string[] {
  const out: string[] = [];
  const bodyPx = parseFloat(getComputedStyle(document.body).fontSize);
  const min = large ? 24 : 16;
  if (bodyPx < min - 0.05) out.push(`body text ${bodyPx}px < ${min}px`);
  const shown = (el: Element) => el instanceof HTMLElement && el.offsetParent !== null;
  for (const el of document.querySelectorAll('main p, main li, main dd')) {
    const px = parseFloat(getComputedStyle(el).fontSize);
    if (shown(el) && px < (large ? 18 : 14)) {
      out.push(`text ${px}px: ${el.tagName.toLowerCase()} “${el.textContent.trim().slice(0, 20)}”`);
      break;
    }
  }
  // 长辈模式: no text under 24 px, secondary text included (badges, counties, counts, notes: the
  // honour level is the point of a list, not its smallest text), and the page's frame as well as its
  // content: the header's buttons, the sample notice and the footer are read by the same eyes.
  if (large) {
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const small: string[] = [];
    for (let node = walk.nextNode(); node && small.length < 3; node = walk.nextNode()) {
      const el = node.parentElement;
      if (!el || !node.textContent?.trim() || el.closest('.visually-hidden') || el.getClientRects().length === 0)
        continue;
      const px = parseFloat(getComputedStyle(el).fontSize);
      if (px < 24 - 0.05) small.push(`${px.toFixed(1)}px “${node.textContent.trim().slice(0, 12)}”`);
    }
    if (small.length) out.push(`text under 24px in 长辈模式: ${small.join(', ')}`);
  }
  // The main text: the story, the deed, card summaries.
  for (const el of document.querySelectorAll('.story p, .lead, .card-summary')) {
    const s = getComputedStyle(el);
    const px = parseFloat(s.fontSize);
    const line = parseFloat(s.lineHeight);
    if (!shown(el)) continue;
    if (large && px < 24 - 0.05) out.push(`main text ${px}px < 24px: “${el.textContent.trim().slice(0, 20)}”`);
    if (line / px < 1.3)
      out.push(`line spacing ${(line / px).toFixed(2)} < 1.3: “${el.textContent.trim().slice(0, 20)}”`);
    const next = el.nextElementSibling;
    if (el.matches('.story p') && next?.matches('p')) {
      const gap = next.getBoundingClientRect().top - el.getBoundingClientRect().bottom;
      if (gap + line < 1.3 * line - 0.5) out.push(`paragraph spacing ${((gap + line) / line).toFixed(2)} lines < 1.3`);
    }
  }
  const size = large ? 60 : 44;
  for (const el of document.querySelectorAll<HTMLElement>(targets)) {
    if (
      el.closest('p') &&
      !el.closest('.entry-actions, .poster-switch, .certificate-meta') &&
      el.tagName === 'A' &&
      !el.matches('.button-link')
    )
      continue;
    // A checkbox or radio wrapped in its label is toggled by the whole label; a card by the whole card.
    const label =
      el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio') ? el.closest('label') : null;
    const card = el.matches('.card-name a') ? el.closest('.card') : null;
    const r = (label ?? card ?? el).getBoundingClientRect();
    if (r.width === 0 || el.offsetParent === null) continue;
    if (r.width < size - 0.5 || r.height < size - 0.5) {
      out.push(`touch target ${Math.round(r.width)}×${Math.round(r.height)} < ${size}: ${el.outerHTML.slice(0, 60)}`);
    }
  }
  if (document.querySelector('dialog[open], [role=dialog], [role=alertdialog]')) out.push('pop-up dialog');
  if (document.querySelector('video[autoplay], audio[autoplay]')) out.push('autoplaying media');
  return out;
}

async function elderlyChecks(p: Page, large: boolean): Promise<string[]> {
  return p.evaluate(elderlyProbe, { targets: TARGETS, large });
}

/** Every focusable control shows a focus indicator (outline or box-shadow) when focused from the keyboard. */
async function focusChecks(p: Page): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < 12; i++) {
    await p.keyboard.press('Tab');
    const r = await p.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const s = getComputedStyle(el);
      const visible = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
      return visible ? null : el.outerHTML.slice(0, 60);
    });
    if (r) out.push(`no visible focus: ${r}`);
  }
  return out;
}

/** Audits pages of one site in one mode: `audit(path)` for each, then `close()`. */
export interface AuditSession {
  audit: (path: string) => Promise<PageAudit>;
  close: () => Promise<void>;
}

/**
 * One tab per mode, going from page to page, with axe injected into every page it loads: a new
 * context, a new tab and an injection of axe's 550 KB cost about 1.2 s of the 1.8 s a page took
 * (measured on the sample's 20 page families); each page is still loaded afresh.
 */
export async function auditSession(browser: Browser, origin: string, large: boolean): Promise<AuditSession> {
  // bypassCSP only so axe's own script can be injected; the page's policy is checked statically.
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true });
  if (large) await context.addInitScript(() => localStorage.setItem('hrb-large-text', '1'));
  await context.addInitScript({ content: axeSource });
  const p = await context.newPage();
  let foreign: string[] = [];
  p.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  const audit = async (path: string): Promise<PageAudit> => {
    foreign = [];
    await p.goto(`${origin}${path}`);
    if (path.startsWith('/search/')) {
      await p.waitForFunction(() => document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false');
    }
    const violations = await p.evaluate(
      async ({ tags, large }) => {
        const axe = (
          window as unknown as {
            axe: {
              run: (
                c: unknown,
                o: unknown,
              ) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }>;
            };
          }
        ).axe;
        const result = await axe.run(document, {
          runOnly: { type: 'tag', values: tags },
          rules: large ? { 'color-contrast-enhanced': { enabled: true } } : {},
          // Only violations are read: axe then leaves the passing nodes out of its result.
          resultTypes: ['violations'],
        });
        return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
      },
      { tags: AXE_TAGS, large },
    );
    // Focus styles do not change with the mode, so they are checked once.
    const elderly = [...(await elderlyChecks(p, large)), ...(large ? [] : await focusChecks(p))];
    return { path, mode: large ? 'large' : 'normal', violations, elderly, foreign };
  };
  return { audit, close: () => context.close() };
}
