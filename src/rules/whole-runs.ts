/**
 * Where a line of Chinese may not break: a browser breaks between any two characters, and split
 * 临汾市文明办（示 / 例）, 2026年第三季度“临 / 汾好人”, 共 6 / 位, 10 位个 / 人, 临汾 / 市好人榜 and
 * 看这个县的好人 / 榜 on a phone. Each of these runs is one word to a reader; the page sets them whole
 * (KeepWords.astro, the search page's status). Longer brackets and quotations wrap as running text.
 */
const WHOLE = new RegExp(
  [
    '（[^（）]{1,6}）', // a short note: （示例）
    '“[^“”]{1,8}”', // a quoted title: “临汾好人”
    '\\d+[ \\u00a0]?[位户个号](?:个人|家庭|集体)?', // a count or a number: 6 位, 10 位个人, 备00000000号
    '[\\u4e00-\\u9fff]{2}[市县区]', // a place: 临汾市, 这个县
    '好人榜',
  ].join('|'),
  'gu',
);

/** Words of running text, by the dictionary of the browser's or Node's ICU; none where it has no segmenter. */
const words = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : undefined;

/** A word of two to four Han characters (家庭, 上榜): a line breaks before or after it, not inside. */
const WORD = /^\p{sc=Han}{2,4}$/u;

/**
 * The text cut into runs: the odd-numbered ones are to be set whole, the even ones may break anywhere.
 * The rules above first; between their runs, the dictionary's words (一个家 / 庭 had split).
 */
export function wholeRuns(text: string): string[] {
  const runs: string[] = [];
  /** The run being gathered that may break anywhere. */
  let open = '';
  const free = (part: string) => {
    for (const { segment } of words?.segment(part) ?? [{ segment: part }])
      if (WORD.test(segment)) {
        runs.push(open, segment);
        open = '';
      } else open += segment;
  };
  let at = 0;
  for (const m of text.matchAll(WHOLE)) {
    free(text.slice(at, m.index));
    runs.push(open, m[0]);
    open = '';
    at = m.index + m[0].length;
  }
  free(text.slice(at));
  runs.push(open);
  return runs;
}

/**
 * A story's HTML with its honouree's name kept whole wherever its text says it: the story split 畅文 / 军 and
 * 提起何淑 / 珍 on 30 of the sample's 65 pages in 长辈模式. Only text between tags is touched (never an
 * attribute: a photo's alt may hold the name), and only a name of two to twelve characters (a group's, 尧都区“银发”志愿服务队,
 * with its quotation marks): twelve at 24 px still fit a 320 px screen (the sideways tests check).
 */
export function nameWholeIn(html: string, name: string): string {
  if (!/^[\p{sc=Han}“”]{2,12}$/u.test(name)) return html;
  return (
    html
      // A comment, or a tag whose quoted attribute values may hold > (an editor's alt text: 示例>何淑珍).
      .split(/(<!--[\s\S]*?-->|<(?:[^>"']|"[^"]*"|'[^']*')*>)/u)
      .map((part, i) => (i % 2 === 1 ? part : part.split(name).join(`<span class="keep-whole">${name}</span>`)))
      .join('')
  );
}
