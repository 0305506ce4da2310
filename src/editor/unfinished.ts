/**
 * Text that must not be published and that the check refuses in an entry
 * file: placeholders left from a template or a form (待补充, XXX, 某某,
 * （此处填写事迹）, TODO, the prompts `content:new` writes), WeChat
 * boilerplate (the patterns the import's cleaner removes, import-clean.ts),
 * invisible characters, and a story copied from another entry. The check
 * never rewrites a file: each problem names the line and the fix.
 */
import { createHash } from 'node:crypto';
import type { Problem } from '../rules/problems.ts';
import { NEW_ENTRY_PROMPTS, NEW_ENTRY_SUMMARY } from './entry-template.ts';
import { boilerplateIn, INVISIBLE } from './import-clean.ts';

/** A problem found in a text, before it is placed on a line: `needle` is the text to find that line by. */
export interface TextProblem {
  message: string;
  needle: string;
  code: 'unfinished.placeholder' | 'unfinished.boilerplate';
}

/** Words offices and templates put where the real text is still to come. */
const PLACEHOLDERS: readonly RegExp[] = [
  /待(?:补充|填写|完善|补全)/,
  // XXX村, xxx, ×× and ＸＸ: a name or a number nobody filled in; not an X inside a word (SUV, XL).
  /(?<![A-Za-z])[XxＸｘ×]{2,}(?![A-Za-z])/,
  /某某/,
  /(?<![A-Za-z])(?:TODO|FIXME|TBD)(?![A-Za-z])/i,
  /(?:此处|在此)(?:填写|输入|补充|添加)/,
  /请(?:在此|在这里)?(?:填写|输入|补充)/,
];

/** The prompt around a placeholder when it stands in brackets: （此处填写事迹）, not just 此处填写. */
function bracketed(line: string, index: number, length: number): string {
  const open = Math.max(line.lastIndexOf('（', index), line.lastIndexOf('(', index));
  const closeAt = [line.indexOf('）', index + length), line.indexOf(')', index + length)].filter((i) => i >= 0);
  const close = closeAt.length ? Math.min(...closeAt) : -1;
  if (open < 0 || close < 0 || close - open > 40) return line.slice(index, index + length);
  const inside = line.slice(open + 1, close);
  return /[（()）]/.test(inside) ? line.slice(index, index + length) : line.slice(open, close + 1);
}

/** The inner text of `content:new`'s prompts, as a line that still holds one contains it. */
const TEMPLATE = [NEW_ENTRY_SUMMARY, ...NEW_ENTRY_PROMPTS].map((prompt) => ({
  prompt,
  core: prompt.replace(/^（|）$/g, '').slice(0, 12),
}));

const KEEP_DRAFT = '手写的条目还没写完时，请保留 draft: true（草稿不会发布）';

/**
 * Placeholders and the template's prompts in a text (a field's value or a story's block), one
 * problem a line; `story` says whether the text is the story (a prompt there is a paragraph to delete).
 */
export function placeholderProblems(text: string, story: boolean): TextProblem[] {
  const out: TextProblem[] = [];
  for (const line of text.split('\n')) {
    const template = TEMPLATE.find(({ core }) => line.includes(core));
    if (template) {
      out.push({
        code: 'unfinished.placeholder',
        needle: template.core,
        message: `还是新建条目时的提示文字“${template.prompt}”：请${story ? '删除这一段，写上事迹正文' : '改成真实的内容'}；${KEEP_DRAFT}`,
      });
      continue;
    }
    for (const pattern of PLACEHOLDERS) {
      const m = pattern.exec(line);
      if (!m) continue;
      const label = bracketed(line, m.index, m[0].length);
      out.push({
        code: 'unfinished.placeholder',
        needle: m[0],
        message: `还有没写完的占位文字“${label}”：请换成真实的内容（真实的姓名、地名、数字或事迹）；${KEEP_DRAFT}`,
      });
      break;
    }
  }
  return out;
}

/** WeChat boilerplate in a text, one problem a line, with the label the import's report uses. */
export function boilerplateProblems(text: string): TextProblem[] {
  const out: TextProblem[] = [];
  for (const line of text.split('\n')) {
    const labels = boilerplateIn(line);
    if (!labels.length) continue;
    const shown = Array.from(line.trim());
    const quoted = `“${shown.slice(0, 30).join('')}${shown.length > 30 ? '…' : ''}”`;
    out.push({
      code: 'unfinished.boilerplate',
      needle: line.trim(),
      message: labels.includes('编辑、审核署名行')
        ? `是文章的编辑、审核署名行（${quoted}），不是事迹：请删除这一行`
        : `含有微信公众号文章的套话${labels.join('、')}，不是事迹：请删除这段文字（从表格导入时会自动去掉；手写的文件请手动删除）`,
    });
  }
  return out;
}

/** How the check names each invisible character: code points from, to, and the name. */
const INVISIBLE_NAMES: ReadonlyArray<[number, number, string]> = [
  [0x00ad, 0x00ad, '软连字符'],
  [0x180e, 0x180e, '蒙古文元音分隔符'],
  [0x200b, 0x200b, '零宽空格'],
  [0x200c, 0x200c, '零宽不连字'],
  [0x200d, 0x200d, '零宽连字'],
  [0x200e, 0x200f, '文字方向标记'],
  [0x202a, 0x202e, '文字方向控制符'],
  [0x2060, 0x2060, '零宽不换行符'],
  [0x2061, 0x2064, '不可见运算符'],
  [0x2066, 0x2069, '文字方向隔离符'],
  [0xfeff, 0xfeff, '字节顺序标记 BOM'],
  [0xfffc, 0xfffc, '对象替换符'],
];

function invisibleName(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  const name = INVISIBLE_NAMES.find(([from, to]) => code >= from && code <= to)?.[2] ?? '看不见的字符';
  return `${name} U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Invisible characters in one line of a file, as one problem; `prefix` is the part of the line
 * that is not text (a YAML key), left out of the words the fix points at.
 */
export function invisibleProblem(line: string, prefix = 0): string | undefined {
  const found = [...line.matchAll(new RegExp(INVISIBLE.source, 'g'))];
  const first = found[0];
  if (!first) return undefined;
  const names = [...new Set(found.map((m) => m[0]))].map(invisibleName).join('、');
  const before = Array.from(line.slice(prefix, first.index).replace(INVISIBLE, '').trim()).slice(-6).join('');
  const where = before ? `${found.length > 1 ? '第一个' : ''}在“${before}”之后` : '在这一行开头';
  const place = before ? `“${before}”后面` : '这一行开头';
  return (
    `有 ${found.length} 个看不见的字符（${names}），${where}：多是从微信或 Word 复制带来的，网页上看不见，却会打断搜索和朗读。` +
    `请删除：把光标放在${place}，按一下 Delete 键（光标好像没动，其实删掉了它）${found.length > 1 ? '，每个字符按一次' : ''}；也可以把这一行删掉重新输入`
  );
}

/** What the copied-story rule reads of an entry. */
export interface StoryOf {
  file: string;
  name: string;
  /** The story's first line in the file. */
  line: number;
  /** The story's copy key (copyKey): equal for equal stories, empty for a story the rule leaves out. */
  key: string;
}

/**
 * What the copied-story rule compares of a story (as a reader sees it, storyText's blocks
 * joined): a digest of its text with whitespace removed, so the content check's memo keeps
 * 43 bytes instead of the story. Empty for an empty story and for a story that only repeats
 * the entry's `summary` (the import's stand-in for a missing 事迹全文).
 */
export function copyKey(text: string, summary: string): string {
  const bare = text.replace(/\s+/g, '');
  if (!bare || bare === summary.replace(/\s+/g, '')) return '';
  return createHash('sha256').update(bare).digest('base64url');
}

/**
 * A story identical to an earlier entry's (whitespace aside): a file copied with only the
 * name changed. One error on the later file, naming both. A story that is the entry's own
 * summary is left out: the import writes the summary as the story of a row without 事迹全文,
 * and two rows of a sheet may share a summary.
 */
export function copiedStories(stories: readonly StoryOf[]): Problem[] {
  const first = new Map<string, StoryOf>();
  const problems: Problem[] = [];
  for (const s of stories) {
    const key = s.key;
    if (!key) continue;
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, s);
      continue;
    }
    problems.push({
      file: s.file,
      line: s.line,
      field: '正文',
      severity: 'error',
      code: 'unfinished.copied-story',
      message: `正文与 ${earlier.file} 的正文一字不差（那是${earlier.name}的条目），多半是复制了那个文件、只改了姓名：请写上${s.name}本人的事迹；如果两个文件是同一个人，请把荣誉合并到一个文件里，删除另一个`,
    });
  }
  return problems;
}
