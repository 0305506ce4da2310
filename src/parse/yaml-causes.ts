/**
 * The likely cause of a YAML mistake, in plain Chinese, read from the lines
 * an editor typed: a full-width colon, a Tab used for indentation, a missing
 * space after the colon, an unclosed quote, a line indented out of step.
 * The `yaml` library stops understanding a text at its first such mistake
 * and words it in English ("Implicit keys need to be on a single line"), so
 * every line is read here and each mistake is named where it is.
 */

/** A mistake found on one line (1-based). */
export interface YamlCause {
  line: number;
  /** The problem code (src/rules/problem-codes.ts). */
  code: string;
  message: string;
  /** Always a mistake (a key with a full-width colon), or only where the parser also failed. */
  certain: boolean;
}

/** A key as editors write them at the start of a line, after an optional list dash. */
const KEY = /^(\s*(?:-\s+)?)([A-Za-z_][A-Za-z0-9_]*)/;

/** A line shown in a message, cut when long. */
const shown = (text: string) => {
  const t = text.trim();
  return t.length > 40 ? `${t.slice(0, 40)}…` : t;
};

const indentOf = (line: string) => line.length - line.trimStart().length;

/** Whether a line is only a comment or blank. */
const isBlank = (line: string) => /^\s*(#.*)?$/.test(line);

/** The value part of a `key: value` or `- value` line, or undefined. */
function valueOf(line: string): string | undefined {
  const keyed = /^\s*(?:-\s+)?[A-Za-z_][A-Za-z0-9_]*\s*:\s+(.*)$/.exec(line);
  if (keyed) return keyed[1];
  const item = /^\s*-\s+(.*)$/.exec(line);
  return item?.[1];
}

/** Whether a value opens a quote it does not close on the same line. */
function unclosedQuote(value: string): '"' | "'" | undefined {
  const v = value.replace(/\s+#.*$/, '').trimEnd();
  const q = v[0];
  if (q === '"') {
    // A closing quote is one not escaped by a backslash.
    const rest = v.slice(1).replace(/\\./g, '');
    return rest.includes('"') ? undefined : '"';
  }
  if (q === "'") {
    const rest = v.slice(1).replace(/''/g, '');
    return rest.includes("'") ? undefined : "'";
  }
  return undefined;
}

/**
 * The mistakes an editor's YAML text holds, line by line. Lines of a block
 * scalar (`summary: |` and the lines below it) are text and not read.
 */
export function yamlCauses(text: string): YamlCause[] {
  const lines = text.split(/\r?\n/);
  const causes: YamlCause[] = [];
  /** Indentation levels open above the current line, for the indentation check. */
  const levels: number[] = [0];
  /** Deeper lines than this belong to a block scalar (`|`, `>`) above. */
  let blockScalar: number | undefined;
  /** Whether the previous line opens a deeper block (`key:` alone, or a list item). */
  let opens = false;
  let previousIndent = 0;
  lines.forEach((line, i) => {
    const no = i + 1;
    if (isBlank(line)) return;
    // A Tab is read as the one level of indentation the editor meant by it.
    const plain = line.replace(/\t/g, '  ');
    const indent = indentOf(plain);
    if (blockScalar !== undefined) {
      if (indent > blockScalar) return;
      blockScalar = undefined;
    }
    const key = KEY.exec(line);
    if (/^ *\t/.test(line)) {
      causes.push({
        code: 'yaml.tab',
        line: no,
        certain: true,
        message: '这一行开头用了 Tab 键缩进，YAML 只能用空格缩进：请把 Tab 删掉，改用空格，与同一层的行左端对齐',
      });
    } else if (key && /^\s*：/.test(line.slice(key[0].length))) {
      const fixed = `${key[1] ?? ''}${key[2] ?? ''}: ${line.slice(key[0].length).replace(/^\s*：\s*/, '')}`;
      causes.push({
        code: 'yaml.fullwidth-colon',
        line: no,
        certain: true,
        message: `“${shown(line)}” 用了中文（全角）冒号“：”：字段名后面必须是英文冒号加一个空格，请改成 “${shown(fixed)}”`,
      });
    } else if (key && /^:[^\s/]/.test(line.slice(key[0].length))) {
      const rest = line.slice(key[0].length + 1);
      causes.push({
        code: 'yaml.colon-space',
        line: no,
        certain: true,
        message: `“${shown(line)}” 的冒号后面少了一个空格：请改成 “${shown(`${key[1] ?? ''}${key[2] ?? ''}: ${rest}`)}”`,
      });
    } else {
      const value = valueOf(line);
      const quote = value === undefined ? undefined : unclosedQuote(value);
      if (quote)
        causes.push({
          code: 'yaml.unclosed-quote',
          line: no,
          certain: false,
          message: `引号没有配对：这一行的值以 ${quote} 开头，行末却没有配对的 ${quote}：请在值的末尾补上 ${quote}（或把开头的 ${quote} 删掉）`,
        });
      else if (!opens && !levels.includes(indent)) {
        causes.push({
          code: 'yaml.indent',
          line: no,
          certain: false,
          message: `“${shown(line)}” 的缩进（${indent} 个空格）与上下文对不上：同一层的字段要左端对齐，下一层的字段比上一层多缩进两个空格，请调整行首的空格`,
        });
      }
    }
    // The levels open after this line: those up to its own indentation, and its item's content.
    while (levels.length > 1 && (levels.at(-1) ?? 0) > indent) levels.pop();
    if (opens && indent > previousIndent && !levels.includes(indent)) levels.push(indent);
    if (!levels.includes(indent)) levels.push(indent);
    const item = /^(\s*)-\s+(?=\S)/.exec(plain);
    if (item) levels.push(item[0].length);
    const value = valueOf(line) ?? '';
    if (/^[|>][-+0-9]*\s*(#.*)?$/.test(value.trim())) blockScalar = indent;
    opens = /:\s*(#.*)?$/.test(line) || /^\s*-\s*$/.test(line);
    previousIndent = indent;
  });
  return causes;
}
