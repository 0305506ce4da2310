/**
 * What a sheet's cells bring along that nobody means to publish: invisible
 * characters from copies out of WeChat or Word, the spaces offices put inside a
 * two-character name to line up a column (王 芳 with a full-width space), and WeChat boilerplate
 * (关注我们, 二维码, 阅读原文, the 编辑/审核 signature). Only the import
 * cleans, and it says per row what it removed: the check refuses the same
 * things in hand-edited files instead of changing them.
 */
import type { Column } from './import.ts';

/**
 * Zero-width and direction marks, BOM, soft hyphen, Mongolian vowel separator, and the object
 * replacement character a copied picture leaves: invisible (or a box), never meant.
 */
export const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\uFFFC]/g;

/**
 * Phrases a WeChat article carries around its text, each named in the report.
 * Removed wherever they stand only when no sentence of a story says them
 * (点击上方蓝字关注, 长按识别二维码); the words a story may use (扫描二维码, 阅读原文件,
 * 在看) go only when they are the whole line.
 */
const PHRASES: ReadonlyArray<[RegExp, string]> = [
  [
    /点击(?:上方)?(?:蓝字|“[^”\n]{1,20}”|"[^"\n]{1,20}")?\s*(?:关注|订阅)(?:我们)?[！!。，,]*/g,
    '“点击上方蓝字关注我们”',
  ],
  [/长按(?:识别|扫描)?(?:图中|下方)?二维码(?:关注(?:我们)?)?[！!。，,]*/g, '“长按识别二维码”'],
  [/点击[“"]?阅读原文[”"]?(?:查看更多|了解更多)?[！!。，,]*/g, '“阅读原文”'],
];
const LINES: ReadonlyArray<[RegExp, string]> = [
  [/^(?:扫描|扫码|识别).{0,10}二维码.{0,10}$/, '“长按识别二维码”'],
  [/^[“"]?阅读原文[”"]?.{0,6}$/, '“阅读原文”'],
  [/^(?:点个|点击)?[“"]?(?:在看|赞|分享、?点赞、?在看)[”"]?吧?[！!。～~]*$/, '“点个在看”'],
];

/** A signature line of an article: 编辑：… 审核：…, 来源：…; short, and starting with the word. */
const SIGNATURE = /^(?:责任编辑|编辑|审核|初审|复审|终审|校对|监制|排版|美编|来源)\s*[:：]/;

/**
 * The boilerplate in one line of text, each piece as the import's report names it: what
 * `cleanCell` would remove from that line of a summary or story (the check refuses it instead).
 */
export function boilerplateIn(line: string): string[] {
  const text = line.trim();
  if (SIGNATURE.test(text) && text.length <= 60) return ['编辑、审核署名行'];
  const whole = LINES.find(([pattern]) => pattern.test(text));
  if (whole) return [whole[1]];
  // search() ignores the patterns' global flag and their lastIndex.
  return [...new Set(PHRASES.filter(([pattern]) => text.search(pattern) >= 0).map(([, label]) => label))];
}

export interface Cleaned {
  text: string;
  /** What was removed, each item as the report names it. */
  removed: string[];
}

/** A cell's text as it will be written, and what of it was removed. */
export function cleanCell(column: Column, raw: string): Cleaned {
  const removed: string[] = [];
  const invisible = raw.match(INVISIBLE)?.length ?? 0;
  let text = raw.replace(INVISIBLE, '');
  if (invisible) removed.push(`${invisible} 个不可见字符`);
  if (column === 'name' && /^[\p{Script=Han}·\s\u3000]+$/u.test(text.trim()) && /\S[\s\u3000]+\S/.test(text.trim())) {
    text = text.replace(/[\s\u3000]+/g, '');
    removed.push('字间空格');
  }
  if (column === 'summary' || column === 'story') {
    const lines: string[] = [];
    for (const line of text.split(/\r\n|\r|\n/)) {
      if (SIGNATURE.test(line.trim()) && line.trim().length <= 60) {
        if (!removed.includes('编辑、审核署名行')) removed.push('编辑、审核署名行');
        continue;
      }
      const whole = LINES.find(([pattern]) => pattern.test(line.trim()));
      if (whole) {
        if (!removed.includes(whole[1])) removed.push(whole[1]);
        continue;
      }
      let kept = line;
      for (const [pattern, label] of PHRASES) {
        const next = kept.replace(pattern, '');
        if (next !== kept && !removed.includes(label)) removed.push(label);
        kept = next;
      }
      // A line that held only boilerplate goes; a line that was empty stays, as the story's paragraphs.
      if (kept.trim() || !line.trim()) lines.push(kept);
    }
    text = lines.join('\n').trim();
  }
  return { text, removed };
}
