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

/** Controls that must be at least 44 × 44 CSS px (inline links in running text are exempt, as WCAG 2.5.8 allows). */
const TARGETS =
  'button:not([hidden]), input:not([type=hidden]), select, .nav-list a, .pagination a, .order-toggle a, .facet label, .header-search button';

async function elderlyChecks(p: Page, large: boolean): Promise<string[]> {
  return p.evaluate(
    ({ targets, large }) => {
      const out: string[] = [];
      const bodyPx = parseFloat(getComputedStyle(document.body).fontSize);
      const min = large ? 20 : 16;
      if (bodyPx < min) out.push(`body text ${bodyPx}px < ${min}px`);
      for (const el of document.querySelectorAll<HTMLElement>('main p, main li, main dd')) {
        const px = parseFloat(getComputedStyle(el).fontSize);
        if (el.offsetParent !== null && px < (large ? 18 : 14)) {
          out.push(`text ${px}px: ${el.tagName.toLowerCase()} “${el.textContent.trim().slice(0, 20)}”`);
          break;
        }
      }
      for (const el of document.querySelectorAll<HTMLElement>(targets)) {
        // A checkbox or radio wrapped in its label is toggled by the whole label: that is the target.
        const label =
          el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')
            ? el.closest('label')
            : null;
        const r = (label ?? el).getBoundingClientRect();
        if (r.width === 0 || el.offsetParent === null) continue;
        if (r.width < 44 - 0.5 || r.height < 44 - 0.5) {
          out.push(`touch target ${Math.round(r.width)}×${Math.round(r.height)}: ${el.outerHTML.slice(0, 60)}`);
        }
      }
      if (document.querySelector('dialog[open], [role=dialog], [role=alertdialog]')) out.push('pop-up dialog');
      if (document.querySelector('video[autoplay], audio[autoplay]')) out.push('autoplaying media');
      return out;
    },
    { targets: TARGETS, large },
  );
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

export async function auditPage(browser: Browser, origin: string, path: string, large: boolean): Promise<PageAudit> {
  // bypassCSP only so axe's own script can be injected; the page's policy is checked statically.
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, bypassCSP: true });
  if (large) await context.addInitScript(() => localStorage.setItem('hrb-large-text', '1'));
  const p = await context.newPage();
  const foreign: string[] = [];
  p.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  await p.goto(`${origin}${path}`);
  if (path.startsWith('/search/')) {
    await p.waitForFunction(() => document.querySelector('#search-results')?.getAttribute('aria-busy') === 'false');
  }
  await p.addScriptTag({ content: axeSource });
  const result = await p.evaluate(
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
      return axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        rules: large ? { 'color-contrast-enhanced': { enabled: true } } : {},
      });
    },
    { tags: AXE_TAGS, large },
  );
  const violations = result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  // Focus styles do not change with the mode, so they are checked once.
  const elderly = [...(await elderlyChecks(p, large)), ...(large ? [] : await focusChecks(p))];
  await context.close();
  return { path, mode: large ? 'large' : 'normal', violations, elderly, foreign };
}
